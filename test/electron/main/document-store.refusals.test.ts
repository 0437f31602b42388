import { mkdir, readdir, readFile, stat, truncate, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from '../../../renderer/core/document/load';
import { DocumentStore } from '../../../electron/main/document-store';
import { PathRegistry } from '../../../electron/main/path-registry';
import { UserError } from '../../../electron/main/user-error';
import { MAX_DOCUMENT_BYTES } from '../../../renderer/core/document/document';
import { documentPlacer, newStore, OLD } from '../support/document-store';
import { documentVersions } from '../support/documents';
import { realFs, tempFolder } from '../support/fs';
import { binary, foreign, histories, textCases, truncations, versions } from '../support/malformed-documents';

const [, V1] = documentVersions();

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir, cleanup } = await tempFolder());
});
afterAll(() => cleanup());

const place = documentPlacer(() => dir);

const ALL = textCases.length + binary.length + 2; // and the huge file and the folder below

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
    await expect(store.read(path)).rejects.toThrow(/too large.*limit is 256 MB/);
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
