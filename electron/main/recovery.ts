import { isAbsolute } from 'node:path';
import { z } from 'zod';
import { writeAppDataFile, type AppDataFileOptions } from './app-data-file';
import { describeError, isNotFound } from '../node/file-system';

/** The recovery copy of the document being edited. */
export interface RecoveryRecord {
  /** The document it is an autosave of, when that had been saved before. */
  readonly path: string | null;
  readonly name: string;
  readonly text: string;
  /** When it was written (ISO 8601). */
  readonly at: string;
}

/** What the recovery store needs. */
export interface RecoveryStoreOptions extends AppDataFileOptions {
  readonly maxChars: number;
}

/**
 * Autosave: the renderer writes the document being edited here (debounced) and clears it after a
 * save or a discard, so a copy left behind means the app did not close cleanly. The copy is
 * written atomically, so a crash during an autosave leaves the previous autosave whole.
 */
export class RecoveryStore {
  private readonly schema: z.ZodType<{ schemaVersion: 1 } & RecoveryRecord>;

  constructor(private readonly options: RecoveryStoreOptions) {
    this.schema = z.object({
      schemaVersion: z.literal(1),
      path: z
        .string()
        .max(4096)
        .refine((p) => isAbsolute(p), 'must be an absolute path')
        .nullable(),
      name: z.string().max(255),
      text: z.string().max(options.maxChars),
      at: z.string().max(40),
    });
  }

  /** Writes the recovery copy. */
  async write(record: Omit<RecoveryRecord, 'at'>): Promise<void> {
    const text = JSON.stringify({
      schemaVersion: 1,
      path: record.path,
      name: record.name,
      text: record.text,
      at: this.options.now(),
    });
    await writeAppDataFile(this.options, text);
  }

  /** Removes the recovery copy (nothing to do when there is none). */
  async clear(): Promise<void> {
    try {
      await this.options.fs.unlink(this.options.file);
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }

  /** The copy left by a session that did not close cleanly, or null (also for a damaged copy, which is logged). */
  async find(): Promise<RecoveryRecord | null> {
    let bytes: Uint8Array;
    try {
      bytes = await this.options.fs.readFile(this.options.file);
    } catch (error) {
      if (!isNotFound(error))
        this.options.log(`recovery: could not read ${this.options.file}: ${describeError(error)}`);
      return null;
    }
    try {
      const parsed = this.schema.safeParse(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)));
      if (parsed.success)
        return { path: parsed.data.path, name: parsed.data.name, text: parsed.data.text, at: parsed.data.at };
      this.options.log(`recovery: ignoring ${this.options.file}, which does not validate`);
    } catch (error) {
      this.options.log(`recovery: ignoring ${this.options.file}: ${describeError(error)}`);
    }
    return null;
  }
}
