// Bulk steps (issue 15, item 15): one step marked done on several servers as one action, with one
// time, each command still checked by its own server's machine; a batch across a server that refuses
// records nothing unless the caller says to record the rest.
import { describe, expect, it } from 'vitest';
import type { Command } from '../../../renderer/core/events/schema';
import type { Clock, IsoTime } from '../../../renderer/core/model/time';
import { DeploymentSession } from '../../../renderer/core/session/session';
import { fieldReportDeployment, fieldReportSession, must, staleAfterAssignment } from '../support/deployments';
import { DIR, EDGE, FE1, FE2, FE3 } from './support';

/** A clock that moves a second every time it is read, as a real one would between two records. */
class TickingClock implements Clock {
  private time = Date.parse('2013-03-13T09:00:00.000Z');
  now(): IsoTime {
    this.time += 1000;
    return new Date(this.time).toISOString();
  }
}

function step(server: string, n: 1 | 2 | 3 | 4, at?: IsoTime): Command {
  return { type: 'step.completed', server, step: n, ...(at ? { at } : {}) };
}

describe('recordAll: one step on several servers as one action', () => {
  it('records Step 1 on three Front Ends as three events with the same time, though the clock moves', () => {
    const created = DeploymentSession.create(fieldReportDeployment(), {
      clock: new TickingClock(),
      operator: 'j.smith',
    });
    if (!created.ok) throw new Error(created.message);
    const session = created.session;
    const before = session.history.length;
    const result = session.recordAll([FE1, FE2, FE3].map((s) => step(s, 1)));
    expect(result.ok).toBe(true);
    expect(result.items.map((i) => [i.server, i.outcome])).toEqual([
      [FE1, 'recorded'],
      [FE2, 'recorded'],
      [FE3, 'recorded'],
    ]);
    const events = session.history.slice(before);
    expect(events.map((e) => e.type === 'step.completed' && [e.server, e.step])).toEqual([
      [FE1, 1],
      [FE2, 1],
      [FE3, 1],
    ]);
    expect(new Set(events.map((e) => e.at)).size).toBe(1);
    for (const s of [FE1, FE2, FE3]) expect(session.server(s)!.context.steps[1]!.at).toBe(events[0]!.at);
  });

  it('gives every server the time typed for the batch', () => {
    const { session, clock } = staleAfterAssignment();
    clock.set('2013-03-14T11:00:00.000Z');
    const at = '2013-03-14T10:30:00.000Z';
    must(session, step(DIR, 1, '2013-03-14T10:10:00.000Z'));
    must(session, step(EDGE, 1, '2013-03-14T10:10:00.000Z'));
    const result = session.recordAll([DIR, EDGE].map((s) => step(s, 2, at)));
    expect(result.ok).toBe(true);
    expect(session.history.slice(-2).map((e) => e.at)).toEqual([at, at]);
  });

  it("checks each Step 3 by its own server's gate: each is recorded with the rule that let it through", () => {
    const { session, clock } = staleAfterAssignment();
    clock.set('2013-03-14T10:20:00.000Z');
    // dir01 took its local store after the assignment; the Edge Server has no gate; fe02 is overridden.
    for (const s of [DIR, EDGE]) must(session, step(s, 1));
    for (const s of [DIR, EDGE]) must(session, step(s, 2));
    must(session, {
      type: 'override.recorded',
      server: FE2,
      reason: 'Get-CsCertificate on fe02 shows the OAuthTokenIssuer thumbprint',
      change: 'CHG-1234',
    });
    clock.set('2013-03-14T10:40:00.000Z');
    const result = session.recordAll([DIR, EDGE, FE2].map((s) => step(s, 3)));
    expect(result.ok).toBe(true);
    expect([DIR, EDGE, FE2].map((s) => session.server(s)!.context.steps[3]!.rule)).toEqual([
      'replica-current',
      'no-oauth-needed',
      'override',
    ]);
  });

  it("records nothing when one server refuses, and names it with its machine's reason", () => {
    const { session, clock } = staleAfterAssignment();
    clock.set('2013-03-14T10:20:00.000Z');
    for (const s of [DIR, EDGE]) must(session, step(s, 1));
    for (const s of [DIR, EDGE]) must(session, step(s, 2));
    const before = session.history.length;
    // fe02's local store predates the assignment: its gate is closed.
    const result = session.recordAll([DIR, FE2, EDGE].map((s) => step(s, 3)));
    expect(result.ok).toBe(false);
    expect(session.history.length).toBe(before);
    expect(result.items.map((i) => [i.server, i.outcome])).toEqual([
      [DIR, 'held-back'],
      [FE2, 'refused'],
      [EDGE, 'held-back'],
    ]);
    const refused = result.items[1]!;
    expect(refused.outcome === 'refused' && refused.message).toBe(session.wouldRefuse(step(FE2, 3)));
    expect(refused.outcome === 'refused' && refused.message).toMatch(/^Blocked: stale local replica\./);
    expect(session.server(DIR)!.context.steps[3]).toBeUndefined();
  });

  it('refuses Step 2 before Step 1 in a batch, naming the server, and records none of the batch', () => {
    const { session } = staleAfterAssignment();
    must(session, step(DIR, 1));
    const before = session.history.length;
    const result = session.recordAll([DIR, EDGE].map((s) => step(s, 2)));
    expect(session.history.length).toBe(before);
    const edge = result.items[1]!;
    expect(edge.server).toBe(EDGE);
    expect(edge.outcome === 'refused' && edge.message).toBe(
      'Step 2: Setup or Remove Lync Server Components on edge01.perimeter.contoso.com needs Step 1: Install Local Configuration Store first.',
    );
  });

  it('records the others, and not the refused one, when the caller says to record the rest', () => {
    const { session, clock } = staleAfterAssignment();
    clock.set('2013-03-14T10:20:00.000Z');
    for (const s of [DIR, EDGE]) must(session, step(s, 1));
    for (const s of [DIR, EDGE]) must(session, step(s, 2));
    const before = session.history.length;
    clock.set('2013-03-14T10:40:00.000Z');
    const result = session.recordAll(
      [DIR, FE2, EDGE].map((s) => step(s, 3)),
      { evenIfSomeRefused: true },
    );
    expect(result.ok).toBe(false);
    expect(result.items.map((i) => [i.server, i.outcome])).toEqual([
      [DIR, 'recorded'],
      [FE2, 'refused'],
      [EDGE, 'recorded'],
    ]);
    const events = session.history.slice(before);
    expect(events.map((e) => e.type === 'step.completed' && e.server)).toEqual([DIR, EDGE]);
    expect(events.map((e) => e.at)).toEqual(['2013-03-14T10:40:00.000Z', '2013-03-14T10:40:00.000Z']);
    expect(session.server(FE2)!.context.steps[3]).toBeUndefined();
  });

  it('reports a command its machine refuses once those before it are recorded, and records the rest', () => {
    // No certificate assigned yet: each Front End's Step 3 would assign it, judged before the batch.
    const { session: s, clock } = fieldReportSession();
    clock.set('2013-03-13T09:00:00.000Z');
    for (const fe of [FE1, FE2, FE3]) must(s, step(fe, 1));
    for (const fe of [FE1, FE2, FE3]) must(s, step(fe, 2));
    clock.set('2013-03-14T10:00:00.000Z');
    const result = s.recordAll([FE1, FE2, FE3, DIR].map((f) => step(f, f === DIR ? 1 : 3)));
    // fe01's Step 3 assigned the certificate: fe02's and fe03's local stores, taken before, are stale.
    expect(result.items.map((i) => [i.server, i.outcome])).toEqual([
      [FE1, 'recorded'],
      [FE2, 'refused-when-recorded'],
      [FE3, 'refused-when-recorded'],
      [DIR, 'recorded'],
    ]);
    expect(result.ok).toBe(false);
    const fe2 = result.items[1]!;
    expect(fe2.outcome === 'refused-when-recorded' && fe2.message).toMatch(/^Blocked: stale local replica\./);
    expect(s.snapshot().context.oauth?.server).toBe(FE1);
  });

  it('refuses the whole batch in a session opened to be read', () => {
    const { session } = staleAfterAssignment();
    const replayed = DeploymentSession.replay(session.history, '2013-03-15T00:00:00.000Z');
    if (!replayed.ok) throw new Error(replayed.message);
    const result = replayed.session.recordAll(
      [DIR, EDGE].map((s) => step(s, 1)),
      { evenIfSomeRefused: true },
    );
    expect(result.items.map((i) => i.outcome)).toEqual(['refused', 'refused']);
    expect(replayed.session.history.length).toBe(session.history.length);
  });
});
