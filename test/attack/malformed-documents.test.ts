// Malformed deployment files through both openers: the app's (main's document store) and the
// command line's. Every file is either opened by both or refused by both, with a short message that
// says what is wrong and carries no control character; nothing throws anything else; the file is
// never changed. The cases: every hand-made malformed document of the store's tests, then random
// damage to a saved field report, byte by byte and field by field (seeded, so a failure repeats).
// MALFORMED_RUNS sets the random cases (a few hundred by default; `npm run test:attack` and .ci/run
// set more).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../electron/cli/cli-error';
import { openDeploymentFile } from '../../electron/cli/files';
import { UserError } from '../../electron/main/user-error';
import { workFolder } from '../cli/support/cli';
import { newStore } from '../electron/support/document-store';
import { documentVersions } from '../electron/support/documents';
import { binary, textCases } from '../electron/support/malformed-documents';

const RUNS = Number(process.env.MALFORMED_RUNS ?? 300);
const [, , SAVED] = documentVersions();
const SAVED_BYTES = Buffer.from(SAVED, 'utf8');

/** Characters a refusal must never print: C0 and C1 controls (but tab and line feed), and bidi overrides. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
/** Longer than this, a refusal is echoing the file back instead of saying what is wrong. */
const MAX_MESSAGE = 1_500;

type Verdict = { opened: true } | { opened: false; message: string };

interface Tally {
  tried: number;
  refused: number;
}

const dir = workFolder();
let files = 0;

/** Both openers on one file's bytes: their verdicts must agree, and the file must be as it was. */
async function openBoth(bytes: Uint8Array, label: string, tally: Tally): Promise<void> {
  const path = join(dir, `case-${++files}.lyncrunbook`);
  writeFileSync(path, bytes);
  const app: Verdict = await newStore()
    .read(path)
    .then(
      (): Verdict => ({ opened: true }),
      (error: unknown): Verdict => {
        // Anything but the store's own refusal is a crash of the opener, not an answer.
        if (!(error instanceof UserError)) throw error;
        return { opened: false, message: error.message };
      },
    );
  let cli: Verdict;
  try {
    openDeploymentFile(path, { err: () => undefined });
    cli = { opened: true };
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    cli = { opened: false, message: error.message };
  }
  expect(cli.opened, `${label}: the app ${app.opened ? 'opens' : 'refuses'} it, the command line does not agree`).toBe(
    app.opened,
  );
  for (const [who, verdict] of [
    ['app', app],
    ['command line', cli],
  ] as const) {
    if (verdict.opened) continue;
    expect(verdict.message.length, `${label} (${who}): ${verdict.message.slice(0, 300)}…`).toBeLessThanOrEqual(
      MAX_MESSAGE,
    );
    expect(verdict.message, `${label} (${who})`).not.toMatch(UNPRINTABLE);
    expect(verdict.message, `${label} (${who})`).toMatch(/\S/);
  }
  expect(Buffer.compare(readFileSync(path), Buffer.from(bytes)), `${label}: the file was changed`).toBe(0);
  tally.tried += 1;
  if (!app.opened) tally.refused += 1;
}

/** Damage to the saved bytes: a byte changed, bytes cut out, bytes inserted, a span repeated, the end cut off. */
const byteDamage = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 400 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 40 }),
  }),
  fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 400 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);

type Damage<A> = A extends fc.Arbitrary<infer D> ? D : never;

function damageBytes(damage: Damage<typeof byteDamage>): Buffer {
  const b = SAVED_BYTES;
  const at = damage.at % b.length;
  switch (damage.kind) {
    case 'set': {
      const copy = Buffer.from(b);
      copy[at] = damage.value === copy[at] ? (damage.value + 1) % 256 : damage.value;
      return copy;
    }
    case 'cut':
      return Buffer.concat([b.subarray(0, at), b.subarray(at + damage.length)]);
    case 'insert':
      return Buffer.concat([b.subarray(0, at), Buffer.from(damage.bytes), b.subarray(at)]);
    case 'repeat':
      return Buffer.concat([b.subarray(0, at + damage.length), b.subarray(at)]);
    case 'truncate':
      return b.subarray(0, at);
  }
}

