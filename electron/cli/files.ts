/** Files the command line reads and writes: text in the encodings Windows tools write, and atomic saves. */
import {
  closeSync,
  constants,
  copyFileSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import { parseDocument } from '../../renderer/core/document/load';
import type { DeploymentDocument } from '../../renderer/core/document/document';
import type { DeploymentSession, Recorder } from '../../renderer/core/session/session';
import { UsageError } from './cli-error';

/**
 * Text from bytes: UTF-8 by default, UTF-16 when a byte-order mark says so (Windows PowerShell's `>`
 * and Out-File write UTF-16LE), with the mark removed.
 */
export function decodeText(bytes: Buffer): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A file's text, or a UsageError that names the file and what is wrong with it. */
export function readTextFile(path: string, what: string): string {
  try {
    if (statSync(path).isDirectory()) throw new UsageError(`${what} ${path} is a folder, not a file.`);
    return decodeText(readFileSync(path));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`${what} ${path} does not exist.`);
    if (code === 'EACCES' || code === 'EPERM')
      throw new UsageError(`${what} ${path} cannot be read: permission denied.`);
    throw new UsageError(`${what} ${path} cannot be read: ${(error as Error).message}`);
  }
}

/** A deployment file opened into a session, or a UsageError with the reason it was refused (the file is left as it is). */
export function openDeploymentFile(
  path: string,
  recorder: Recorder | null = null,
): { session: DeploymentSession; document: DeploymentDocument } {
  const text = readTextFile(path, 'The deployment file');
  const loaded = parseDocument(text, recorder);
  if (!loaded.ok) throw new UsageError(`${path}: ${loaded.message}`);
  return { session: loaded.session, document: loaded.document };
}

function fsyncFolder(folder: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // Windows cannot open a folder to flush it, and some file systems refuse; the rename is still atomic.
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

function fsyncFile(path: string): void {
  // 'r+' and not 'r': Windows flushes only handles opened for writing.
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function writeAll(fd: number, data: Buffer): void {
  let offset = 0;
  // A write may take fewer bytes than asked (a network share, a full disk): keep going.
  while (offset < data.length) {
    const written = writeSync(fd, data, offset, data.length - offset, null);
    if (written <= 0) throw new Error('the disk accepted no more bytes');
    offset += written;
  }
}

/** The file a path names, through any symbolic links, with its permissions; null when there is none yet. */
function existingFile(path: string, shown: string): { readonly path: string; readonly mode: number } | null {
  let real: string;
  let stat: Stats;
  try {
    real = realpathSync(path);
    stat = statSync(real);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new UsageError(`Cannot write ${shown}: ${(error as Error).message}`);
  }
  if (!stat.isFile()) throw new UsageError(`Cannot write ${shown}: it is not a file.`);
  return { path: real, mode: stat.mode & 0o777 };
}

/**
 * Writes a file so that a crash at any moment leaves either the old or the new content: the text goes to
 * a temporary file in the same folder, is flushed to disk, and replaces the file by a rename. The file it
 * replaces is kept beside it as `<name>.bak`, written the same way, so the backup is never torn either.
 * A symbolic link is written through: the file it names is replaced, and the link stays.
 */
export function writeFileAtomic(path: string, text: string): void {
  const existing = existingFile(resolve(path), path);
  const target = existing?.path ?? resolve(path);
  const folder = dirname(target);
  if (!existsSync(folder)) throw new UsageError(`Cannot write ${path}: the folder ${folder} does not exist.`);
  const suffix = `${process.pid}.${randomBytes(6).toString('hex')}`;
  const temp = join(folder, `.${basename(target)}.${suffix}.tmp`);
  const backupTemp = join(folder, `.${basename(target)}.bak.${suffix}.tmp`);
  const made: string[] = [];
  let fd: number | null = null;
  try {
    // 'wx': never follow or reuse something already at the temporary name.
    fd = openSync(temp, 'wx', existing?.mode ?? 0o644);
    made.push(temp);
    writeAll(fd, Buffer.from(text, 'utf8'));
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    if (existing !== null) {
      // Listed first: a copy that fails may leave part of itself behind.
      made.push(backupTemp);
      copyFileSync(target, backupTemp, constants.COPYFILE_EXCL);
      fsyncFile(backupTemp);
      renameSync(backupTemp, `${target}.bak`);
      made.pop();
    }
    renameSync(temp, target);
    made.length = 0;
    fsyncFolder(folder);
  } catch (error) {
    if (fd !== null) closeSync(fd);
    for (const leftover of made) rmSync(leftover, { force: true });
    if (error instanceof UsageError) throw error;
    throw new UsageError(`Cannot write ${path}: ${(error as Error).message}`);
  }
}
