// Tamper evidence (issue 14, item 5): every entry carries its link in a SHA-256 chain over the
// canonical JSON of its content and the hash before it. A file whose entries do not match opens
// read-only, naming the entries changed, with the warning in every runbook made from it; an edit
// that also breaks a rule is refused, naming the same entries. A property over random histories and
// random edits of any value of any entry: every edit is detected and the entry named.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHAIN_START, chainHash, historyFingerprint } from '../../../renderer/core/document/fingerprint';
import { parseDocument } from '../../../renderer/core/document/load';
import { serializeDocument, toDocument } from '../../../renderer/core/document/save';
import type { DomainEvent } from '../../../renderer/core/events/schema';
import { exportRunbook } from '../../../renderer/core/runbook';
import { INTEGRITY_TITLE } from '../../../renderer/core/session/integrity';
import type { DeploymentSession } from '../../../renderer/core/session/session';
import { play, savedAtOf, scenarioArb } from '../support/arbitraries';
import { ManualClock, must, staleAfterAssignment } from '../support/deployments';

const FE2 = 'fe02.contoso.local';

/** fe02 stale after fe01's assignment, its gate overridden with a reason of substance, saved. */
function overridden(): { session: DeploymentSession; text: string } {
  const { session, clock } = staleAfterAssignment();
  clock.set('2013-03-14T11:00:00.000Z');
  must(session, {
    type: 'override.recorded',
    server: FE2,
    reason: 'The Certificate Wizard on fe02 lists the OAuthTokenIssuer certificate.',
    change: 'CHG-0314',
  });
  return { session, text: serializeDocument(toDocument(session, '2013-03-14T12:00:00.000Z')) };
}

/** A saved document's text with `edit` applied to its parsed JSON. */
function edited(text: string, edit: (doc: { history: Record<string, unknown>[] }) => void): string {
  const doc = JSON.parse(text) as { history: Record<string, unknown>[] };
  edit(doc);
  return `${JSON.stringify(doc, null, 1)}\n`;
}

function openedReadOnly(text: string) {
  const result = parseDocument(text, { clock: new ManualClock('2013-03-14T12:30:00.000Z'), operator: 'k.lee' });
  if (!result.ok) throw new Error(result.message);
  return result;
}

