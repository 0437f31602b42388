import { dirname, join } from 'node:path';
import { DOCUMENT_EXTENSION } from '../../renderer/core/document/document';
import type { DocumentStore, StoredDocument } from './document-store';
import { safeFileName, withExtension } from './file-names';
import type { PathRegistry } from './path-registry';
import type { RecentFiles } from './recent-files';
import { UserError } from './user-error';

/** The native dialogs the document commands use (each returns null when cancelled). */
export interface DocumentDialogs {
  chooseDocumentToOpen(defaultFolder: string): Promise<string | null>;
  chooseWhereToSave(defaultPath: string): Promise<string | null>;
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
   */
  async save(request: { readonly handle: string | null; readonly suggestedName: string; readonly text: string; readonly saveAs: boolean }): Promise<Omit<StoredDocument, 'text'> | null> {
    const known = request.handle === null ? null : this.options.paths.resolve(request.handle);
    let path = request.saveAs ? null : known;
    if (path === null) {
      const folder = known === null ? this.defaultFolder() : dirname(known);
      const chosen = await this.options.dialogs.chooseWhereToSave(join(folder, safeFileName(request.suggestedName, DOCUMENT_EXTENSION)));
      if (chosen === null) return null;
      path = withExtension(chosen, DOCUMENT_EXTENSION);
    }
    const saved = await this.options.store.write(path, request.text);
    await this.remember(path);
    return saved;
  }

  /** The recent documents that still exist, newest first, each with its handle. */
  async listRecent(): Promise<RecentDocumentView[]> {
    const entries = await this.options.recent.list();
    return entries.map((e) => ({ handle: this.options.paths.issue(e.path), name: e.name, location: e.location, at: e.at }));
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
