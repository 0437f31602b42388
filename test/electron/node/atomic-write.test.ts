import { chmod, readdir, readFile, readlink, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AtomicWriteError, backupPathOf, writeFileAtomic } from '../../../electron/node/atomic-write';
import { parseDocument } from '../../../renderer/core/document/load';
import { FaultyFs, realFs, tempFolder, type FaultMode } from '../support/fs';
import { documentVersions } from '../support/documents';

const [V0, V1, V2] = documentVersions();
const encode = (text: string) => new TextEncoder().encode(text);
const options = (fs = realFs) => ({ fs, keepBackup: true, platform: 'linux' as const, randomSuffix: () => 'r4nd0m' });

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempFolder());
});
afterEach(() => cleanup());

/** A folder where the document has been saved twice: the target holds V1 and its backup V0. */
async function savedTwice(): Promise<string> {
  const target = join(dir, 'contoso.lyncrunbook');
  await writeFile(target, V0);
  await writeFileAtomic(target, encode(V1), options());
  expect(await readFile(target, 'utf8')).toBe(V1);
  expect(await readFile(backupPathOf(target), 'utf8')).toBe(V0);
  return target;
}

/** The operations of a successful save over an existing document, in order. */
async function successfulTrace(): Promise<string[]> {
  const { dir: other, cleanup: done } = await tempFolder();
  try {
    const target = join(other, 'contoso.lyncrunbook');
    await writeFile(target, V0);
    await writeFileAtomic(target, encode(V1), options());
    const fs = new FaultyFs();
    await writeFileAtomic(target, encode(V2), options(fs));
    return fs.trace;
  } finally {
    await done();
  }
}

