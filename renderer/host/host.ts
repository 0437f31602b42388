/**
 * What the UI needs from the system it runs on: documents, recent files, recovery, exports, the
 * clipboard and the operator's name. Two implementations: Electron (through the preload bridge)
 * and the browser. The UI talks to nothing else.
 *
 * Paths belong to the host: the UI never passes a path to be written. A document is known by an
 * opaque `DocumentHandle` that the host issued (from its own dialog, its recent list or its store).
 */

/** An opaque reference to a saved document, issued by the host. */
export type DocumentHandle = string;

/** A document the host has read, with where it came from (for the title bar and the recent list). */
export interface OpenedDocument {
  readonly handle: DocumentHandle;
  /** File name as the user knows it ("contoso-hq.lyncrunbook"). */
  readonly name: string;
  /** Where it lives, for display only (a folder path on the desktop, "this browser" on the web). */
  readonly location: string;
  readonly text: string;
}

/** One entry of the recent documents list. */
export interface RecentDocument {
  readonly handle: DocumentHandle;
  readonly name: string;
  readonly location: string;
  /** When it was last opened or saved (ISO 8601). */
  readonly at: string;
}

/** A document found in the recovery area after the app did not close cleanly. */
export interface RecoveredDocument {
  /** The document it was an autosave of, if it had been saved before. */
  readonly handle: DocumentHandle | null;
  readonly name: string;
  readonly text: string;
  /** When the autosave was written (ISO 8601). */
  readonly at: string;
}

/** The formats a runbook exports to. */
export type ExportFormat = 'md' | 'html' | 'json' | 'pdf';

/** Commands that arrive from outside the page (the native menu, a file opened from the OS). */
export type HostCommand =
  | { readonly type: 'new' }
  | { readonly type: 'open' }
  /** Start a deployment from a topology: the start screen with its import open. */
  | { readonly type: 'import-topology' }
  | { readonly type: 'save' }
  | { readonly type: 'save-as' }
  | { readonly type: 'export' }
  /** Close the deployment and go back to the start screen (asked about unsaved changes first). */
  | { readonly type: 'close' }
  | { readonly type: 'opened'; readonly document: OpenedDocument }
  | { readonly type: 'about' };

/** A tiny key–value store for settings; values are strings (JSON where needed). */
export interface Preferences {
  get(key: string): string | null;
  set(key: string, value: string | null): void;
}

/** A failure the user must hear about, with what to do. */
export class HostError extends Error {
  override readonly name = 'HostError';
}

/** The system services the UI uses. Every method may reject with a HostError carrying a message for the user. */
export interface Host {
  readonly kind: 'electron' | 'browser';

  /** Asks the user for a document to open (a native dialog, or a file picker); null when cancelled. */
  openDocument(): Promise<OpenedDocument | null>;
  /** Reopens a document from the recent list. */
  openRecent(handle: DocumentHandle): Promise<OpenedDocument>;
  /**
   * Saves a document. With a handle and `saveAs` false it overwrites that document (atomically);
   * otherwise it asks where to save (null when cancelled). Returns the handle and name it was saved under.
   */
  saveDocument(request: {
    readonly handle: DocumentHandle | null;
    readonly suggestedName: string;
    readonly text: string;
    readonly saveAs: boolean;
  }): Promise<{ readonly handle: DocumentHandle; readonly name: string; readonly location: string } | null>;
  /** The recent documents, newest first. */
  listRecent(): Promise<readonly RecentDocument[]>;
  /** Removes a document from the recent list (not from disk). */
  forgetRecent(handle: DocumentHandle): Promise<void>;

  /** Writes the recovery copy of the document being edited (called after changes, debounced). */
  autosave(request: {
    readonly handle: DocumentHandle | null;
    readonly name: string;
    readonly text: string;
  }): Promise<void>;
  /** Clears the recovery copy (after a save, or when the user discards it). */
  clearAutosave(): Promise<void>;
  /** The recovery copy left by a session that did not close cleanly, if any. */
  findRecovery(): Promise<RecoveredDocument | null>;

  /**
   * Exports a runbook: a save dialog or a download; null when cancelled. `content` is the file's
   * text; for 'pdf' it is the runbook's HTML, which the host prints to PDF.
   */
  exportFile(request: {
    readonly suggestedName: string;
    readonly format: ExportFormat;
    readonly content: string;
  }): Promise<{ readonly name: string } | null>;
  /** Whether PDF export is available here (Electron prints the HTML; the browser uses its print dialog). */
  readonly canExportPdf: boolean;
  /**
   * Where PDF export is not built in (the browser): shows the HTML runbook in a window of its own and
   * opens the print dialog there, where the admin can print it or save it as PDF.
   */
  readonly printHtml?: (html: string) => Promise<void>;

  /** Puts text on the clipboard. */
  copyText(text: string): Promise<void>;

  /** The operator's default name (the signed-in user on the desktop). */
  defaultOperator(): Promise<string>;
  /** The workstation's IANA time zone. */
  timeZone(): string;

  /** Small settings that outlive a session (operator, console locale, where the user was); kept by the host. */
  readonly preferences: Preferences;

  /** Tells the host whether there are unsaved changes (the desktop asks before closing). */
  setDirty(dirty: boolean, title: string): void;
  /** Subscribes to commands from the menu or the OS; returns the unsubscribe function. */
  onCommand(listener: (command: HostCommand) => void): () => void;
}
