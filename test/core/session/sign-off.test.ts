// The change record and its sign-off (issue 14, item 4): the deployment carries the change's ID,
// window, implementers, approver and rollback; a sign-off signs the fingerprint of the whole history
// before it, stamped by the session, so an entry edited afterwards makes the file refuse to open.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { historyFingerprint } from '../../../renderer/core/document/fingerprint';
import { parseDocument } from '../../../renderer/core/document/load';
import { serializeDocument, toDocument } from '../../../renderer/core/document/save';
import type { Command } from '../../../renderer/core/events/schema';
import { must } from '../support/deployments';
import { assignedOnFe01 } from './support';

const CHANGE = {
  id: 'CHG-0314',
  windowStart: '2013-03-13T08:00:00.000Z',
  windowEnd: '2013-03-14T18:00:00.000Z',
  implementers: ['j.smith'],
  approver: 'm.jones',
  rollback: 'Remove the new pool from the topology and publish it again.',
};

function signed() {
  const { session, clock } = assignedOnFe01();
  must(session, { type: 'change.recorded', change: CHANGE });
  clock.set('2013-03-14T11:00:00.000Z');
  must(session, { type: 'change.signed', by: 'm.jones', as: 'approver' });
  return { session, clock };
}

describe('the change record and its sign-off', () => {
  it('a sign-off signs the fingerprint of the whole history before it, which no command can give', () => {
    const { session } = signed();
    const signOff = session.history.at(-1)!;
    const before = session.history.slice(0, -1);
    expect(signOff).toMatchObject({
      type: 'change.signed',
      events: before.length,
      fingerprint: historyFingerprint(before),
    });
    // A fingerprint given with the command is not taken.
    const forged = session.record({
      type: 'change.signed',
      by: 'x',
      as: 'y',
      fingerprint: '0'.repeat(64),
    } as unknown as Command);
    expect(forged.ok && forged.event.type === 'change.signed' && forged.event.fingerprint).toBe(
      historyFingerprint(session.history.slice(0, -1)),
    );
  });

  it('is refused before a change is recorded, and a window that ends before it starts is refused', () => {
    const { session } = assignedOnFe01();
    const early = session.record({ type: 'change.signed', by: 'm.jones', as: 'approver' });
    expect(!early.ok && early.message).toMatch(/^Record the change first/);
    const backwards = session.record({ type: 'change.recorded', change: { ...CHANGE, windowEnd: CHANGE.windowStart } });
    expect(!backwards.ok && backwards.message).toBe(
      'The change window ends (2013-03-13T08:00:00.000Z) before it starts (2013-03-13T08:00:00.000Z).',
    );
  });

  it('any change to any entry before a sign-off makes the file refuse to open, naming the sign-off', () => {
    const { session } = signed();
    const text = serializeDocument(toDocument(session, '2013-03-14T12:00:00.000Z'));
    expect(parseDocument(text).ok).toBe(true);
    const doc = JSON.parse(text) as { history: Record<string, unknown>[] };
    const signAt = doc.history.length - 1;
    let refused = 0;
    fc.assert(
      fc.property(fc.nat(signAt - 1), fc.string({ minLength: 1, maxLength: 8 }), (index, suffix) => {
        const edited = structuredClone(doc);
        const event = edited.history[index]!;
        // An edit a validating reader still takes: the operator's name, changed.
        event.operator = `${String(event.operator)}${suffix}`;
        const opened = parseDocument(JSON.stringify(edited));
        expect(opened.ok).toBe(false);
        if (!opened.ok) {
          expect(opened.message).toMatch(
            new RegExp(
              `at event ${signAt + 1} \\(change\\.signed\\): The history it signed has changed since it was signed`,
            ),
          );
          refused += 1;
        }
      }),
      { numRuns: 100 },
    );
    expect(refused).toBe(100);
  });
});