describe('the hash chain of a saved history', () => {
  it('every entry carries the hash of its content after the hash before it; the last is the fingerprint', () => {
    const { session, text } = overridden();
    const history = (JSON.parse(text) as { history: DomainEvent[] }).history;
    let previous = CHAIN_START;
    for (const entry of history) {
      expect(entry.hash).toBe(chainHash(previous, entry));
      previous = entry.hash!;
    }
    expect(session.fingerprint()).toBe(previous);
    expect(historyFingerprint(history)).toBe(previous);
    const opened = parseDocument(text);
    expect(opened.ok && opened.session.integrity()).toEqual({ head: previous, changed: [] });
  });

  it('the override reason edited in the file: opens read-only, naming the entry, and records nothing', () => {
    const { text } = overridden();
    const changed = edited(text, (doc) => {
      const entry = doc.history.findIndex((e) => e.type === 'override.recorded');
      doc.history[entry] = { ...doc.history[entry], reason: 'Approved by CAB, CHG-9999, checked on the server.' };
    });
    const opened = openedReadOnly(changed);
    const index = opened.document.history.findIndex((e) => e.type === 'override.recorded');
    expect(opened.session.integrity().changed).toEqual([index]);
    const refused = opened.session.record({ type: 'step.completed', server: FE2, step: 3 });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.message).toBe(
      `This deployment is open read-only: event ${index + 1} (override.recorded on ${FE2}, dated 2013-03-14T11:00:00Z) does not match the hash recorded with it, so the file was changed after it was recorded. Nothing can be recorded in it.`,
    );
    expect(opened.session.history).toHaveLength(opened.document.history.length);
    // Every runbook made from it carries the warning, naming the entry.
    for (const format of ['md', 'html'] as const) {
      const runbook = exportRunbook(opened.session, format, '2013-03-14T12:30:00.000Z');
      expect(runbook).toContain(INTEGRITY_TITLE);
      expect(runbook).toContain(`Event ${index + 1} (override.recorded on ${FE2}`);
    }
  });

  it('an entry removed, two swapped, an entry added, a hash edited: each named', () => {
    const { text } = overridden();
    const count = (JSON.parse(text) as { history: unknown[] }).history.length;
    const cases: [string, (doc: { history: Record<string, unknown>[] }) => void, number[]][] = [
      ['the hash of entry 3 edited', (d) => void (d.history[2]!.hash = 'f'.repeat(64)), [2, 3]],
      ['the last hash edited', (d) => void (d.history[count - 1]!.hash = '0'.repeat(64)), [count - 1]],
      ['a hash removed', (d) => void delete d.history[count - 1]!.hash, [count - 1]],
      ['entry 2 removed', (d) => void d.history.splice(1, 1), [1]],
    ];
    for (const [what, edit, changed] of cases) {
      const result = parseDocument(edited(text, edit));
      const named = result.ok ? result.session.integrity().changed : result.message;
      if (result.ok) expect(named, what).toEqual(changed);
      else expect(result.message, what).toContain(`event ${changed[0]! + 1} (`);
    }
  });

  it('an edit before a sign-off is refused, naming the sign-off and the entry edited', () => {
    const { session, clock } = staleAfterAssignment();
    must(session, {
      type: 'change.recorded',
      change: {
        id: 'CHG-0314',
        windowStart: '2013-03-13T08:00:00.000Z',
        windowEnd: '2013-03-14T18:00:00.000Z',
        implementers: ['j.smith'],
        approver: 'm.jones',
        rollback: 'Remove the new pool from the topology and publish it again.',
      },
    });
    clock.set('2013-03-14T11:00:00.000Z');
    must(session, { type: 'change.signed', by: 'm.jones', as: 'approver' });
    const text = serializeDocument(toDocument(session, '2013-03-14T12:00:00.000Z'));
    const result = parseDocument(edited(text, (d) => void (d.history[0]!.operator = 'mallory')));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(
      /inconsistent at event \d+ \(change\.signed\): The history it signed has changed .* It was changed after it was recorded: event 1 \(deployment\.created, dated .*\) does not match the hash recorded with it\./,
    );
  });

  it('a file saved before the chain (version 7, signed off) migrates, keeps what its sign-off signed, and verifies', () => {
    const v7 = readFileSync(new URL('./fixtures/v7-field-report-signed.lyncrunbook', import.meta.url), 'utf8');
    const raw = JSON.parse(v7) as { schemaVersion: number; history: Record<string, unknown>[] };
    expect(raw.schemaVersion).toBe(7);
    expect(raw.history.some((e) => 'hash' in e)).toBe(false);
    const opened = parseDocument(v7);
    if (!opened.ok) throw new Error(opened.message);
    expect(opened.migratedFrom).toBe(7);
    expect(opened.session.integrity().changed).toEqual([]);
    const signOff = opened.document.history.findIndex((e) => e.type === 'change.signed');
    const signed = opened.document.history[signOff]!;
    expect(signed.type === 'change.signed' && signed.fingerprint).toBe(opened.document.history[signOff - 1]!.hash);
    // The same entries as version 7 held, each with its hash.
    expect(opened.document.history.map(({ hash: _h, ...e }) => e)).toEqual(
      raw.history.map((e) =>
        e.type === 'change.signed' ? { ...e, fingerprint: signed.type === 'change.signed' && signed.fingerprint } : e,
      ),
    );
    // An entry of the version 7 file edited before its sign-off: the migration does not sign the edit.
    const tampered = edited(v7, (d) => void (d.history[1]!.operator = 'mallory'));
    const refused = parseDocument(tampered);
    expect(!refused.ok && refused.message).toMatch(/\(change\.signed\): The history it signed has changed/);
  });

  it('a chained file edited and set back to an older version is not sealed again: the edit is named', () => {
    const { text } = overridden();
    for (const version of [7, 6, 5]) {
      const changed = edited(text, (doc) => {
        (doc as unknown as { schemaVersion: number }).schemaVersion = version;
        const entry = doc.history.findIndex((e) => e.type === 'override.recorded');
        doc.history[entry] = { ...doc.history[entry], reason: 'Approved by CAB, CHG-9999, checked on the server.' };
      });
      const result = parseDocument(changed);
      const index = (JSON.parse(text) as { history: DomainEvent[] }).history.findIndex(
        (e) => e.type === 'override.recorded',
      );
      // Read-only naming the edited entry (and, where an older migration reshaped entries, those too),
      // or refused naming it: never writable.
      if (result.ok) {
        expect(result.session.integrity().changed, `version ${version}`).toContain(index);
        expect(result.session.record({ type: 'step.completed', server: FE2, step: 3 }).ok).toBe(false);
      } else expect(result.message, `version ${version}`).toContain(`event ${index + 1} (`);
    }
  });
});

