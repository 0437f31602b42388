import { describe, expect, it } from 'vitest';
import { must } from '../support/deployments';
import { assignedOnFe01, FE2, FE3, phase } from './support';
import { pastedEvidence, replicationEvidence, replicationPaste, verifiedEvidence } from '../support/evidence';

describe('the Step 3 gate in other situations', () => {
  it('unblocks through path C once Step 1 is run again, after replication completed', () => {
    const { session, clock } = assignedOnFe01();
    must(session, { type: 'remediation.chosen', server: FE3, path: 'C' });
    const early = session.record({ type: 'remediation.item.completed', server: FE3, path: 'C', item: 'rerun-step1' });
    expect(!early.ok && early.message).toBe(
      'Next on path C is "Check that the Central Management Store holds the assignment"; do the items in order.',
    );
    clock.set('2013-03-14T10:30:00.000Z');
    must(session, { type: 'remediation.item.completed', server: FE3, path: 'C', item: 'cms-holds-assignment' });
    expect(phase(session, FE3)).toBe('blocked');
    clock.set('2013-03-14T10:35:00.000Z');
    must(session, { type: 'step.completed', server: FE3, step: 1 });
    expect(phase(session, FE3)).toBe('ready-for-step3');
    const ctx = session.server(FE3)!.context;
    expect(ctx.step1At).toBe('2013-03-14T10:35:00.000Z');
    expect(ctx.steps[1]!.runs).toBe(2);
    expect(ctx.items.map((i) => i.item)).toEqual(['cms-holds-assignment', 'rerun-step1']);
    must(session, { type: 'step.completed', server: FE3, step: 3 });
    expect(session.server(FE3)!.context.steps[3]!.rule).toBe('replica-current');
  });

  it('keeps a server blocked when Step 1 is recorded again with a time before the assignment', () => {
    const { session } = assignedOnFe01();
    must(session, { type: 'step.completed', server: FE3, step: 1, at: '2013-03-13T12:00:00.000Z' });
    expect(phase(session, FE3)).toBe('blocked');
  });

  it('records switching path, with from and to', () => {
    const { session } = assignedOnFe01();
    must(session, { type: 'remediation.chosen', server: FE2, path: 'B' });
    must(session, { type: 'remediation.chosen', server: FE2, path: 'A' });
    const same = session.record({ type: 'remediation.chosen', server: FE2, path: 'A' });
    expect(!same.ok && same.message).toBe('Path A is already the chosen path on fe02.contoso.local.');
    expect(session.server(FE2)!.context.switches.map((s) => [s.from, s.to])).toEqual([
      [null, 'B'],
      ['B', 'A'],
    ]);
    expect(session.server(FE2)!.value).toEqual({ awaitingStep3: { blocked: { pathA: 'export' } } });
  });

  it('refuses evidence that does not cover the assignment and keeps the server blocked', () => {
    const { session } = assignedOnFe01();
    const before = session.history.length;
    const stale = session.record(replicationEvidence(session, FE2, '2013-03-14T09:59:00.000Z'));
    expect(stale.ok).toBe(false);
    // fe03's output, and a proof of fe03, recorded for fe02.
    const fe03 = pastedEvidence(
      session,
      FE2,
      replicationPaste(FE3, { upToDate: true, lastUpdate: '2013-03-14T11:00:00.000Z' }),
    );
    expect(session.record(fe03).ok).toBe(false);
    const other = session.record({
      ...replicationEvidence(session, FE2, '2013-03-14T11:00:00.000Z'),
      proof: { server: FE3, upToDate: true, lastUpdate: '2013-03-14T11:00:00.000Z' },
    });
    expect(!other.ok && other.message).toBe(
      'The proof recorded as evidence for fe02.contoso.local is not what its pasted output shows (judged again, read as en-US in UTC).',
    );
    const wrongThumb = session.record(verifiedEvidence(session, FE2, { thumbprints: ['F'.repeat(40)] }));
    expect(wrongThumb.ok).toBe(false);
    expect(session.history.length).toBe(before);
    expect(phase(session, FE2)).toBe('blocked');
  });

  it('accepts evidence even when no path was chosen (replication caught up by itself)', () => {
    const { session, clock } = assignedOnFe01();
    // Pasted after the update it shows (an output cannot show the future).
    clock.set('2013-03-14T10:25:00.000Z');
    must(session, replicationEvidence(session, FE2, '2013-03-14T10:20:00.000Z'));
    expect(phase(session, FE2)).toBe('ready-for-step3');
    expect(session.server(FE2)!.context.path).toBeNull();
    expect(session.server(FE2)!.context.refreshedAt).toBe('2013-03-14T10:20:00.000Z');
  });
});
