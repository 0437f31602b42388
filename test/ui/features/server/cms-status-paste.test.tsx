import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ServerView } from '../../../../renderer/ui/features/server/server-view';
import { verifiedEvidence } from '../../../core/support/evidence';
import { memoryHost, renderUi } from '../../support';
import { sampleWorkspace } from '../../workspaces';

const FE = ['fe01.contoso.local', 'fe02.contoso.local', 'fe03.contoso.local'];
const DIR = 'dir01.contoso.local';
const THUMBPRINT = /[0-9A-F]{40}/;
const fixture = (name: string) =>
  readFileSync(join(process.cwd(), 'test/core/evidence/fixtures/cms-status', name), 'utf8');

/** The sample with its pool started and the Director stale, on path B at its replication-services item. */
function directorOnPathB() {
  const workspace = sampleWorkspace();
  const session = workspace.session;
  const must = (command: Parameters<typeof session.record>[0]) => {
    const result = session.record(command);
    if (!result.ok) throw new Error(result.message);
  };
  const thumbprint = session.snapshot().context.oauth?.thumbprint ?? '';
  expect(thumbprint).toMatch(THUMBPRINT);
  must({ type: 'step.completed', server: DIR, step: 1, at: '2026-03-13T09:00:00.000Z' });
  must({ type: 'step.completed', server: DIR, step: 2, at: '2026-03-13T11:00:00.000Z' });
  for (const fe of FE.slice(1)) {
    must(verifiedEvidence(session, fe, { thumbprints: [thumbprint] }));
    must({ type: 'step.completed', server: fe, step: 3 });
  }
  must({ type: 'pool.started', pool: 'fepool.contoso.local', servers: FE });
  must({ type: 'remediation.chosen', server: DIR, path: 'B' });
  const host = memoryHost();
  renderUi(<ServerView workspace={workspace} host={host} fqdn={DIR} onBack={() => undefined} />);
  return workspace;
}

describe("path B's replication-services item", () => {
  it("shows B.1, the CMS pool's start, done once the pool has started (issue 15, bug 5), not as later", () => {
    directorOnPathB();
    const first = screen.getByText(/^B\.1 The CMS pool has started/).closest('li')!;
    expect(first.textContent).toContain('(done)');
    expect(first.textContent).not.toContain('Later');
  });

  it('reads the pasted CMS status, says whether the services are active, and records it with the item', () => {
    const workspace = directorOnPathB();
    const paste = screen.getByLabelText(
      /Output of Get-CsManagementStoreReplicationStatus -CentralManagementStoreStatus/,
    );
    fireEvent.change(paste, { target: { value: fixture('not-available.txt') } });
    expect(screen.getByText('This output does not show the replication services active')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Mark B.2 done' }));
    expect(screen.getAllByText(/the Central Management Server is not available/).length).toBeGreaterThan(1);
    expect(workspace.session.history.at(-1)?.type).toBe('remediation.chosen');

    fireEvent.change(paste, { target: { value: fixture('active.txt') } });
    expect(screen.getByText('The replication services of fepool.contoso.local are active')).toBeTruthy();
    expect(screen.getByLabelText('What was read from the CMS status').textContent).toContain(
      'ActiveMasterFqdn: fe01.contoso.local',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Mark B.2 done' }));
    expect(workspace.session.history.at(-1)).toMatchObject({
      type: 'remediation.item.completed',
      item: 'replication-services',
      output: { text: fixture('active.txt'), read: expect.arrayContaining(['ActiveMasterFqdn: fe01.contoso.local']) },
    });
  });
});
