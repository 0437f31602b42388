import type { LyncRunbookBridge } from '../../electron/shared/bridge';
import type { HostCommandPayload, IpcResult } from '../../electron/shared/schemas';
import { HostError, type Host, type HostCommand, type OpenedDocument, type Preferences } from './host';
import { localPreferences } from './preferences';

// The contract's shapes must stay assignable to the Host's: a change on either side fails here.
type Assignable<T extends U, U> = T;
type _Commands = Assignable<HostCommandPayload, HostCommand>;
type _Opened = Assignable<Extract<HostCommandPayload, { type: 'opened' }>['document'], OpenedDocument>;

/** The document extension, repeated here so the host does not pull the core's document module. */
const DOCUMENT_EXTENSION = '.lyncrunbook';

/** Options for tests: where file drops are caught (the window by default; null for none), and the preferences store. */
export interface ElectronHostOptions {
  readonly dropTarget?: EventTarget | null;
  readonly preferences?: Preferences;
}

async function unwrap<T>(call: Promise<IpcResult<T>>): Promise<T> {
  let result: IpcResult<T>;
  try {
    result = await call;
  } catch (error) {
    throw new HostError(
      `The desktop app did not answer (${error instanceof Error ? error.message : String(error)}). Restart lync-runbook; your work is kept in its recovery copy.`,
    );
  }
  if (!result.ok) throw new HostError(result.message);
  return result.value;
}

interface DropLike extends Event {
  readonly dataTransfer: { readonly files: ArrayLike<File>; readonly types: readonly string[] } | null;
}

/**
 * Catches `.lyncrunbook` files dropped anywhere on the window and hands them to main, which reads
 * and checks them and sends them back as an `opened` command, like files opened from the OS. The
 * page never learns the path. Other drops (a topology export on its drop zone) pass through.
 */
function catchDocumentDrops(target: EventTarget, bridge: LyncRunbookBridge): void {
  const documentIn = (event: Event): File | null => {
    const files = (event as DropLike).dataTransfer?.files;
    if (!files) return null;
    for (let i = 0; i < files.length; i++) {
      const file = files[i];
      if (file !== undefined && file.name.toLowerCase().endsWith(DOCUMENT_EXTENSION)) return file;
    }
    return null;
  };
  target.addEventListener(
    'dragover',
    (event) => {
      // Allowing the drop is needed before a drop event fires at all; the names are not known yet.
      if ((event as DropLike).dataTransfer?.types.includes('Files')) event.preventDefault();
    },
    { capture: true },
  );
  target.addEventListener(
    'drop',
    (event) => {
      const file = documentIn(event);
      if (file === null) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      // Main shows a refusal itself (the page has no request to answer).
      void bridge.openDroppedFile(file).catch(() => undefined);
    },
    { capture: true },
  );
}

/** The Host of the desktop app, over the preload's bridge (window.lyncRunbook). */
export function createElectronHost(bridge: LyncRunbookBridge, options: ElectronHostOptions = {}): Host {
  const dropTarget =
    options.dropTarget === undefined ? (typeof window === 'undefined' ? null : window) : options.dropTarget;
  if (dropTarget !== null) catchDocumentDrops(dropTarget, bridge);
  let info: ReturnType<LyncRunbookBridge['appInfo']> | null = null;
  return {
    kind: 'electron',
    canExportPdf: true,
    openDocument: () => unwrap(bridge.openDocument()),
    openRecent: (handle) => unwrap(bridge.openRecent(handle)),
    saveDocument: (request) =>
      unwrap(
        bridge.saveDocument({
          handle: request.handle,
          suggestedName: request.suggestedName,
          text: request.text,
          saveAs: request.saveAs,
        }),
      ),
    listRecent: () => unwrap(bridge.listRecent()),
    forgetRecent: async (handle) => {
      await unwrap(bridge.forgetRecent(handle));
    },
    autosave: async (request) => {
      await unwrap(bridge.writeRecovery({ handle: request.handle, name: request.name, text: request.text }));
    },
    clearAutosave: async () => {
      await unwrap(bridge.clearRecovery());
    },
    findRecovery: () => unwrap(bridge.findRecovery()),
    exportFile: (request) =>
      unwrap(
        bridge.exportRunbook({
          suggestedName: request.suggestedName,
          format: request.format,
          content: request.content,
        }),
      ),
    copyText: async (text) => {
      await unwrap(bridge.writeClipboard(text));
    },
    defaultOperator: async () => {
      info ??= bridge.appInfo();
      const current = info;
      try {
        return (await unwrap(current)).operator;
      } catch (error) {
        if (info === current) info = null;
        throw error;
      }
    },
    timeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    // The page's own storage: its app:// origin is private to the app and kept in the user's data folder.
    preferences: options.preferences ?? localPreferences(),
    setDirty: (dirty, title) => {
      // Fire and forget: a lost flag only means the close prompt may not show; nothing to tell the page.
      void bridge.setDirty(dirty, title).catch(() => undefined);
    },
    onCommand: (listener) => bridge.onCommand((command) => listener(command)),
  };
}
