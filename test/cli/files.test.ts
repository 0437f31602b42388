import type * as fs from 'node:fs';
import {
  chmodSync,
  copyFileSync,
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
import { describe, expect, it, vi } from 'vitest';
import { UsageError } from '../../electron/cli/cli-error';
import { decodeText, readTextFile, writeFileAtomic } from '../../electron/cli/files';
import { workFolder } from './support/cli';

// copyFileSync is watched so a test can make it fail halfway, as a crash or a full disk would.
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof fs>();
  return { ...actual, copyFileSync: vi.fn(actual.copyFileSync) };
});

describe('writeFileAtomic', () => {
  it('writes a new file, leaving no temporary file behind', () => {
    const dir = workFolder();
    writeFileAtomic(join(dir, 'a.lyncrunbook'), 'first\n');
    expect(readFileSync(join(dir, 'a.lyncrunbook'), 'utf8')).toBe('first\n');
    expect(readdirSync(dir)).toEqual(['a.lyncrunbook']);
  });

  it("keeps the version it replaces as .bak, and the file's permissions", () => {
    const dir = workFolder();
    const file = join(dir, 'a.lyncrunbook');
    writeFileAtomic(file, 'first\n');
    chmodSync(file, 0o600);
    writeFileAtomic(file, 'second\n');
    writeFileAtomic(file, 'third\n');
    expect(readFileSync(file, 'utf8')).toBe('third\n');
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe('second\n');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir).sort()).toEqual(['a.lyncrunbook', 'a.lyncrunbook.bak']);
  });

  it('writes the backup through a temporary file too: a copy that fails halfway never tears the previous backup', () => {
    const dir = workFolder();
    const file = join(dir, 'a.lyncrunbook');
    writeFileAtomic(file, 'first version\n');
    writeFileAtomic(file, 'second version\n');
    vi.mocked(copyFileSync).mockImplementationOnce((from, to) => {
      // Half of the bytes reach the copy, then the disk fails.
      const data = readFileSync(from);
      writeFileSync(to, data.subarray(0, data.length / 2));
      throw Object.assign(new Error('EIO: i/o error, copyfile'), { code: 'EIO' });
    });
    expect(() => writeFileAtomic(file, 'third version\n')).toThrow(UsageError);
    expect(readFileSync(file, 'utf8')).toBe('second version\n');
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe('first version\n');
    expect(readdirSync(dir).sort()).toEqual(['a.lyncrunbook', 'a.lyncrunbook.bak']);
    // The copy never goes straight to the backup's name.
    for (const [, to] of vi.mocked(copyFileSync).mock.calls) expect(String(to).endsWith('.bak')).toBe(false);
    writeFileAtomic(file, 'third version\n');
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe('second version\n');
  });

  it.skipIf(process.platform === 'win32')(
    'writes through a symbolic link to the file it names, and keeps the link',
    () => {
      const dir = workFolder();
      mkdirSync(join(dir, 'shared'));
      const real = join(dir, 'shared', 'hq.lyncrunbook');
      writeFileSync(real, 'first\n');
      const link = join(dir, 'hq.lyncrunbook');
      symlinkSync(real, link);
      writeFileAtomic(link, 'second\n');
      expect(lstatSync(link).isSymbolicLink()).toBe(true);
      expect(readFileSync(real, 'utf8')).toBe('second\n');
      // The backup sits beside the file it backs up.
      expect(readFileSync(`${real}.bak`, 'utf8')).toBe('first\n');
      expect(readdirSync(dir).sort()).toEqual(['hq.lyncrunbook', 'shared']);
      expect(readdirSync(join(dir, 'shared')).sort()).toEqual(['hq.lyncrunbook', 'hq.lyncrunbook.bak']);
    },
  );

  it('fails with a clear message, changing nothing, when it cannot write', () => {
    const dir = workFolder();
    expect(() => writeFileAtomic(join(dir, 'missing', 'a.lyncrunbook'), 'x')).toThrow(/the folder .* does not exist/);
    const target = join(dir, 'taken');
    mkdirSync(target);
    expect(() => writeFileAtomic(target, 'x')).toThrow(UsageError);
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

  it('names the file and the problem when it cannot be read', () => {
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
