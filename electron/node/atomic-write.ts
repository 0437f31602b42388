import { basename, dirname, join } from 'node:path';
import { describeError, isNotFound, type FileSystem, type OpenFile } from './file-system';

/** What `writeFileAtomic` needs besides the data. */
export interface AtomicWriteOptions {
  readonly fs: FileSystem;
  /** Keep the replaced version as `<target>.bak` (documents do; main's own data files do not). */
  readonly keepBackup: boolean;
  /** Windows cannot open a folder to flush it; elsewhere the rename is flushed too. */
  readonly platform: NodeJS.Platform;
  /** A random suffix for temporary names (injected so tests can predict them). */
  readonly randomSuffix: () => string;
}

/** Why a write failed, for the user; the target was left as it was unless `written` is true. */
export class AtomicWriteError extends Error {
  override readonly name = 'AtomicWriteError';
  constructor(
    message: string,
    /** True when the new content did reach the target but could not be confirmed on disk. */
    readonly written: boolean,
  ) {
    super(message);
  }
}

/** The backup kept beside a document: the version a save replaced. */
export function backupPathOf(target: string): string {
  return `${target}.bak`;
}

async function writeAll(file: OpenFile, data: Uint8Array): Promise<void> {
  let offset = 0;
  // A write may take fewer bytes than asked (disk full, a signal, a network share): keep going.
  while (offset < data.length) {
    const { bytesWritten } = await file.write(data, offset, data.length - offset, null);
    if (bytesWritten <= 0) throw new Error('the disk accepted no more bytes');
    offset += bytesWritten;
  }
}

async function flushFile(fs: FileSystem, path: string): Promise<void> {
  // 'r+' and not 'r': Windows flushes only handles opened for writing.
  const file = await fs.open(path, 'r+');
  try {
    await file.sync();
  } finally {
    await file.close();
  }
}

async function flushFolder(fs: FileSystem, folder: string, platform: NodeJS.Platform): Promise<void> {
  if (platform === 'win32') return;
  const dir = await fs.open(folder, 'r');
  try {
    await dir.sync();
  } catch (error) {
    // Some file systems (and macOS for folders) refuse fsync on a folder; the rename still holds.
    const code = (error as { code?: unknown }).code;
    if (code !== 'EINVAL' && code !== 'ENOTSUP' && code !== 'EISDIR' && code !== 'EPERM' && code !== 'EBADF')
      throw error;
  } finally {
    await dir.close();
  }
}

async function removeQuietly(fs: FileSystem, path: string | null): Promise<void> {
  if (path === null) return;
  try {
    await fs.unlink(path);
  } catch {
    // Best effort: a stray temporary file is harmless, and the original error matters more.
  }
}

/**
 * Replaces `target` with `data` so that a crash or a failure at any moment leaves either the old
 * or the new content, never a mix: the data goes to a temporary file in the same folder, is
 * flushed, the old version is copied to `<target>.bak` (flushed too), the temporary file is
 * renamed over the target, and the folder is flushed where the platform allows.
 */
export async function writeFileAtomic(target: string, data: Uint8Array, options: AtomicWriteOptions): Promise<void> {
  const { fs } = options;
  // Write through a symbolic link to the file it names, rather than replacing the link.
  let path = target;
  let existingMode: number | null = null;
  try {
    path = await fs.realpath(target);
    const stat = await fs.stat(path);
    if (!stat.isFile())
      throw new AtomicWriteError(`${basename(target)} is not a file, so it cannot be replaced.`, false);
    existingMode = stat.mode & 0o777;
  } catch (error) {
    if (error instanceof AtomicWriteError) throw error;
    if (!isNotFound(error))
      throw new AtomicWriteError(`Could not look at ${basename(target)}: ${describeError(error)}.`, false);
  }
  const folder = dirname(path);
  const name = basename(path);
  const suffix = options.randomSuffix();
  const temp = join(folder, `.${name}.${suffix}.tmp`);
  const backupTemp = join(folder, `.${name}.bak.${suffix}.tmp`);
  let tempCreated = false;
  let backupTempCreated = false;
  try {
    // 'wx': never follow or reuse something already at the temporary name.
    const file = await fs.open(temp, 'wx', existingMode ?? 0o666);
    tempCreated = true;
    try {
      await writeAll(file, data);
      await file.sync();
    } finally {
      await file.close();
    }
    if (options.keepBackup && existingMode !== null) {
      // Marked first: a copy that fails half-way must not leave its partial file behind.
      backupTempCreated = true;
      await fs.copyFile(path, backupTemp);
      await flushFile(fs, backupTemp);
      await fs.rename(backupTemp, backupPathOf(path));
      backupTempCreated = false;
    }
    await fs.rename(temp, path);
    tempCreated = false;
  } catch (error) {
    await removeQuietly(fs, tempCreated ? temp : null);
    await removeQuietly(fs, backupTempCreated ? backupTemp : null);
    throw new AtomicWriteError(
      `Could not save ${name}: ${describeError(error)}. The file on disk was not changed.`,
      false,
    );
  }
  try {
    await flushFolder(fs, folder, options.platform);
  } catch (error) {
    throw new AtomicWriteError(
      `${name} was written, but the system could not confirm it reached the disk (${describeError(error)}). Save again to be sure.`,
      true,
    );
  }
}
