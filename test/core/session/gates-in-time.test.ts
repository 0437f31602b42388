// Gates hold in time (issue 14, item 2): no step is dated before what allowed it, evidence cannot show
// the future, and a path item is done only when what it asks for is true in time. Each contradiction
// the change-advisory board found is refused here with both times named.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../renderer/core/document/load';
import { serializeDocument, toDocument } from '../../../renderer/core/document/save';
import { buildRunbook, exportRunbook, timelineEntries } from '../../../renderer/core/runbook';
import { UNCHECKED_WORDS } from '../../../renderer/core/runbook/timeline';
import { must } from '../support/deployments';
import { replicationEvidence } from '../support/evidence';
import { assignedOnFe01, FE2, FE3, phase } from './support';

describe('a step is not dated before what allowed it', () => {
  it("fe03's Step 3 dated 10:05, before the evidence showed its store current at 10:38: refused, both times named", () => {
    const { session, clock } = assignedOnFe01();
    clock.set('2013-03-14T10:45:00.000Z');
    must(session, replicationEvidence(session, FE3, '2013-03-14T10:38:00.000Z'));
    const early = session.record({ type: 'step.completed', server: FE3, step: 3, at: '2013-03-14T10:05:00.000Z' });
    expect(!early.ok && early.message).toBe(
      'Step 3: Request, Install or Assign Certificates on fe03.contoso.local is dated 2013-03-14T10:05:00Z, before its gate was open: the accepted evidence shows its local store current at 2013-03-14T10:38:00Z. Enter the time Step 3 was really run, after that.',
    );
    // Within the minute the evidence shows, and after it: accepted.
    expect(session.record({ type: 'step.completed', server: FE3, step: 3, at: '2013-03-14T10:38:00.000Z' }).ok).toBe(
      true,
    );
  });

  it("fe02's Step 3 dated 14 March 10:30, before the override that opened its gate: refused, both times named", () => {
    const { session, clock } = assignedOnFe01();
    clock.set('2013-03-14T11:00:00.000Z');
    must(session, {
      type: 'override.recorded',
      change: 'CHG-0001',
      server: FE2,
      reason: 'Checked by hand on fe02 under CHG-1234',
    });
    const early = session.record({ type: 'step.completed', server: FE2, step: 3, at: '2013-03-14T10:30:00.000Z' });
    expect(!early.ok && early.message).toBe(
      'Step 3: Request, Install or Assign Certificates on fe02.contoso.local is dated 2013-03-14T10:30:00Z, before its gate was open: the override was recorded at 2013-03-14T11:00:00Z. Enter the time Step 3 was really run, after that.',
    );
  });

  it('a path, an item, evidence or an override dated before the assignment that made the store stale: refused', () => {
    const { session, clock } = assignedOnFe01();
    clock.set('2013-03-14T11:00:00.000Z');
    const path = session.record({ type: 'remediation.chosen', server: FE2, path: 'A', at: '2013-03-14T09:30:00.000Z' });
    expect(!path.ok && path.message).toBe(
      "Choosing path A on fe02.contoso.local is dated 2013-03-14T09:30:00Z, before the OAuthTokenIssuer certificate was assigned on fe01.contoso.local (2013-03-14T10:00:00Z), the assignment that left this server's local store stale: check the date and time.",
    );
    must(session, { type: 'remediation.chosen', server: FE2, path: 'A', at: '2013-03-14T10:30:00.000Z' });
    const item = session.record({
      type: 'remediation.item.completed',
      server: FE2,
      path: 'A',
      item: 'export',
      at: '2013-03-14T10:20:00.000Z',
    });
    expect(!item.ok && item.message).toMatch(
      /is dated 2013-03-14T10:20:00Z, before path A was chosen \(2013-03-14T10:30:00Z\): items are done after their path is chosen/,
    );
    must(session, {
      type: 'remediation.item.completed',
      server: FE2,
      path: 'A',
      item: 'export',
      at: '2013-03-14T10:40:00.000Z',
    });
    const next = session.record({
      type: 'remediation.item.completed',
      server: FE2,
      path: 'A',
      item: 'import',
      at: '2013-03-14T10:35:00.000Z',
    });
    expect(!next.ok && next.message).toMatch(
      /is dated 2013-03-14T10:35:00Z, before the item done before it \(.*, 2013-03-14T10:40:00Z\): the items are done in order/,
    );
  });
});

