import { mkdir, readdir, readFile, stat, truncate, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupPathOf } from '../../../electron/node/atomic-write';
import { parseDocument } from '../../../renderer/core/document/load';
import { DocumentStore } from '../../../electron/main/document-store';
import { PathRegistry } from '../../../electron/main/path-registry';
import { UserError } from '../../../electron/main/user-error';
import { MAX_DOCUMENT_BYTES } from '../../../renderer/core/document/document';
import { documentVersions } from '../support/documents';
import { realFs, tempFolder } from '../support/fs';

const [V0, V1, V2] = documentVersions();

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir, cleanup } = await tempFolder());
});
afterAll(() => cleanup());

let ids = 0;
function newStore(): DocumentStore {
  const paths = new PathRegistry(() => `handle-${String(++ids).padStart(12, '0')}`, 'linux');
  return new DocumentStore({
    fs: realFs,
    paths,
    check: (text) => parseDocument(text),
    maxBytes: MAX_DOCUMENT_BYTES,
    platform: 'linux',
    randomSuffix: () => 'x1',
  });
}

/** A valid document with one change made to its parsed JSON. */
function edited(
  change: (
    doc: Record<string, unknown> & { deployment: Record<string, unknown>; history: Record<string, unknown>[] },
  ) => void,
  base = V2,
): string {
  const doc = JSON.parse(base);
  change(doc);
  return JSON.stringify(doc, null, 1);
}

const truncations = [
  1,
  2,
  10,
  50,
  100,
  500,
  1000,
  Math.floor(V2.length / 3),
  Math.floor(V2.length / 2),
  V2.length - 200,
  V2.length - 50,
  V2.length - 10,
  V2.length - 3,
  V2.length - 2,
].map((at): [string, string] => [`cut short at byte ${at} of ${V2.length}`, V2.slice(0, at)]);

const wrongTypes: [string, string][] = [
  ['format is a number', edited((d) => (d.format = 1))],
  ['format names another program', edited((d) => (d.format = 'lync-topology'))],
  ['schemaVersion is a string', edited((d) => (d.schemaVersion = '1'))],
  ['savedAt is a number', edited((d) => (d.savedAt = 42))],
  ['savedAt is not a time', edited((d) => (d.savedAt = 'yesterday'))],
  ['deployment is null', edited((d) => (d.deployment = null as never))],
  ['deployment name is a number', edited((d) => (d.deployment.name = 5))],
  ['product is not supported', edited((d) => (d.deployment.product = 'lync2010'))],
  ['servers is a string', edited((d) => (d.deployment.servers = 'fe01'))],
  [
    'a server FQDN is not an FQDN',
    edited((d) => ((d.deployment.servers as Record<string, unknown>[])[0]!.fqdn = 'not an fqdn')),
  ],
  ['pools is missing', edited((d) => delete d.deployment.pools)],
  ['history is empty', edited((d) => (d.history = []))],
  ['history is a string', edited((d) => (d.history = 'events' as never))],
  ['an event has an unknown type', edited((d) => (d.history[1]!.type = 'server.exploded'))],
  ['an event time is not a time', edited((d) => (d.history[1]!.at = '14/03/2013 10:00'))],
  ['an event step is out of range', edited((d) => (d.history[1]!.step = 7))],
  ['an unknown field (a stored snapshot, as version 1 had)', edited((d) => (d.snapshot = 'cached'))],
  ['an unknown field holding an object', edited((d) => (d.snapshot = { machineVersion: 5, value: null }))],
];

const versions: [string, string][] = [
  ['saved by a newer version (3)', edited((d) => (d.schemaVersion = 3))],
  ['saved by a much newer version (99)', edited((d) => (d.schemaVersion = 99))],
  ['schema version 0', edited((d) => (d.schemaVersion = 0))],
  ['negative schema version', edited((d) => (d.schemaVersion = -1))],
  ['fractional schema version', edited((d) => (d.schemaVersion = 1.5))],
  ['null schema version', edited((d) => (d.schemaVersion = null))],
  ['no schema version', edited((d) => delete d.schemaVersion)],
];

const histories: [string, string][] = [
  ['history does not start with the creation', edited((d) => d.history.shift())],
  ['history replays a step on an unknown server', edited((d) => (d.history[1]!.server = 'ghost.contoso.local'))],
  ['history records Step 2 twice', edited((d) => d.history.push({ ...d.history.find((e) => e.step === 2)! }))],
  ['history runs Step 2 before Step 1', edited((d) => d.history.splice(1, 1), V2)],
  ['topology does not match the history', edited((d) => (d.deployment.name = 'Fabrikam'))],
  ['history has a second creation', edited((d) => d.history.push({ ...d.history[0]! }))],
];

