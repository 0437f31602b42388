import { dirname } from 'node:path';
import { writeFileAtomic } from '../node/atomic-write';
import type { FileSystem } from '../node/file-system';

/** Where one of main's own small JSON files lives (the recent list, the recovery copy) and what writing it needs. */
export interface AppDataFileOptions {
  readonly file: string;
  readonly fs: FileSystem;
  readonly now: () => string;
  readonly platform: NodeJS.Platform;
  readonly randomSuffix: () => string;
  readonly log: (message: string) => void;
}

/**
 * Writes such a file atomically, creating its folder first. No backup: main rewrites these often
 * and a reader treats a missing or damaged one as empty.
 */
export async function writeAppDataFile(options: AppDataFileOptions, text: string): Promise<void> {
  await options.fs.mkdir(dirname(options.file), { recursive: true });
  await writeFileAtomic(options.file, new TextEncoder().encode(text), {
    fs: options.fs,
    keepBackup: false,
    platform: options.platform,
    randomSuffix: options.randomSuffix,
  });
}
