import * as fs from 'node:fs/promises';

/**
 * The file-system functions main's modules and the command line take as a parameter (the shape of
 * `node:fs/promises`), so tests can run them against a real temporary folder and inject a failure at
 * any step.
 */

/** The stat fields main looks at. */
export interface FileStat {
  isFile(): boolean;
  isDirectory(): boolean;
  readonly size: number;
  readonly mode: number;
}

/** An open file, as `FileHandle` of node:fs/promises. */
export interface OpenFile {
  write(buffer: Uint8Array, offset: number, length: number, position: number | null): Promise<{ bytesWritten: number }>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** The subset of node:fs/promises main uses for documents and its own data files. */
export interface FileSystem {
  open(path: string, flags: string, mode?: number): Promise<OpenFile>;
  readFile(path: string): Promise<Uint8Array>;
  stat(path: string): Promise<FileStat>;
  rename(from: string, to: string): Promise<void>;
  copyFile(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  realpath(path: string): Promise<string>;
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
}

/** Whether something is at `path`; true as well when it cannot be told (a question is then asked rather than a file replaced). */
export async function pathExists(fs: FileSystem, path: string): Promise<boolean> {
  try {
    await fs.stat(path);
    return true;
  } catch (error) {
    return !isNotFound(error);
  }
}

/** True when an error is Node's "no such file or directory". */
export function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ENOENT';
}

/** The error's code and message in one short line, for logs and user messages. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' && !error.message.includes(code) ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}

/** The file system itself (node:fs/promises), in the shape main and the command line take. */
export const nodeFileSystem: FileSystem = fs as unknown as FileSystem;