const foreign: [string, string][] = [
  ['an empty object', '{}'],
  ['an array', '[1,2,3]'],
  ['a JSON string', '"lync-runbook"'],
  ['a JSON number', '42'],
  ['JSON null', 'null'],
  ['a package.json', '{"name":"lync-runbook","version":"0.1.0","scripts":{}}'],
  [
    'a topology export',
    '<?xml version="1.0" encoding="utf-8"?><Topology xmlns="urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008"/>',
  ],
  ['PowerShell output', 'Identity       : fe02.contoso.local\r\nUpToDate       : True\r\n'],
  ['JSON followed by garbage', `${V0}garbage`],
  ['two documents one after the other', `${V0}${V1}`],
  ['deeply nested arrays', `${'['.repeat(100_000)}${']'.repeat(100_000)}`],
  ['only whitespace', ' \n\t \n'],
  ['NUL bytes', '\0'.repeat(64)],
];

const binary: [string, Uint8Array][] = [
  [
    'a PNG image',
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe]),
  ],
  ['a ZIP archive', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x08, 0x08, 0xc3, 0x28, 0xff])],
  ['random bytes', new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256))],
  ['the document in UTF-16', new Uint8Array(Buffer.from(`\ufeff${V0}`, 'utf16le'))],
  [
    'the document with a byte damaged to invalid UTF-8',
    (() => {
      const bytes = new Uint8Array(Buffer.from(V2, 'utf8'));
      bytes[Math.floor(bytes.length / 2)] = 0xff;
      return bytes;
    })(),
  ],
];

const textCases: [string, string][] = [
  ['an empty file', ''],
  ...truncations,
  ...wrongTypes,
  ...versions,
  ...histories,
  ...foreign,
];
const ALL = textCases.length + binary.length + 2; // and the huge file and the folder below

// Files get an old, fixed modification time so an accidental rewrite would show.
const OLD = new Date('2020-01-02T03:04:05.000Z');

async function place(name: string, bytes: Uint8Array | string): Promise<string> {
  const path = join(dir, `${name.replace(/[^a-z0-9]+/gi, '-')}.lyncrunbook`);
  await writeFile(path, bytes);
  await utimes(path, OLD, OLD);
  return path;
}

async function expectRefusedAndUntouched(path: string, pattern?: RegExp): Promise<string> {
  const before = await readFile(path);
  const statBefore = await stat(path);
  const folderBefore = (await readdir(dir)).sort();
  const error = await newStore()
    .read(path)
    .then(
      () => null,
      (e: unknown) => e,
    );
  expect(error, path).toBeInstanceOf(UserError);
  const message = (error as UserError).message;
  expect(message.length).toBeGreaterThan(20);
  if (pattern) expect(message).toMatch(pattern);
  expect(Buffer.compare(await readFile(path), before), path).toBe(0);
  const statAfter = await stat(path);
  expect(statAfter.mtimeMs).toBe(statBefore.mtimeMs);
  expect(statAfter.size).toBe(statBefore.size);
  // Reading writes nothing beside the file either (no backup, no temporary file).
  expect((await readdir(dir)).sort()).toEqual(folderBefore);
  return message;
}

