/** Files the command line reads and writes: text in the encodings Windows tools write, and atomic saves. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { writeFileAtomic as writeAtomic } from '../node/atomic-write';
import { nodeFileSystem, type FileSystem } from '../node/file-system';
import { parseDocument } from '../../renderer/core/document/load';
import { MAX_DOCUMENT_BYTES, type DeploymentDocument } from '../../renderer/core/document/document';
import type { DeploymentSession, Recorder } from '../../renderer/core/session/session';
import { UsageError } from './cli-error';
import { INTEGRITY_TITLE, integrityWarning } from '../../renderer/core/session/integrity';
import { terminalSafe, type CliIo } from './io';

/**
 * Text from bytes: UTF-8 by default, UTF-16 when a byte-order mark says so (Windows PowerShell's `>`
 * and Out-File write UTF-16LE), with the mark removed. `utf16: false` refuses UTF-16, as the app
 * does for a deployment file (always saved as UTF-8).
 */
export function decodeText(bytes: Buffer, what = 'The input', { utf16 = true } = {}): string {
  const bom16 =
    bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  if (bom16 && !utf16)
    throw new UsageError(
      `${what} is UTF-16 text, but a deployment file is UTF-8 (lync-runbook always saves it so): another program may have saved it again. Save it as UTF-8 and try again.`,
    );
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  let text: string;
  try {
    // Fatal: damaged or Windows-1252 bytes are refused, never silently turned into U+FFFD and saved so.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError(
      `${what} is not UTF-8 text (it may be damaged, or saved in another encoding such as Windows-1252). Save it as UTF-8, or UTF-16 with a byte-order mark, and try again.`,
    );
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The largest file read as text, unless a caller says otherwise (a paste or topology is far smaller). */
const MAX_TEXT_FILE_BYTES = 32 * 1024 * 1024;

/**
 * A file's text, or a UsageError that names the file and what is wrong with it. Only a regular file
 * is read (a pipe would wait for ever, a device never end), and only when its size is within `maxBytes`.
 */
export function readTextFile(
  path: string,
  what: string,
  maxBytes = MAX_TEXT_FILE_BYTES,
  options: { readonly utf16?: boolean } = {},
): string {
  try {
    const info = statSync(path);
    if (info.isDirectory()) throw new UsageError(`${what} ${path} is a folder, not a file.`);
    if (!info.isFile())
      throw new UsageError(`${what} ${path} is not a regular file (a device, a pipe or a socket); name a file.`);
    if (info.size > maxBytes)
      throw new UsageError(
        `${what} ${path} is ${(info.size / 2 ** 20).toFixed(1)} MB, more than the ${(maxBytes / 2 ** 20).toFixed(0)} MB read; check that it is the right file.`,
      );
    return decodeText(readFileSync(path), `${what} ${path}`, options);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`${what} ${path} does not exist.`);
    if (code === 'EACCES' || code === 'EPERM')
      throw new UsageError(`${what} ${path} cannot be read: permission denied.`);
    throw new UsageError(`${what} ${path} cannot be read: ${(error as Error).message}`);
  }
}

/** A deployment file's text, read as strictly as the app reads it (UTF-8 only, within the document limit). */
export function readDeploymentText(path: string): string {
  return readTextFile(path, 'The deployment file', MAX_DOCUMENT_BYTES, { utf16: false });
}

/**
 * A deployment file opened into a session, or a UsageError with the reason it was refused (the file
 * is left as it is). A file whose history does not match its hash chain opens read-only: the
 * warning, naming the events changed, goes to standard error before anything else is printed.
 */
export function openDeploymentFile(
  path: string,
  io: Pick<CliIo, 'err'>,
  recorder: Recorder | null = null,
): { session: DeploymentSession; document: DeploymentDocument; text: string } {
  const text = readDeploymentText(path);
  const loaded = parseDocument(text, recorder);
  if (!loaded.ok) throw new UsageError(`${path}: ${loaded.message}`);
  const warning = integrityWarning(loaded.session.history, loaded.session.integrity());
  if (warning !== null) io.err(`${terminalSafe(`Warning: ${path}: ${INTEGRITY_TITLE}. ${warning}`)}\n`);
  return { session: loaded.session, document: loaded.document, text };
}

/**
 * Writes a file so that a crash at any moment leaves either the old or the new content (the writer
 * main uses too: a temporary file in the same folder, flushed, renamed over the file); the file it
 * replaces is kept beside it as `<name>.bak`, and a symbolic link is written through.
 */
export async function writeFileAtomic(path: string, text: string, fs: FileSystem = nodeFileSystem): Promise<void> {
  const target = resolve(path);
  const folder = dirname(target);
  if (!existsSync(folder)) throw new UsageError(`Cannot write ${path}: the folder ${folder} does not exist.`);
  try {
    await writeAtomic(target, new TextEncoder().encode(text), {
      fs,
      keepBackup: true,
      platform: process.platform,
      randomSuffix: () => `${process.pid}.${randomBytes(6).toString('hex')}`,
    });
  } catch (error) {
    throw new UsageError(`Cannot write ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
