// The main process: lifecycle, the one window, menus, dialogs and files. Thin by design: every
// decision lives in a plain module beside this one, tested under Node without Electron.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import { userInfo } from 'node:os';
import { app, BrowserWindow, clipboard, dialog, ipcMain, Menu, protocol, screen, session, shell } from 'electron';
import iconPath from '../../assets/icons/icon.png?asset';
import { MAX_DOCUMENT_BYTES } from '../../renderer/core/document/document';
import { parseDocument } from '../../renderer/core/document/load';
import { COMMAND_CHANNEL } from '../shared/channels';
import { aboutBox } from './about';
import { APP_ENTRY_URL, APP_SCHEME, isAppUrl, serveAppRequest } from './app-protocol';
import { appDataPaths, builtPaths, isAllowedRequest } from './app-paths';
import { writeFileAtomic } from '../node/atomic-write';
import { choiceOf, CloseGuard, unsavedChangesPrompt } from './close-guard';
import { CommandOutbox } from './command-outbox';
import { DocumentService } from './document-service';
import { DocumentStore } from './document-store';
import { EXPORT_FORMATS, exportRunbook } from './export-service';
import { createExternalOpener } from './external-open';
import { replaceFilePrompt } from './file-names';
import { isNotFound, nodeFileSystem, pathExists } from '../node/file-system';
import {
  APP_SCHEME_PRIVILEGES,
  hardenSession,
  hardenWebContents,
  mainWindowOptions,
  type SessionLike,
  type WebContentsLike,
} from './hardening';
import { createIpcHandlers } from './ipc-handlers';
import { isTrustedSender, registerIpcHandlers, type IpcMainLike } from './ipc-guard';
import { createFileLogger } from './logger';
import { buildMenuTemplate } from './menu';
import { documentPathsFromArgv } from './open-args';
import { defaultOperator } from './operator';
import { PathRegistry } from './path-registry';
import { createPdfPrinter } from './pdf-printer';
import { RecentFiles } from './recent-files';
import { RecoveryStore } from './recovery';
import { UserError } from './user-error';
import { fitToDisplays, MIN_WINDOW_SIZE, parseWindowState, saveWindowStateSync } from './window-state';

// electron-vite sets the dev server's address only for `electron-vite dev`; a packaged app never trusts it.
const devOrigin =
  !app.isPackaged && process.env.ELECTRON_RENDERER_URL ? new URL(process.env.ELECTRON_RENDERER_URL).origin : null;
const isDev = devOrigin !== null;

// Both must happen before the app is ready.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();

const files = appDataPaths(app.getPath('userData'));
const log = createFileLogger(files.log, { echo: isDev || !app.isPackaged, now: () => new Date().toISOString() });
const nodeFs = nodeFileSystem;
const randomSuffix = () => randomBytes(6).toString('hex');
const now = () => new Date().toISOString();
const built = builtPaths(__dirname);

let mainWindow: BrowserWindow | null = null;
const isPageUrl = (url: string) => (devOrigin === null ? isAppUrl(url) : url.startsWith(`${devOrigin}/`));

const paths = new PathRegistry(() => randomUUID(), process.platform);
const store = new DocumentStore({
  fs: nodeFs,
  paths,
  check: (text) => parseDocument(text),
  maxBytes: MAX_DOCUMENT_BYTES,
  platform: process.platform,
  randomSuffix,
});
const recent = new RecentFiles({ file: files.recent, fs: nodeFs, now, platform: process.platform, randomSuffix, log });
const recovery = new RecoveryStore({
  file: files.recovery,
  fs: nodeFs,
  now,
  platform: process.platform,
  randomSuffix,
  maxChars: MAX_DOCUMENT_BYTES,
  log,
});
const outbox = new CommandOutbox((command) => mainWindow?.webContents.send(COMMAND_CHANNEL, command), log);

// A name typed without its extension gets it after the save dialog's own overwrite question.
const confirmReplace = async (path: string) =>
  (await dialog.showMessageBox(mainWindow!, replaceFilePrompt(path))).response === 0;

const documents = new DocumentService({
  store,
  paths,
  recent,
  documentsFolder: app.getPath('documents'),
  onRecentChanged: () => void refreshMenu(),
  dialogs: {
    chooseDocumentToOpen: async (defaultPath) => {
      const result = await dialog.showOpenDialog(mainWindow!, {
        title: 'Open Deployment',
        defaultPath,
        properties: ['openFile'],
        filters: [
          { name: 'lync-runbook deployment', extensions: ['lyncrunbook'] },
          { name: 'All files', extensions: ['*'] },
        ],
      });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    chooseWhereToSave: async (defaultPath) => {
      const result = await dialog.showSaveDialog(mainWindow!, {
        title: 'Save Deployment',
        defaultPath,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
        filters: [{ name: 'lync-runbook deployment', extensions: ['lyncrunbook'] }],
      });
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    confirmReplace,
  },
});

const showError = (message: string) => {
  if (mainWindow !== null)
    void dialog.showMessageBox(mainWindow, {
      type: 'error',
      title: 'lync-runbook',
      message: 'The document could not be opened.',
      detail: message,
      noLink: true,
    });
  else dialog.showErrorBox('lync-runbook', message);
};
const openFromOutside = createExternalOpener({ documents, outbox, showError, log });

const closeGuard = new CloseGuard({
  ask: async (title) => choiceOf((await dialog.showMessageBox(mainWindow!, unsavedChangesPrompt(title))).response),
  requestSave: () => outbox.push({ type: 'save' }),
  close: () => mainWindow?.close(),
  // Synchronous on purpose: the app quits as soon as the window has closed.
  discardRecovery: async () => {
    try {
      unlinkSync(files.recovery);
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  },
  setTimer: (callback, ms) => setTimeout(callback, ms),
  clearTimer: (timer) => clearTimeout(timer as NodeJS.Timeout),
  log,
});

const printPdf = createPdfPrinter(log);

function showAbout(): void {
  const box = aboutBox(app.getVersion(), {
    electron: process.versions.electron,
    chrome: process.versions.chrome,
    node: process.versions.node,
  });
  const options = {
    type: 'info' as const,
    title: box.title,
    message: box.message,
    detail: box.detail,
    buttons: ['OK'],
    noLink: true,
    icon: iconPath,
  };
  if (mainWindow !== null) void dialog.showMessageBox(mainWindow, options);
  else void dialog.showMessageBox(options);
}

async function refreshMenu(): Promise<void> {
  const entries = await recent.list();
  if (process.platform !== 'linux') for (const entry of entries.slice(0, 1)) app.addRecentDocument(entry.path);
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        platform: process.platform,
        isDev,
        recent: entries,
        send: (command) => outbox.push({ type: command }),
        openRecent: (path) => void openFromOutside(path, 'recent'),
        clearRecent: () => {
          app.clearRecentDocuments();
          void documents.clearRecent();
        },
        showAbout,
      }),
    ),
  );
}

