import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupPathOf } from '../../../electron/node/atomic-write';
import { parseDocument } from '../../../renderer/core/document/load';
import { DocumentStore } from '../../../electron/main/document-store';
import { PathRegistry } from '../../../electron/main/path-registry';
import { UserError } from '../../../electron/main/user-error';
import { MAX_DOCUMENT_BYTES } from '../../../renderer/core/document/document';
import { documentPlacer, newStore } from '../support/document-store';
import { documentVersions } from '../support/documents';
import { realFs, tempFolder } from '../support/fs';
import { histories } from '../support/malformed-documents';

const [V0, V1, V2] = documentVersions();

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir, cleanup } = await tempFolder());
});
afterAll(() => cleanup());

const place = documentPlacer(() => dir);

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
