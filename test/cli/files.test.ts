import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../electron/cli/cli-error';
import { decodeText, readDeploymentText, readTextFile, writeFileAtomic } from '../../electron/cli/files';
import { nodeFileSystem, type FileSystem } from '../../electron/node/file-system';
import { workFolder } from './support/cli';

/** The real file system, except that copying (the backup) fails halfway, as a crash or a full disk would. */
function copyFailsHalfway(): { fs: FileSystem; copies: string[] } {
  const copies: string[] = [];
  const fs: FileSystem = {
    ...nodeFileSystem,
    copyFile: async (from: string, to: string) => {
      copies.push(to);
      const data = readFileSync(from);
      writeFileSync(to, data.subarray(0, data.length / 2));
      throw Object.assign(new Error('EIO: i/o error, copyfile'), { code: 'EIO' });
    },
  };
  return { fs, copies };
}

describe('writeFileAtomic', () => {
  it('writes a new file, leaving no temporary file behind', async () => {
    const dir = workFolder();
    await writeFileAtomic(join(dir, 'a.lyncrunbook'), 'first\n');
    expect(readFileSync(join(dir, 'a.lyncrunbook'), 'utf8')).toBe('first\n');
    expect(readdirSync(dir)).toEqual(['a.lyncrunbook']);
  });

  it("keeps the version it replaces as .bak, and the file's permissions", async () => {
    const dir = workFolder();
    const file = join(dir, 'a.lyncrunbook');
    await writeFileAtomic(file, 'first\n');
    chmodSync(file, 0o600);
    await writeFileAtomic(file, 'second\n');
    await writeFileAtomic(file, 'third\n');
    expect(readFileSync(file, 'utf8')).toBe('third\n');
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe('second\n');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir).sort()).toEqual(['a.lyncrunbook', 'a.lyncrunbook.bak']);
  });

  it('writes the backup through a temporary file too: a copy that fails halfway never tears the previous backup', async () => {
    const dir = workFolder();
    const file = join(dir, 'a.lyncrunbook');
    await writeFileAtomic(file, 'first version\n');
    await writeFileAtomic(file, 'second version\n');
    // Half of the bytes reach the copy, then the disk fails.
    const failing = copyFailsHalfway();
    await expect(writeFileAtomic(file, 'third version\n', failing.fs)).rejects.toThrow(UsageError);
    expect(readFileSync(file, 'utf8')).toBe('second version\n');
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe('first version\n');
    expect(readdirSync(dir).sort()).toEqual(['a.lyncrunbook', 'a.lyncrunbook.bak']);
    // The copy never goes straight to the backup's name.
    expect(failing.copies).toHaveLength(1);
    for (const to of failing.copies) expect(to.endsWith('.bak')).toBe(false);
    await writeFileAtomic(file, 'third version\n');
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe('second version\n');
  });

  it.skipIf(process.platform === 'win32')(
    'writes through a symbolic link to the file it names, and keeps the link',
    async () => {
      const dir = workFolder();
      mkdirSync(join(dir, 'shared'));
      const real = join(dir, 'shared', 'hq.lyncrunbook');
      writeFileSync(real, 'first\n');
      const link = join(dir, 'hq.lyncrunbook');
      symlinkSync(real, link);
      await writeFileAtomic(link, 'second\n');
      expect(lstatSync(link).isSymbolicLink()).toBe(true);
      expect(readFileSync(real, 'utf8')).toBe('second\n');
      // The backup sits beside the file it backs up.
      expect(readFileSync(`${real}.bak`, 'utf8')).toBe('first\n');
      expect(readdirSync(dir).sort()).toEqual(['hq.lyncrunbook', 'shared']);
      expect(readdirSync(join(dir, 'shared')).sort()).toEqual(['hq.lyncrunbook', 'hq.lyncrunbook.bak']);
    },
  );

  it('fails with a clear message, changing nothing, when it cannot write', async () => {
    const dir = workFolder();
    await expect(writeFileAtomic(join(dir, 'missing', 'a.lyncrunbook'), 'x')).rejects.toThrow(
      /the folder .* does not exist/,
    );
    const target = join(dir, 'taken');
    mkdirSync(target);
    await expect(writeFileAtomic(target, 'x')).rejects.toThrow(UsageError);
    expect(readdirSync(dir)).toEqual(['taken']);
  });
});

describe('reading text the way Windows tools write it', () => {
  it('reads UTF-8 with or without a byte-order mark, and UTF-16 in either byte order', () => {
    const text = 'UpToDate : True\r\nReplicaFqdn : fe02.contoso.local — ü\r\n';
    const be = Buffer.from(text, 'utf16le');
    be.swap16();
    expect(decodeText(Buffer.from(text, 'utf8'))).toBe(text);
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]))).toBe(text);
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toBe(text);
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toBe(text);
  });

  it('reads a deployment file as the app does: UTF-16 is refused, saying why', () => {
    const dir = workFolder();
    const path = join(dir, 'utf16.lyncrunbook');
    writeFileSync(
      path,
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"format":"lync-runbook"}', 'utf16le')]),
    );
    expect(() => readDeploymentText(path)).toThrow(
      `The deployment file ${path} is UTF-16 text, but a deployment file is UTF-8 (lync-runbook always saves it so): another program may have saved it again. Save it as UTF-8 and try again.`,
    );
  });

  it('names the file and the problem when it cannot be read', async () => {
    const dir = workFolder();
    expect(() => readTextFile(join(dir, 'none.txt'), 'The evidence file')).toThrow(
      `The evidence file ${join(dir, 'none.txt')} does not exist.`,
    );
    expect(() => readTextFile(dir, 'The evidence file')).toThrow('is a folder, not a file.');
    writeFileSync(join(dir, 'ok.txt'), 'fine');
    expect(readTextFile(join(dir, 'ok.txt'), 'x')).toBe('fine');
    expect(existsSync(join(dir, 'ok.txt'))).toBe(true);
  });
});