function restoreBounds() {
  let saved: string | null;
  try {
    // Read synchronously on purpose: the window cannot be created before its bounds are known.
    saved = readFileSync(files.windowState, 'utf8');
  } catch {
    saved = null;
  }
  return fitToDisplays(
    parseWindowState(saved),
    screen.getAllDisplays().map((d) => d.workArea),
    screen.getPrimaryDisplay().workArea,
  );
}

function rememberBounds(window: BrowserWindow): void {
  try {
    saveWindowStateSync(
      files.windowState,
      { ...window.getNormalBounds(), maximized: window.isMaximized() },
      { mkdirSync, writeFileSync, renameSync },
    );
  } catch (error) {
    log(`window state: ${String(error)}`);
  }
}

function createWindow(): BrowserWindow {
  const state = restoreBounds();
  const window = new BrowserWindow(
    mainWindowOptions({
      preload: built.preload,
      icon: iconPath,
      bounds: { x: state.x, y: state.y, width: state.width, height: state.height },
      minSize: MIN_WINDOW_SIZE,
      devTools: isDev,
    }),
  );
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  // Main owns the title: the document's name and whether it has unsaved changes.
  window.on('page-title-updated', (event) => event.preventDefault());
  window.on('close', (event) => {
    rememberBounds(window);
    if (!closeGuard.onCloseRequested()) event.preventDefault();
  });
  window.on('closed', () => {
    mainWindow = null;
  });
  window.webContents.on('did-start-loading', () => outbox.reset());
  window.webContents.on('render-process-gone', (_event, details) =>
    log(`renderer gone: ${details.reason} (${details.exitCode})`),
  );
  void window.loadURL(devOrigin === null ? APP_ENTRY_URL : process.env.ELECTRON_RENDERER_URL!);
  return window;
}

function showTitle(dirty: boolean, title: string): void {
  if (mainWindow === null) return;
  const name = title.trim() === '' ? 'lync-runbook' : `${title.trim()} — lync-runbook`;
  if (process.platform === 'darwin') {
    mainWindow.setDocumentEdited(dirty);
    mainWindow.setTitle(name);
  } else mainWindow.setTitle(dirty ? `• ${name}` : name);
}

const pendingPaths: string[] = documentPathsFromArgv(process.argv, process.cwd());

if (!app.requestSingleInstanceLock()) {
  // Another instance is running: it receives our arguments through 'second-instance'.
  app.quit();
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (mainWindow !== null) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
    for (const path of documentPathsFromArgv(argv, workingDirectory).slice(0, 1)) void openFromOutside(path, 'os');
  });

  // macOS: a double-click in Finder, also before the app is ready.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (app.isReady() && mainWindow !== null) void openFromOutside(path, 'os');
    else pendingPaths.push(path);
  });

  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents as unknown as WebContentsLike, {
      isAppUrl: isPageUrl,
      openInBrowser: (url) => void shell.openExternal(url),
      log,
    });
  });

  app.on('window-all-closed', () => app.quit());

  void app.whenReady().then(() => {
    if (process.platform === 'win32') app.setAppUserModelId('com.lync-runbook.app');
    hardenSession(session.defaultSession as unknown as SessionLike, {
      allowRequest: (url) => isAllowedRequest(url, devOrigin),
      log,
    });
    protocol.handle(APP_SCHEME, (request) => serveAppRequest(request, built.renderer, (path) => fs.readFile(path)));
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
            chooseWhereToExport: async (defaultPath, format) => {
              const result = await dialog.showSaveDialog(mainWindow!, {
                title: 'Export Runbook',
                defaultPath,
                properties: ['createDirectory', 'showOverwriteConfirmation'],
                filters: [
                  { name: EXPORT_FORMATS[format].filter, extensions: [EXPORT_FORMATS[format].extension.slice(1)] },
                ],
              });
              return result.canceled || !result.filePath ? null : result.filePath;
            },
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
        showTitle,
      }),
      { isTrusted: (event) => isTrustedSender(event, mainWindow, isPageUrl), log },
    );
    app.setAboutPanelOptions({ applicationName: 'lync-runbook', applicationVersion: app.getVersion() });
    void refreshMenu();
    mainWindow = createWindow();
    for (const path of pendingPaths.splice(0).slice(0, 1)) void openFromOutside(path, 'os');
  });
}