describe('evidence cannot show the future', () => {
  it('a replication status whose LastUpdateCreation is 24 December, pasted on 1 December: refused with what to check', () => {
    const { session, clock } = assignedOnFe01();
    clock.set('2013-12-01T09:00:00.000Z');
    const result = session.record(replicationEvidence(session, FE2, '2013-12-24T10:38:47.000Z'));
    expect(!result.ok && result.message).toBe(
      "The evidence for fe02.contoso.local shows 2013-12-24T10:38:47Z, later than it was recorded (2013-12-01T09:00:00Z): no output shows the future. Check the console's locale (is 12/03 the 3rd of December or the 12th of March?), the time zone chosen for the server, and the server's clock, then judge it again.",
    );
    expect(phase(session, FE2)).toBe('blocked');
  });
});

describe('a path item is done only when what it asks for is true in time', () => {
  it('a re-run of Step 1 dated before the assignment does not complete path C, and the runbook says so', () => {
    const { session, clock } = assignedOnFe01();
    clock.set('2013-03-14T10:30:00.000Z');
    must(session, { type: 'remediation.chosen', server: FE2, path: 'C' });
    must(session, { type: 'remediation.item.completed', server: FE2, path: 'C', item: 'cms-holds-assignment' });
    must(session, { type: 'step.completed', server: FE2, step: 1, at: '2013-03-14T09:55:00.000Z' });
    // The run is recorded, the store is still stale and the item still waits.
    expect(phase(session, FE2)).toBe('blocked');
    const context = session.server(FE2)!.context;
    expect(context.steps[1]?.runs).toBe(2);
    expect(context.items.map((i) => i.item)).toEqual(['cms-holds-assignment']);
    const runbook = buildRunbook(session, { exportedAt: '2013-03-14T10:30:00.000Z' });
    const fe02 = runbook.servers.find((s) => s.fqdn === FE2)!;
    expect(fe02.remediations.flatMap((r) => r.items.map((i) => i.item))).toEqual(['cms-holds-assignment']);
    const rerun = timelineEntries(session.history, session.facts).find(
      (e) => e.kind === 'step.completed' && e.server === FE2 && e.summary.endsWith('(run 2)'),
    )!;
    expect(rerun.detail).toBe(
      'Dated before the OAuthTokenIssuer certificate was assigned on fe01.contoso.local (2013-03-14T10:00:00Z): this copy does not hold it, so the local store is still stale and a remediation\'s "Run Step 1 again" is not done by it.',
    );
    expect(exportRunbook(session, 'md', '2013-03-14T10:30:00.000Z')).not.toMatch(/Done: Run Step 1 again/);
    // A run after the assignment completes it and opens the gate.
    must(session, { type: 'step.completed', server: FE2, step: 1 });
    expect(phase(session, FE2)).toBe('ready-for-step3');
  });
});

describe('a file of version 5 holding a contradiction', () => {
  const text = readFileSync(
    new URL('../document/fixtures/v5-step-3-before-its-override.lyncrunbook', import.meta.url),
    'utf8',
  );

  it('opens, keeps the entry as it was recorded, marked as a contradiction the rule was not applied to', () => {
    const opened = parseDocument(text);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    const step3 = opened.document.history.find((e) => e.type === 'step.completed' && e.server === FE2 && e.step === 3)!;
    expect(step3).toMatchObject({ at: '2013-03-14T10:30:00.000Z', unchecked: 'time-order' });
    expect(opened.document.history.filter((e) => e.unchecked !== undefined)).toHaveLength(1);
    const entry = timelineEntries(opened.session.history, opened.session.facts).find(
      (e) => e.seq === opened.document.history.indexOf(step3),
    )!;
    expect(entry.detail).toContain(UNCHECKED_WORDS);
    // Saved again, it opens as it is: the mark is kept.
    const again = parseDocument(serializeDocument(toDocument(opened.session, opened.document.savedAt)));
    expect(again.ok && again.document.history).toEqual(opened.document.history);
  });

  it('the mark cannot be given with a new command, nor the pool-start mark of an older version', () => {
    const { session, clock } = assignedOnFe01();
    clock.set('2013-03-14T11:00:00.000Z');
    must(session, {
      type: 'override.recorded',
      change: 'CHG-0001',
      server: FE2,
      reason: 'Checked by hand on fe02 under CHG-1234',
    });
    const forged = {
      type: 'step.completed',
      server: FE2,
      step: 3,
      at: '2013-03-14T10:30:00.000Z',
      unchecked: 'time-order',
    };
    const result = session.record(forged as never);
    expect(!result.ok && result.message).toBe(
      'This step.completed is not valid: unchecked is set only when an older file is migrated.',
    );
    const pool = session.record({
      type: 'pool.started',
      pool: 'fepool.contoso.local',
      servers: ['fe01.contoso.local'],
      recordedAs: 'server-step-4',
    } as never);
    expect(!pool.ok && pool.message).toBe(
      'This pool.started is not valid: recordedAs is set only when an older file is migrated.',
    );
  });
});
