// The contract channels over main's services. Registered once the app is ready, and every message
// is checked against the window of that moment: the page may have been navigated or the window closed.
import { userInfo } from 'node:os';
import { app, clipboard, ipcMain, type BrowserWindow } from 'electron';
import { writeFileAtomic } from '../node/atomic-write';
import { pathExists, type FileSystem } from '../node/file-system';
import { exportRunbook } from './export-service';
import { createIpcHandlers, type IpcHandlerDeps } from './ipc-handlers';
import { isTrustedSender, registerIpcHandlers, type IpcMainLike } from './ipc-guard';
import type { Log } from './logger';
import { showDocumentTitle } from './main-window';
import type { NativeDialogs } from './native-dialogs';
import { defaultOperator } from './operator';
import { UserError } from './user-error';

/** The services behind the channels, and what an export and the sender check need besides. */
export interface MainIpcDeps extends Pick<
  IpcHandlerDeps,
  'documents' | 'recovery' | 'paths' | 'closeGuard' | 'outbox' | 'openFromOutside'
> {
  readonly dialogs: Pick<NativeDialogs, 'chooseWhereToExport' | 'confirmReplace'>;
  /** Prints a runbook's HTML to PDF. */
  readonly printPdf: (html: string) => Promise<Uint8Array>;
  readonly fs: FileSystem;
  readonly randomSuffix: () => string;
  /** The window whose page may send messages, at the time of each message; null once closed. */
  readonly mainWindow: () => BrowserWindow | null;
  /** Whether a URL is our own page (app:// in a packaged app, the dev server under `electron-vite dev`). */
  readonly isPageUrl: (url: string) => boolean;
  readonly log: Log;
}

/** Registers the handler of every contract channel on ipcMain, each behind the sender and payload checks. */
export function registerMainIpc(deps: MainIpcDeps): void {
  const { documents, recovery, paths, closeGuard, outbox, openFromOutside, dialogs, printPdf, mainWindow } = deps;
  const { fs: nodeFs, randomSuffix, isPageUrl, log } = deps;
  const { confirmReplace } = dialogs;
  registerIpcHandlers(
    ipcMain as unknown as IpcMainLike,
    createIpcHandlers({
      documents,
      recovery,
      paths,
      closeGuard,
      outbox,
      openFromOutside,
      exportRunbook: (request) =>
        exportRunbook(request, {
          chooseWhereToExport: dialogs.chooseWhereToExport,
          exists: (path) => pathExists(nodeFs, path),
          confirmReplace,
          renderPdf: printPdf,
          write: async (path, data) => {
            try {
              await writeFileAtomic(path, data, {
                fs: nodeFs,
                keepBackup: false,
                platform: process.platform,
                randomSuffix,
              });
            } catch (error) {
              throw new UserError(error instanceof Error ? error.message : String(error));
            }
          },
          defaultFolder: () => documents.defaultFolder(),
        }),
      writeClipboard: (text) => clipboard.writeText(text),
      appInfo: () => ({
        name: 'lync-runbook',
        version: app.getVersion(),
        operator: defaultOperator(userInfo, process.env),
        platform: process.platform,
      }),
      showTitle: (dirty, title) => showDocumentTitle(mainWindow(), dirty, title),
    }),
    { isTrusted: (event) => isTrustedSender(event, mainWindow(), isPageUrl), log },
  );
}
