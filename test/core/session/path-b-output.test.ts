// Path B's replication-services item takes the output of -CentralManagementStoreStatus as its proof,
// judged when recorded and again whenever the history is replayed (replication-and-pools D1, P3).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../renderer/core/document/load';
import { serializeDocument, toDocument } from '../../../renderer/core/document/save';
import { serverStatus } from '../../../renderer/core/machines/status';
import { timelineEntries } from '../../../renderer/core/runbook/timeline';
import { fieldReportSession, must, THUMBPRINT } from '../support/deployments';
import { verifiedEvidence } from '../support/evidence';

const FE = ['fe01.contoso.local', 'fe02.contoso.local', 'fe03.contoso.local'] as const;
const DIR = 'dir01.contoso.local';
const output = (name: string) =>
  readFileSync(new URL(`../evidence/fixtures/cms-status/${name}`, import.meta.url), 'utf8');

/** The field report up to the CMS pool's start, with the Director stale and on path B. */
function directorOnPathB() {
  const { session, clock } = fieldReportSession('sfb2015');
  clock.set('2013-03-13T09:00:00.000Z');
  for (const s of [...FE, DIR]) must(session, { type: 'step.completed', server: s, step: 1 });
  clock.set('2013-03-13T11:00:00.000Z');
  for (const s of [...FE, DIR]) must(session, { type: 'step.completed', server: s, step: 2 });
  clock.set('2013-03-14T10:00:00.000Z');
  must(session, { type: 'step.completed', server: FE[0], step: 3, thumbprint: THUMBPRINT });
  clock.set('2013-03-14T11:00:00.000Z');
  for (const fe of [FE[1], FE[2]]) {
    must(session, verifiedEvidence(session, fe, { thumbprints: [THUMBPRINT] }));
    must(session, { type: 'step.completed', server: fe, step: 3 });
  }
  must(session, { type: 'pool.started', pool: 'fepool.contoso.local', servers: [...FE] });
  must(session, { type: 'remediation.chosen', server: DIR, path: 'B' });
  return { session, clock };
}

describe("path B's replication services, proved by pasted output", () => {
  it('records the output when it shows the CMS pool active, and refuses it when the CMS is not available', () => {
    const { session } = directorOnPathB();
    expect(serverStatus(session.server(DIR)!).remediation?.next?.id).toBe('replication-services');
    const item = { type: 'remediation.item.completed', server: DIR, path: 'B', item: 'replication-services' } as const;
    const refused = session.record({ ...item, output: { text: output('not-available.txt'), read: [] } });
    expect(!refused.ok && refused.message).toContain('the Central Management Server is not available');
    must(session, { ...item, output: { text: output('active.txt'), read: ['ActiveMasterFqdn: fe01.contoso.local'] } });
    expect(serverStatus(session.server(DIR)!).remediation?.next?.id).toBe('start-agent');
    const recorded = session.history.at(-1);
    expect(recorded).toMatchObject({ type: 'remediation.item.completed', output: { text: output('active.txt') } });
    // The runbook says what the output showed, read again from its text.
    const entry = timelineEntries(session.history).at(-1);
    expect(entry?.detail).toMatch(/^Shown by Get-CsManagementStoreReplicationStatus -CentralManagementStoreStatus: /);
    expect(entry?.detail).toContain(
      'ActiveMasterFqdn: fe01.contoso.local; ActiveFileTransferAgents: fe01.contoso.local',
    );
  });

  it('refuses output on an item that takes none', () => {
    const { session } = directorOnPathB();
    must(session, { type: 'remediation.item.completed', server: DIR, path: 'B', item: 'replication-services' });
    const wrong = session.record({
      type: 'remediation.item.completed',
      server: DIR,
      path: 'B',
      item: 'start-agent',
      output: { text: output('active.txt'), read: [] },
    });
    expect(!wrong.ok && wrong.message).toContain('"start-agent" takes none');
  });

  it('judges the output again when the file is opened: an edited output does not replay', () => {
    const { session } = directorOnPathB();
    must(session, {
      type: 'remediation.item.completed',
      server: DIR,
      path: 'B',
      item: 'replication-services',
      output: { text: output('active.txt'), read: [] },
    });
    const text = serializeDocument(toDocument(session, '2013-03-15T09:00:00.000Z'));
    expect(parseDocument(text).ok).toBe(true);
    const edited = text.replace('ActiveMasterFqdn         : fe01.contoso.local', 'ActiveMasterFqdn         :');
    expect(edited).not.toBe(text);
    const opened = parseDocument(edited);
    expect(opened.ok).toBe(false);
    expect(!opened.ok && opened.message).toContain('the Central Management Server is not available');
  });
});