describe('DocumentStore.read', () => {
  it('opens a valid document and gives a handle, never the path', async () => {
    const path = await place('valid', V2);
    const opened = await newStore().read(path);
    expect(opened.text).toBe(V2);
    expect(opened.name).toBe('valid.lyncrunbook');
    expect(opened.location).toBe(dir);
    expect(opened.handle).toMatch(/^handle-\d{12}$/);
    expect(opened.handle).not.toContain(dir);
  });

  it('opens a document an editor saved with a byte-order mark', async () => {
    const path = await place('bom', `\ufeff${V1}`);
    expect((await newStore().read(path)).text).toBe(V1);
  });

  it(`refuses each of ${ALL} malformed documents with a message and leaves each byte-for-byte untouched`, async () => {
    expect(ALL).toBeGreaterThanOrEqual(50);
    for (const [name, text] of textCases) await expectRefusedAndUntouched(await place(name, text));
    for (const [name, bytes] of binary) await expectRefusedAndUntouched(await place(name, bytes));
  });

  it('says plainly why: newer version, not JSON, not ours, empty, not text, inconsistent history', async () => {
    expect(await expectRefusedAndUntouched(await place('newer', versions[0]![1]))).toMatch(
      /newer version of lync-runbook/,
    );
    expect(await expectRefusedAndUntouched(await place('cut', truncations[8]![1]))).toMatch(
      /not valid JSON.*cut short/,
    );
    expect(await expectRefusedAndUntouched(await place('pkg', foreign[5]![1]))).toMatch(
      /not a lync-runbook deployment/,
    );
    expect(await expectRefusedAndUntouched(await place('empty', ''))).toMatch(/is empty/);
    expect(await expectRefusedAndUntouched(await place('png', binary[0]![1]))).toMatch(/not a text file/);
    expect(await expectRefusedAndUntouched(await place('ghost', histories[1]![1]))).toMatch(/history is inconsistent/);
    expect(await expectRefusedAndUntouched(await place('fabrikam', histories[4]![1]))).toMatch(
      /topology does not match/,
    );
  });

  it('refuses a file over the size limit without reading it', async () => {
    const path = await place('huge', '');
    await truncate(path, MAX_DOCUMENT_BYTES + 1);
    await utimes(path, OLD, OLD);
    const fs = { ...realFs, readFile: () => Promise.reject(new Error('must not read a huge file')) };
    const store = new DocumentStore({
      fs,
      paths: new PathRegistry(() => 'h'.repeat(20), 'linux'),
      check: (text) => parseDocument(text),
      maxBytes: MAX_DOCUMENT_BYTES,
      platform: 'linux',
      randomSuffix: () => 'x',
    });
    await expect(store.read(path)).rejects.toThrow(/too large.*limit is 64 MB/);
    await expectRefusedAndUntouched(path, /too large/);
  });

  it('refuses a folder named like a document', async () => {
    const path = join(dir, 'folder.lyncrunbook');
    await mkdir(path);
    const error = await newStore()
      .read(path)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(/is a folder/);
    expect(await readdir(path)).toEqual([]);
  });

  it('says where it looked for a document that has gone', async () => {
    await expect(newStore().read(join(dir, 'gone.lyncrunbook'))).rejects.toThrow(
      /could not be found in .*moved, renamed or deleted/,
    );
  });

  it('refuses a document cut short anywhere, leaving it untouched (property)', async () => {
    const path = join(dir, 'property.lyncrunbook');
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: V1.length - 3 }), async (at) => {
        await writeFile(path, V1.slice(0, at));
        await utimes(path, OLD, OLD);
        await expectRefusedAndUntouched(path);
      }),
      { numRuns: 60 },
    );
  });
});

describe('DocumentStore.write', () => {
  it('saves atomically with a backup, and the saved file opens again', async () => {
    const store = newStore();
    const path = join(dir, 'saved.lyncrunbook');
    const first = await store.write(path, V0);
    await store.write(path, V1);
    expect(await readFile(path, 'utf8')).toBe(V1);
    expect(await readFile(backupPathOf(path), 'utf8')).toBe(V0);
    expect((await store.read(path)).handle).toBe(first.handle);
  });

  it('refuses to write a document it could not open again, and leaves the file on disk as it was', async () => {
    const store = newStore();
    const path = join(dir, 'guarded.lyncrunbook');
    await store.write(path, V1);
    const before = await readFile(path);
    await expect(store.write(path, histories[1]![1])).rejects.toThrow(
      /was not saved, because the deployment would not open again/,
    );
    await expect(store.write(path, '{"format":"lync-runbook"')).rejects.toThrow(UserError);
    expect(Buffer.compare(await readFile(path), before)).toBe(0);
  });

  it('turns a disk failure into a message for the user', async () => {
    const fs = {
      ...realFs,
      rename: () => Promise.reject(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })),
    };
    const store = new DocumentStore({
      fs,
      paths: new PathRegistry(() => 'h'.repeat(20), 'linux'),
      check: (text) => parseDocument(text),
      maxBytes: MAX_DOCUMENT_BYTES,
      platform: 'linux',
      randomSuffix: () => 'x',
    });
    const path = join(dir, 'full.lyncrunbook');
    await writeFile(path, V0);
    await expect(store.write(path, V2)).rejects.toThrow(
      /Could not save full\.lyncrunbook: ENOSPC.*The file on disk was not changed/,
    );
    expect(await readFile(path, 'utf8')).toBe(V0);
  });
});