/** A JSON leaf of an entry: its path and value. */
type Leaf = { path: (string | number)[]; value: string | number | boolean | null };

function leaves(value: unknown, path: (string | number)[] = []): Leaf[] {
  if (value === null || typeof value !== 'object') return [{ path, value: value as Leaf['value'] }];
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
  return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
}

function setAt(target: Record<string, unknown>, path: readonly (string | number)[], value: unknown): void {
  let node = target as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
}

/** A different value of the same leaf: one character of a text changed, a number moved, a flag flipped. */
function changedValue(value: Leaf['value'], at: number, by: string): Leaf['value'] {
  if (typeof value === 'string') {
    if (value.length === 0) return by;
    const i = at % value.length;
    const replacement = value[i] === by ? (by === 'x' ? 'y' : 'x') : by;
    return `${value.slice(0, i)}${replacement}${value.slice(i + 1)}`;
  }
  if (typeof value === 'number') return value + 1 + (at % 7);
  if (typeof value === 'boolean') return !value;
  return by;
}

describe('any value of any entry edited in a saved file', () => {
  it('is detected on open and the entry named: read-only, or refused naming it', () => {
    let readOnly = 0;
    let refusedCount = 0;
    fc.assert(
      fc.property(
        scenarioArb,
        fc.nat(),
        fc.nat(),
        fc.nat(),
        fc.constantFrom('0', 'x', ' ', 'é', '\u200b', '"', '9'),
        (scenario, pick, leafPick, at, by) => {
          const session = play(scenario);
          const text = serializeDocument(toDocument(session, savedAtOf(session)));
          const doc = JSON.parse(text) as { history: Record<string, unknown>[] };
          const index = pick % doc.history.length;
          const entry = doc.history[index]!;
          // Any value of the entry's content (its own hash is the next test's).
          const content = leaves(entry).filter((l) => l.path[0] !== 'hash');
          const leaf = content[leafPick % content.length]!;
          setAt(entry, leaf.path, changedValue(leaf.value, at, by));
          const result = parseDocument(`${JSON.stringify(doc, null, 1)}\n`);
          if (result.ok) {
            readOnly += 1;
            expect(result.session.integrity().changed).toEqual([index]);
            expect(result.session.record({ type: 'oauth.assigned', server: 'x' }).ok).toBe(false);
          } else {
            refusedCount += 1;
            // Named: by the chain, by the rule that refused it, or by the schema's path to it.
            const named = [`event ${index + 1} (`, `history.${index}.`];
            expect(
              named.some((n) => result.message.includes(n)),
              result.message,
            ).toBe(true);
          }
        },
      ),
      { numRuns: 150 },
    );
    // Both outcomes are reached.
    expect(readOnly).toBeGreaterThan(0);
    expect(refusedCount).toBeGreaterThan(0);
  });

  it('an unedited save of the same histories opens as it was, writable', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const session = play(scenario);
        const result = parseDocument(serializeDocument(toDocument(session, savedAtOf(session))));
        expect(result.ok && result.session.integrity()).toEqual({ head: session.fingerprint(), changed: [] });
      }),
      { numRuns: 40 },
    );
  });
});
