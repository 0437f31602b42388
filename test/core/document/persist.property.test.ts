import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../renderer/core/document/load';
import { serializeDocument, toDocument } from '../../../renderer/core/document/save';
import { DeploymentSession } from '../../../renderer/core/session/session';
import { ManualClock } from '../support/deployments';
import { play, scenarioArb } from '../support/arbitraries';

// The reader opens the document long after the work: no recorded time is in its future.
const options = { clock: new ManualClock('2014-01-01T00:00:00.000Z'), operator: 'reader' };

/** Everything a user could observe of a session: the deployment machine and every server machine. */
function observable(session: DeploymentSession): unknown {
  return JSON.parse(JSON.stringify(session.persisted()));
}

/**
 * One more event for each server: its next step, dated at the newest event of the history, which
 * is neither in the future of the session that recorded it nor before any step already recorded.
 */
function advanceAll(session: DeploymentSession): boolean[] {
  const at = session.history.map((e) => e.at).reduce((a, b) => (a > b ? a : b));
  return session.deployment()!.servers.map((s) => {
    const done = ([4, 3, 2, 1] as const).find((n) => session.server(s.fqdn)?.context.steps[n] !== undefined) ?? 0;
    const result = session.record({
      type: 'step.completed',
      server: s.fqdn,
      step: (done === 4 ? 1 : done + 1) as 1 | 2 | 3 | 4,
      at,
      operator: 'next',
    });
    return result.ok;
  });
}

describe('persistence', () => {
  it('opens a document from its history, not from a snapshot that disagrees with it', () => {
    const original = play({ deployment: fc.sample(scenarioArb, 1)[0]!.deployment, moves: [] });
    const doc = toDocument(original, '2013-03-20T00:00:00.000Z');
    const tampered = JSON.parse(serializeDocument(doc)) as {
      snapshot: { value: { children: Record<string, { snapshot: { value: unknown } }> } };
    };
    const first = Object.values(tampered.snapshot.value.children)[0]!;
    first.snapshot.value = 'servicesRunning';
    const loaded = parseDocument(JSON.stringify(tampered), options);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const server = loaded.session.deployment()!.servers[0]!.fqdn;
    expect(loaded.session.server(server)!.value).toBe('awaitingStep1');
  });

  it('persist → JSON → restore gives the identical state, and the restored actors accept further events', () => {
    let accepted = 0;
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const original = play(scenario);
        const text = serializeDocument(toDocument(original, '2013-03-20T00:00:00.000Z'));
        const loaded = parseDocument(text, options);
        expect(loaded.ok).toBe(true);
        if (!loaded.ok) return;
        // Restored from the stored snapshot, and rebuilt from the history: both are the original.
        const restored = DeploymentSession.restore(loaded.document.history, loaded.document.snapshot!.value, options);
        const replayed = loaded.session;
        expect(restored.history).toEqual(original.history);
        expect(observable(restored)).toEqual(observable(original));
        expect(observable(replayed)).toEqual(observable(original));
        // The restored actors are alive: the same further events give the same outcome and state.
        const further = advanceAll(restored);
        expect(further).toEqual(advanceAll(original));
        accepted += further.filter(Boolean).length;
        expect(observable(restored)).toEqual(observable(original));
        // And a second round trip of the grown history is still identical.
        const again = parseDocument(serializeDocument(toDocument(restored, '2013-03-22T00:00:00.000Z')), options);
        expect(again.ok && observable(again.session)).toEqual(observable(original));
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 200) },
    );
    // The further events are not all refused: the restored actors really moved on.
    expect(accepted).toBeGreaterThan(0);
  });
});
