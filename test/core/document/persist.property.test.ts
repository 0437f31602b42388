import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument, openDocument } from '../../../renderer/core/document/load';
import { serializeDocument, toDocument } from '../../../renderer/core/document/save';
import type { DeploymentSession } from '../../../renderer/core/session/session';
import { ManualClock } from '../support/deployments';
import { play, scenarioArb } from '../support/arbitraries';

const options = { clock: new ManualClock('2013-03-20T00:00:00.000Z'), operator: 'reader' };

/** Everything a user could observe of a session: the deployment machine and every server machine. */
function observable(session: DeploymentSession): unknown {
  return JSON.parse(JSON.stringify(session.persisted()));
}

/** One more event for each server: its next step, at a fixed later time. */
function advanceAll(session: DeploymentSession): boolean[] {
  return session.deployment()!.servers.map((s) => {
    const done = ([4, 3, 2, 1] as const).find((n) => session.server(s.fqdn)?.context.steps[n] !== undefined) ?? 0;
    const result = session.record({ type: 'step.completed', server: s.fqdn, step: (done === 4 ? 1 : done + 1) as 1 | 2 | 3 | 4, at: '2013-03-21T00:00:00.000Z', operator: 'next' });
    return result.ok;
  });
}

describe('persistence', () => {
  it('persist → JSON → restore gives the identical state, and the restored actors accept further events', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const original = play(scenario);
        const text = serializeDocument(toDocument(original, '2013-03-20T00:00:00.000Z'));
        const loaded = parseDocument(text, options);
        expect(loaded.ok).toBe(true);
        if (!loaded.ok) return;
        const restored = openDocument(loaded.document, options);
        const replayed = openDocument({ ...loaded.document, snapshot: null }, options);
        expect(restored.history).toEqual(original.history);
        expect(observable(restored)).toEqual(observable(original));
        expect(observable(replayed)).toEqual(observable(original));
        // The restored actors are alive: the same further events give the same outcome and state.
        expect(advanceAll(restored)).toEqual(advanceAll(original));
        expect(observable(restored)).toEqual(observable(original));
        // And a second round trip of the grown history is still identical.
        const again = parseDocument(serializeDocument(toDocument(restored, '2013-03-22T00:00:00.000Z')), options);
        expect(again.ok && observable(openDocument(again.document, options))).toEqual(observable(original));
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 200) },
    );
  });
});