/** Every path to a value in a JSON document. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return [prefix, ...value.flatMap((v, i) => paths(v, [...prefix, i]))];
  if (typeof value === 'object' && value !== null)
    return [prefix, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...prefix, k]))];
  return [prefix];
}
const SAVED_JSON = JSON.parse(SAVED) as unknown;
const SAVED_PATHS = paths(SAVED_JSON).filter((p) => p.length > 0);

/** Damage to one field of the saved JSON: replaced by any JSON value, removed, or a time moved. */
const fieldDamage = fc.record({
  path: fc.nat({ max: SAVED_PATHS.length - 1 }),
  change: fc.oneof(
    fc.record({ kind: fc.constant('replace' as const), value: fc.jsonValue({ maxDepth: 3 }) }),
    fc.record({ kind: fc.constant('remove' as const) }),
    fc.record({ kind: fc.constant('move-time' as const), minutes: fc.integer({ min: -50_000_000, max: 50_000_000 }) }),
    fc.record({ kind: fc.constant('unknown-key' as const), key: fc.string({ minLength: 1, maxLength: 12 }) }),
  ),
});

function damageField(damage: Damage<typeof fieldDamage>): string {
  const doc = structuredClone(SAVED_JSON) as Record<string | number, unknown>;
  const path = SAVED_PATHS[damage.path]!;
  const parent = path.slice(0, -1).reduce<Record<string | number, unknown>>((node, key) => node[key] as never, doc);
  const key = path.at(-1)!;
  const change = damage.change;
  if (change.kind === 'replace') parent[key] = change.value;
  else if (change.kind === 'remove') {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  } else if (change.kind === 'move-time') {
    const value = parent[key];
    const time = typeof value === 'string' ? Date.parse(value) : NaN;
    parent[key] = Number.isNaN(time) ? value : new Date(time + change.minutes * 60_000).toISOString();
  } else if (typeof parent[key] === 'object' && parent[key] !== null && !Array.isArray(parent[key]))
    (parent[key] as Record<string, unknown>)[change.key] = 'x';
  else parent[key] = { [change.key]: parent[key] };
  return JSON.stringify(doc, null, 1);
}

describe('malformed deployment files, opened by the app and the command line', () => {
  it('every hand-made case is refused by both, with a message, and left as it is', async () => {
    const tally: Tally = { tried: 0, refused: 0 };
    for (const [label, text] of textCases) await openBoth(Buffer.from(text, 'utf8'), label, tally);
    for (const [label, bytes] of binary) await openBoth(bytes, label, tally);
    expect(tally.refused).toBe(tally.tried);
    console.info(`malformed documents, by hand: ${tally.tried} tried, ${tally.refused} refused`);
  });

  it(
    `random damage, byte by byte and field by field: ${RUNS} files each way, both openers agree`,
    async () => {
      const bytes: Tally = { tried: 0, refused: 0 };
      await fc.assert(
        fc.asyncProperty(byteDamage, async (damage) => {
          await openBoth(damageBytes(damage), `bytes ${JSON.stringify(damage).slice(0, 200)}`, bytes);
        }),
        { numRuns: RUNS, seed: 20261203 },
      );
      const fields: Tally = { tried: 0, refused: 0 };
      await fc.assert(
        fc.asyncProperty(fieldDamage, async (damage) => {
          const path = SAVED_PATHS[damage.path]!.join('.');
          await openBoth(
            Buffer.from(damageField(damage), 'utf8'),
            `field ${path}: ${JSON.stringify(damage.change).slice(0, 200)}`,
            fields,
          );
        }),
        { numRuns: RUNS, seed: 20261204 },
      );
      // Most damage must be caught; what opens is damage that left a valid history (a changed
      // operator name, say): opened by both, as the same deployment would be.
      expect(bytes.refused).toBeGreaterThan(bytes.tried / 2);
      expect(fields.refused).toBeGreaterThan(fields.tried / 4);
      console.info(
        `malformed documents, random: bytes ${bytes.tried} tried, ${bytes.refused} refused; fields ${fields.tried} tried, ${fields.refused} refused; the rest opened by both`,
      );
    },
    120_000 + RUNS * 200,
  );
});