describe('writeFileAtomic', () => {
  it('replaces the document and keeps the version it replaced as .bak', async () => {
    const target = await savedTwice();
    await writeFileAtomic(target, encode(V2), options());
    expect(await readFile(target, 'utf8')).toBe(V2);
    expect(await readFile(backupPathOf(target), 'utf8')).toBe(V1);
    // Nothing else is left in the folder.
    expect((await readdir(dir)).sort()).toEqual(['contoso.lyncrunbook', 'contoso.lyncrunbook.bak']);
  });

  it('creates a new document without a backup', async () => {
    const target = join(dir, 'new.lyncrunbook');
    await writeFileAtomic(target, encode(V0), options());
    expect(await readFile(target, 'utf8')).toBe(V0);
    expect(await readdir(dir)).toEqual(['new.lyncrunbook']);
  });

  it('goes through every step a durable save needs, in the order that keeps the last good document', async () => {
    const trace = await successfulTrace();
    const at = (label: RegExp) => trace.findIndex((t) => label.test(t));
    const order = [
      /^open\(wx\) \.contoso.*\.tmp$/,
      /^write \.contoso/,
      /^sync \.contoso\.lyncrunbook\.r4nd0m/,
      /^close \.contoso\.lyncrunbook\.r4nd0m/,
      /^copyFile contoso\.lyncrunbook -> /,
      /^sync \.contoso\.lyncrunbook\.bak/,
      /^rename \.contoso\.lyncrunbook\.bak\..* -> contoso\.lyncrunbook\.bak$/,
      /^rename \.contoso\.lyncrunbook\.r4nd0m\.tmp -> contoso\.lyncrunbook$/,
      /^open\(r\) lync-runbook-test-/,
      /^sync lync-runbook-test-/,
    ];
    const positions = order.map(at);
    expect(
      positions.every((p) => p >= 0),
      trace.join('\n'),
    ).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // The folder is flushed last, after the rename.
    expect(trace.slice(-2)).toEqual([
      expect.stringMatching(/^sync lync-runbook-test-/),
      expect.stringMatching(/^close lync-runbook-test-/),
    ]);
  });

  it('writes on when the disk takes fewer bytes than asked', async () => {
    const target = join(dir, 'short.lyncrunbook');
    const fs = { ...realFs } as typeof realFs;
    fs.open = async (path, flags, mode) => {
      const file = await realFs.open(path, flags, mode);
      return {
        ...file,
        write: (b: Uint8Array, o: number, l: number, p: number | null) => file.write(b, o, Math.min(l, 1000), p),
        sync: () => file.sync(),
        close: () => file.close(),
      };
    };
    await writeFileAtomic(target, encode(V2), options(fs));
    expect(await readFile(target, 'utf8')).toBe(V2);
  });

  it('keeps the file mode of the document it replaces', async () => {
    const target = await savedTwice();
    await chmod(target, 0o640);
    await writeFileAtomic(target, encode(V2), options());
    expect((await stat(target)).mode & 0o777).toBe(0o640);
  });

  it('writes through a symbolic link to the document it names, keeping the link', async () => {
    const target = await savedTwice();
    const link = join(dir, 'link.lyncrunbook');
    await symlink(target, link);
    await writeFileAtomic(link, encode(V2), options());
    expect(await readFile(target, 'utf8')).toBe(V2);
    expect(await readlink(link)).toBe(target);
  });

  it('refuses to replace a folder', async () => {
    await expect(writeFileAtomic(dir, encode(V0), options())).rejects.toThrow(/not a file/);
  });

  describe('a failure at every step leaves the last good document readable, the backup present and no partial file', () => {
    for (const mode of ['error', 'crash'] as FaultMode[]) {
      it(`when the step fails (${mode === 'error' ? 'the save gives up and cleans up' : 'the process dies there'})`, async () => {
        const trace = await successfulTrace();
        expect(trace).toEqual(
          expect.arrayContaining([
            expect.stringMatching(/^write /),
            expect.stringMatching(/^copyFile /),
            expect.stringMatching(/^sync lync-runbook-test-/),
          ]),
        );
        const renameIndex = trace.findIndex((t) =>
          /^rename \.contoso\.lyncrunbook\.r4nd0m\.tmp -> contoso\.lyncrunbook$/.test(t),
        );
        for (let failAt = 0; failAt < trace.length; failAt++) {
          const { dir: folder, cleanup: done } = await tempFolder();
          try {
            const target = join(folder, 'contoso.lyncrunbook');
            await writeFile(target, V0);
            await writeFileAtomic(target, encode(V1), options());
            const fs = new FaultyFs(failAt, mode);
            const error = await writeFileAtomic(target, encode(V2), options(fs)).then(
              () => null,
              (e: unknown) => e,
            );
            const step = trace[failAt];
            expect(fs.fired, step).toBe(true);
            expect(error, `a failure at "${step}" must be reported`).toBeInstanceOf(AtomicWriteError);
            const content = await readFile(target, 'utf8');
            const backup = await readFile(backupPathOf(target), 'utf8');
            // The document is whole: the old version before the final rename, the new one after it.
            expect(content, step).toBe(failAt <= renameIndex ? V1 : V2);
            expect(parseDocument(content).ok).toBe(true);
            // The backup holds a whole earlier version, and the version the save replaced once the save went through.
            expect([V0, V1], step).toContain(backup);
            if (content === V2) expect(backup, step).toBe(V1);
            expect((error as AtomicWriteError).written, step).toBe(failAt > renameIndex);
            if (mode === 'error') {
              // Clean-up ran: no temporary files stay behind.
              expect(
                (await readdir(folder)).filter((f) => f.endsWith('.tmp')),
                step,
              ).toEqual([]);
            }
            // And the next save, after a restart, works.
            await writeFileAtomic(target, encode(V2), { ...options(), randomSuffix: () => 'again' });
            expect(await readFile(target, 'utf8')).toBe(V2);
          } finally {
            await done();
          }
        }
      });
    }
  });

  it('reports a failure to flush the folder as written but unconfirmed, and ignores folders that cannot be flushed', async () => {
    const target = await savedTwice();
    const unsupported = { ...realFs } as typeof realFs;
    unsupported.open = async (path, flags, mode) => {
      const file = await realFs.open(path, flags, mode);
      if (path !== dir) return file;
      return {
        write: (b: Uint8Array, o: number, l: number, p: number | null) => file.write(b, o, l, p),
        close: () => file.close(),
        sync: () => Promise.reject(Object.assign(new Error('EINVAL'), { code: 'EINVAL' })),
      };
    };
    await expect(writeFileAtomic(target, encode(V2), options(unsupported))).resolves.toBeUndefined();
    expect(await readFile(target, 'utf8')).toBe(V2);
  });

  it('does not try to flush a folder on Windows', async () => {
    const target = await savedTwice();
    const fs = new FaultyFs();
    await writeFileAtomic(target, encode(V2), { ...options(fs), platform: 'win32' });
    expect(fs.trace.filter((t) => t.startsWith('open(r) '))).toEqual([]);
  });
});
