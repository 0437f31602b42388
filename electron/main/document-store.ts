import { basename, dirname } from 'node:path';
import { writeFileAtomic } from '../node/atomic-write';
import { describeError, isNotFound, pathExists, type FileSystem } from '../node/file-system';
import type { PathRegistry } from './path-registry';
import { UserError } from './user-error';

/** A document read from disk and checked, as the renderer receives it. */
export interface StoredDocument {
  readonly handle: string;
  readonly name: string;
  readonly location: string;
  readonly text: string;
}

/**
 * The verdict on a document's text: fine, or the message saying why it is refused. Main gives the
 * core's own opener (`parseDocument`), before it opens a file and before it writes one, so it never
 * saves what it could not reopen.
 */
export type DocumentCheck = (text: string) => { readonly ok: true } | { readonly ok: false; readonly message: string };

/** What the store needs: the file system, the path registry, the document check and the limits. */
export interface DocumentStoreOptions {
  readonly fs: FileSystem;
  readonly paths: PathRegistry;
  readonly check: DocumentCheck;
  readonly maxBytes: number;
  readonly platform: NodeJS.Platform;
  readonly randomSuffix: () => string;
}

const LEFT_AS_IS = 'The file was left as it is.';
const UTF8_BOM = '\ufeff';

/** The refusal for a file that is not there, told apart so a save can still create it. */
class MissingFileError extends UserError {}

/** What is at a document's path now: nothing, a deployment this version opens (its text), or anything else. */
export type OnDisk =
  { readonly state: 'missing' } | { readonly state: 'document'; readonly text: string } | { readonly state: 'other' };

/**
 * Reads and writes `.lyncrunbook` files. Reading never changes the file and refuses anything that
 * is not a deployment this version can open, saying why; writing checks the text first and
 * replaces the file atomically, keeping the previous version as `<name>.bak`.
 */
export class DocumentStore {
  constructor(private readonly options: DocumentStoreOptions) {}

  /** Reads the document at `path`, or throws a UserError saying why it cannot be opened. */
  async read(path: string): Promise<StoredDocument> {
    const text = await this.load(path);
    return { handle: this.options.paths.issue(path), name: basename(path), location: dirname(path), text };
  }

  /** Looks at what is at `path` now, without issuing a handle or changing anything. */
  async peek(path: string): Promise<OnDisk> {
    try {
      return { state: 'document', text: await this.load(path) };
    } catch (error) {
      return error instanceof MissingFileError ? { state: 'missing' } : { state: 'other' };
    }
  }

  /** Whether something is at `path` (a file a save would replace). */
  exists(path: string): Promise<boolean> {
    return pathExists(this.options.fs, path);
  }

  private async load(path: string): Promise<string> {
    const { fs, maxBytes } = this.options;
    const name = basename(path);
    let size: number;
    try {
      const stat = await fs.stat(path);
      if (stat.isDirectory()) throw new UserError(`${name} is a folder, not a lync-runbook deployment.`);
      // A device or a pipe could block the read forever.
      if (!stat.isFile())
        throw new UserError(`${name} is not a regular file, so it cannot be a lync-runbook deployment.`);
      size = stat.size;
    } catch (error) {
      if (error instanceof UserError) throw error;
      if (isNotFound(error))
        throw new MissingFileError(
          `${name} could not be found in ${dirname(path)}. It may have been moved, renamed or deleted.`,
        );
      throw new UserError(`Could not open ${name}: ${describeError(error)}.`);
    }
    if (size > maxBytes) throw this.tooLarge(name, size);
    let bytes: Uint8Array;
    try {
      bytes = await fs.readFile(path);
    } catch (error) {
      throw new UserError(`Could not read ${name}: ${describeError(error)}.`);
    }
    // The file may have grown between the stat and the read.
    if (bytes.length > maxBytes) throw this.tooLarge(name, bytes.length);
    if (bytes.length === 0)
      throw new UserError(
        `${name} is empty, so it is not a lync-runbook deployment (it may have been cut short when it was written). ${LEFT_AS_IS}`,
      );
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new UserError(
        `${name} is not a lync-runbook deployment: it is not a text file (or its text is damaged). ${LEFT_AS_IS}`,
      );
    }
    // Editors on Windows may add a byte-order mark; JSON does not allow one.
    if (text.startsWith(UTF8_BOM)) text = text.slice(1);
    const verdict = this.options.check(text);
    if (!verdict.ok) throw new UserError(`Could not open ${name}. ${verdict.message}`);
    return text;
  }

  /** Checks `text` and writes it to `path` atomically (with a backup); throws a UserError on failure. */
  async write(path: string, text: string): Promise<Omit<StoredDocument, 'text'>> {
    const name = basename(path);
    const verdict = this.options.check(text);
    if (!verdict.ok)
      throw new UserError(`${name} was not saved, because the deployment would not open again: ${verdict.message}`);
    try {
      await writeFileAtomic(path, new TextEncoder().encode(text), {
        fs: this.options.fs,
        keepBackup: true,
        platform: this.options.platform,
        randomSuffix: this.options.randomSuffix,
      });
    } catch (error) {
      throw new UserError(error instanceof Error ? error.message : String(error));
    }
    return { handle: this.options.paths.issue(path), name, location: dirname(path) };
  }

  private tooLarge(name: string, size: number): UserError {
    const mb = (n: number) => Math.round(n / (1024 * 1024));
    return new UserError(
      `${name} is too large to be a lync-runbook deployment (${mb(size)} MB; the limit is ${mb(this.options.maxBytes)} MB). ${LEFT_AS_IS}`,
    );
  }
}
