import { basename, dirname, isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { writeAppDataFile, type AppDataFileOptions } from './app-data-file';
import { describeError, isNotFound } from '../node/file-system';

/** One remembered document. */
export interface RecentEntry {
  readonly path: string;
  readonly name: string;
  readonly location: string;
  /** When it was last opened or saved (ISO 8601). */
  readonly at: string;
}

/** What the recent list needs: where it lives, the file system, a clock and a logger. */
export interface RecentFilesOptions extends AppDataFileOptions {
  readonly max?: number;
}

const fileSchema = z.object({
  schemaVersion: z.literal(1),
  entries: z
    .array(
      z.object({
        path: z
          .string()
          .min(1)
          .max(4096)
          .refine((p) => isAbsolute(p), 'must be an absolute path'),
        at: z.string().max(40),
      }),
    )
    .max(100),
});

/**
 * The recent documents, newest first, kept in a small JSON file in the user's data folder. A file
 * that does not validate is treated as an empty list (and replaced on the next change); entries
 * whose document has gone are dropped when the list is read.
 */
export class RecentFiles {
  private entries: { path: string; at: string }[] | null = null;
  private readonly max: number;

  constructor(private readonly options: RecentFilesOptions) {
    this.max = options.max ?? 10;
  }

  private same(a: string, b: string): boolean {
    const fold = this.options.platform === 'win32' || this.options.platform === 'darwin';
    return fold ? a.toLowerCase() === b.toLowerCase() : a === b;
  }

  private async load(): Promise<{ path: string; at: string }[]> {
    if (this.entries !== null) return this.entries;
    let loaded: { path: string; at: string }[] = [];
    try {
      const text = new TextDecoder().decode(await this.options.fs.readFile(this.options.file));
      const parsed = fileSchema.safeParse(JSON.parse(text));
      if (parsed.success) loaded = parsed.data.entries.slice(0, this.max);
      else this.options.log(`recent files: ignoring ${this.options.file}, which does not validate`);
    } catch (error) {
      if (!isNotFound(error)) this.options.log(`recent files: ignoring ${this.options.file}: ${describeError(error)}`);
    }
    this.entries = loaded;
    return loaded;
  }

  private async store(entries: { path: string; at: string }[]): Promise<void> {
    this.entries = entries;
    const text = `${JSON.stringify({ schemaVersion: 1, entries }, null, 1)}\n`;
    try {
      await writeAppDataFile(this.options, text);
    } catch (error) {
      // The list is a convenience: losing an update must not fail the save or open that caused it.
      this.options.log(`recent files: could not write ${this.options.file}: ${describeError(error)}`);
    }
  }

  private async exists(path: string): Promise<boolean> {
    try {
      return (await this.options.fs.stat(path)).isFile();
    } catch {
      return false;
    }
  }

  /** The entries whose document still exists, newest first (the gone ones are forgotten). */
  async list(): Promise<RecentEntry[]> {
    const entries = await this.load();
    const present: { path: string; at: string }[] = [];
    for (const entry of entries) if (await this.exists(entry.path)) present.push(entry);
    if (present.length !== entries.length) await this.store(present);
    return present.map((e) => ({ path: e.path, name: basename(e.path), location: dirname(e.path), at: e.at }));
  }

  /** Puts a document at the top of the list (after it was opened or saved). */
  async touch(path: string): Promise<void> {
    const absolute = resolve(path);
    const entries = await this.load();
    const rest = entries.filter((e) => !this.same(e.path, absolute));
    await this.store([{ path: absolute, at: this.options.now() }, ...rest].slice(0, this.max));
  }

  /** Removes a document from the list (not from disk). */
  async forget(path: string): Promise<void> {
    const entries = await this.load();
    const rest = entries.filter((e) => !this.same(e.path, path));
    if (rest.length !== entries.length) await this.store(rest);
  }
}
