import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../renderer/core/document/load';
import { serializeDocument, toDocument } from '../../../renderer/core/document/save';
import { type DeploymentSession } from '../../../renderer/core/session/session';
import { ManualClock } from '../support/deployments';
import { play, savedAtOf, scenarioArb } from '../support/arbitraries';

// The reader opens the document long after the work: no recorded time is in its future.
const options = { clock: new ManualClock('2014-01-01T00:00:00.000Z'), operator: 'reader' };

/** Everything a user could observe of a session: the deployment machine and every server machine. */
function observable(session: DeploymentSession): unknown {
  return JSON.parse(JSON.stringify(session.actor.getPersistedSnapshot()));
}

/**
 * One more event for each server: its next step, dated at the newest event of the history, which
 * is neither in the future of the session that recorded it nor before any step already recorded.
 */
function advanceAll(session: DeploymentSession): boolean[] {
  const at = session.history.map((e) => e.at).reduce((a, b) => (a > b ? a : b));
  // Recorded by the same clock in both sessions, so both stamp the same recording time.
  session.setRecorder({ clock: new ManualClock(savedAtOf(session)), operator: 'next' });
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
  it('writes the text JSON.stringify would, whether it writes the history whole or appends to the last save', () => {
    fc.assert(
      fc.property(scenarioArb, fc.string(), (scenario, name) => {
        const session = play(scenario);
        const doc = toDocument(session, '2013-03-20T00:00:00.000Z');
        expect(serializeDocument(doc)).toBe(`${JSON.stringify(doc, null, 1)}\n`);
        // Awkward text where the document's own text is put together (quotes, newlines, braces).
        const renamed = { ...doc, deployment: { ...doc.deployment, name: `${name}"history": [\n}` } };
        expect(serializeDocument(renamed)).toBe(`${JSON.stringify(renamed, null, 1)}\n`);
        const one = { ...doc, history: doc.history.slice(0, 1) };
        expect(serializeDocument(one)).toBe(`${JSON.stringify(one, null, 1)}\n`);
        // The same events in another order, then the history grown by a few events after a save.
        const reversed = { ...doc, history: [...doc.history].reverse() };
        expect(serializeDocument(reversed)).toBe(`${JSON.stringify(reversed, null, 1)}\n`);
        expect(serializeDocument(doc)).toBe(`${JSON.stringify(doc, null, 1)}\n`);
        advanceAll(session);
        const grown = toDocument(session, '2013-03-21T00:00:00.000Z');
        expect(serializeDocument(grown)).toBe(`${JSON.stringify(grown, null, 1)}\n`);
      }),
      { numRuns: 40 },
    );
    const empty = {
      ...toDocument(
        play({ deployment: fc.sample(scenarioArb, 1)[0]!.deployment, moves: [] }),
        '2013-03-20T00:00:00.000Z',
      ),
      history: [],
    };
    expect(serializeDocument(empty)).toBe(`${JSON.stringify(empty, null, 1)}\n`);
  });

  it('opens a version 1 document from its history, not from the snapshot it stored', () => {
    const original = play({ deployment: fc.sample(scenarioArb, 1)[0]!.deployment, moves: [] });
    const doc = toDocument(original, '2013-03-20T00:00:00.000Z');
    const children = Object.fromEntries(
      original.deployment()!.servers.map((s) => [`server:${s.fqdn}`, { snapshot: { value: 'servicesRunning' } }]),
    );
    // As version 1 wrote it, with a hand-edited snapshot that puts every server past its steps.
    const v1 = { ...doc, schemaVersion: 1, snapshot: { machineVersion: 'deployment-1/server-1', value: { children } } };
    const loaded = parseDocument(JSON.stringify(v1), options);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.migratedFrom).toBe(1);
    const server = loaded.session.deployment()!.servers[0]!.fqdn;
    expect(loaded.session.server(server)!.value).toBe('awaitingStep1');
  });

  it('save → JSON → open gives the identical state, and the opened actors accept further events', () => {
    let accepted = 0;
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const original = play(scenario);
        const text = serializeDocument(toDocument(original, savedAtOf(original)));
        const loaded = parseDocument(text, options);
        expect(loaded.ok).toBe(true);
        if (!loaded.ok) return;
        const opened = loaded.session;
        expect(opened.history).toEqual(original.history);
        expect(observable(opened)).toEqual(observable(original));
        // The opened actors are alive: the same further events give the same outcome and state.
        const further = advanceAll(opened);
        expect(further).toEqual(advanceAll(original));
        accepted += further.filter(Boolean).length;
        expect(observable(opened)).toEqual(observable(original));
        // And a second round trip of the grown history is still identical.
        const again = parseDocument(serializeDocument(toDocument(opened, savedAtOf(opened))), options);
        expect(again.ok && observable(again.session)).toEqual(observable(original));
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 200) },
    );
    // The further events are not all refused: the opened actors really moved on.
    expect(accepted).toBeGreaterThan(0);
  });
});
