import { basename, dirname, join } from 'node:path';
import { DOCUMENT_EXTENSION } from '../../renderer/core/document/document';
import { acquireLock, LockedError, type HeldLock } from '../node/file-lock';
import type { DocumentStore, StoredDocument } from './document-store';
import { safeFileName, savePathFromDialog } from './file-names';
import { eventsOnlyOnDisk, historyOf } from './outside-changes';
import type { PathRegistry } from './path-registry';
import type { RecentFiles } from './recent-files';
import { UserError } from './user-error';

/** The native dialogs the document commands use (each returns null when cancelled). */
export interface DocumentDialogs {
  chooseDocumentToOpen(defaultFolder: string): Promise<string | null>;
  chooseWhereToSave(defaultPath: string): Promise<string | null>;
  /** Asks whether to replace an existing file the save dialog did not ask about; true to replace. */
  confirmReplace(path: string): Promise<boolean>;
}

/** What the document commands need. */
export interface DocumentServiceOptions {
  readonly store: DocumentStore;
  readonly paths: PathRegistry;
  readonly recent: RecentFiles;
  readonly dialogs: DocumentDialogs;
  /** Where dialogs start before any document was opened (the user's Documents folder). */
  readonly documentsFolder: string;
  /** Called after the recent list changed (the File menu's Open Recent is rebuilt). */
  readonly onRecentChanged: () => void;
  /** How long a save waits for another writer's lock on the file (default: the lock's own wait). */
  readonly lockWaitMs?: number;
}

/** A document entry of the recent list, as the renderer sees it (a handle, never a path). */
export interface RecentDocumentView {
  readonly handle: string;
  readonly name: string;
  readonly location: string;
  readonly at: string;
}

/**
 * The document commands behind the IPC channels and the menus: open (dialog, recent list, a path
 * from the OS), save and save as, the recent list. Paths stay here; the page gets handles.
 */
export class DocumentService {
  private lastFolder: string | null = null;

  constructor(private readonly options: DocumentServiceOptions) {}

  /** The folder dialogs start in: the last document's, else the user's documents. */
  defaultFolder(): string {
    return this.lastFolder ?? this.options.documentsFolder;
  }

  private async remember(path: string): Promise<void> {
    this.lastFolder = dirname(path);
    await this.options.recent.touch(path);
    this.options.onRecentChanged();
  }

  /** Asks for a document and reads it; null when the user cancels. */
  async open(): Promise<StoredDocument | null> {
    const path = await this.options.dialogs.chooseDocumentToOpen(this.defaultFolder());
    if (path === null) return null;
    return this.openPath(path);
  }

  /** Reads a document main already knows the path of (from the OS, a drop, the recent list). */
  async openPath(path: string): Promise<StoredDocument> {
    const document = await this.options.store.read(path);
    await this.remember(path);
    return document;
  }

  /** Reopens a document of the recent list by its handle. */
  async openRecent(handle: string): Promise<StoredDocument> {
    const path = this.options.paths.resolve(handle);
    if (path === null) throw new UserError('That document is no longer in the recent list. Open it with File › Open.');
    try {
      return await this.openPath(path);
    } catch (error) {
      // A document that has gone disappears from the list, which the user sees on the next look.
      await this.options.recent.list();
      this.options.onRecentChanged();
      throw error;
    }
  }

  /**
   * Saves over the document a handle names, or asks where (Save As, a new document, or a handle
   * this session does not know). Returns where it was saved, or null when the user cancels.
   * Saving in place is refused, leaving the file as it is, when the file now holds events this
   * window does not have (recorded by the command line meanwhile, say): saving would lose them.
   */
  async save(request: {
    readonly handle: string | null;
    readonly suggestedName: string;
    readonly text: string;
    readonly saveAs: boolean;
  }): Promise<Omit<StoredDocument, 'text'> | null> {
    const known = request.handle === null ? null : this.options.paths.resolve(request.handle);
    const inPlace = request.saveAs ? null : known;
    let path: string;
    if (inPlace !== null) path = inPlace;
    else {
      const folder = known === null ? this.defaultFolder() : dirname(known);
      const chosen = await this.options.dialogs.chooseWhereToSave(
        join(folder, safeFileName(request.suggestedName, DOCUMENT_EXTENSION)),
      );
      if (chosen === null) return null;
      const target = await savePathFromDialog(chosen, DOCUMENT_EXTENSION, {
        exists: (p) => this.options.store.exists(p),
        confirmReplace: (p) => this.options.dialogs.confirmReplace(p),
      });
      if (target === null) return null;
      path = target;
    }
    // The check and the write under the file's lock, as the command line's writers take it: no
    // writer that respects the lock can slip an event in between.
    const lock = await this.lock(path);
    try {
      if (inPlace !== null) await this.refuseIfChangedOutside(path, request.text);
      const saved = await this.options.store.write(path, request.text);
      await this.remember(path);
      return saved;
    } finally {
      await lock.release();
    }
  }

  private async lock(path: string): Promise<HeldLock> {
    try {
      return await acquireLock(path, this.options.lockWaitMs);
    } catch (error) {
      if (error instanceof LockedError) throw new UserError(`${basename(path)} was not saved: ${error.message}`);
      throw new UserError(
        `${basename(path)} was not saved: its lock could not be taken (${error instanceof Error ? error.message : String(error)}). The file was left as it is.`,
      );
    }
  }

  private async refuseIfChangedOutside(path: string, text: string): Promise<void> {
    const saving = historyOf(text);
    // Text without a history is refused by the store's own check, with its own message.
    if (saving === null) return;
    const onDisk = await this.options.store.peek(path);
    // A file that has gone is written again; one that is no deployment holds no events to lose (the .bak keeps it).
    if (onDisk.state !== 'document') return;
    const history = historyOf(onDisk.text);
    const lost = history === null ? 0 : eventsOnlyOnDisk(history, saving);
    if (lost === 0) return;
    const name = basename(path);
    const events = lost === 1 ? '1 event in the file is' : `${lost} events in the file are`;
    throw new UserError(
      `${name} was not saved: it was changed outside this window since it was opened or last saved (by the lync-runbook command line, for example), and ${events} not in this window. Saving would lose them, so the file was left as it is. Use File › Save As to keep this window's work in another file, then open ${name} again and bring the two together by hand.`,
    );
  }

  /** The recent documents that still exist, newest first, each with its handle. */
  async listRecent(): Promise<RecentDocumentView[]> {
    const entries = await this.options.recent.list();
    return entries.map((e) => ({
      handle: this.options.paths.issue(e.path),
      name: e.name,
      location: e.location,
      at: e.at,
    }));
  }

  /** Removes a document from the recent list. */
  async forgetRecent(handle: string): Promise<void> {
    const path = this.options.paths.resolve(handle);
    if (path === null) return;
    await this.options.recent.forget(path);
    this.options.onRecentChanged();
  }

  /** Empties the recent list (File › Open Recent › Clear Recently Opened). */
  async clearRecent(): Promise<void> {
    for (const entry of await this.options.recent.list()) await this.options.recent.forget(entry.path);
    this.options.onRecentChanged();
  }
}
