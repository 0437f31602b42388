// The main process's entry: it builds main's services once, then follows the app's lifecycle. Thin
// by design: every decision lives in a plain module beside this one, tested under Node without Electron.
import { randomBytes, randomUUID } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { join } from 'node:path';
import * as fs from 'node:fs/promises';
import { app, type BrowserWindow, dialog, protocol, session, shell } from 'electron';
import { MAX_DOCUMENT_BYTES } from '../../renderer/core/document/document';
import { parseDocument } from '../../renderer/core/document/load';
import { COMMAND_CHANNEL } from '../shared/channels';
import { refreshAppMenu } from './app-menu';
import { APP_SCHEME, isAppUrl, serveAppRequest } from './app-protocol';
import { appDataPaths, builtPaths, isAllowedRequest } from './app-paths';
import { choiceOf, CloseGuard, unsavedChangesPrompt } from './close-guard';
import { CommandOutbox } from './command-outbox';
import { DocumentService } from './document-service';
import { DocumentStore } from './document-store';
import { createExternalOpener } from './external-open';
import { isNotFound, nodeFileSystem } from '../node/file-system';
import {
  APP_SCHEME_PRIVILEGES,
  hardenSession,
  hardenWebContents,
  type SessionLike,
  type WebContentsLike,
} from './hardening';
import { createFileLogger } from './logger';
import { registerMainIpc } from './main-ipc';
import { createMainWindow } from './main-window';
import { createNativeDialogs } from './native-dialogs';
import { documentPathsFromArgv } from './open-args';
import { PathRegistry } from './path-registry';
import { createPdfPrinter } from './pdf-printer';
import { RecentFiles } from './recent-files';
import { RecoveryStore } from './recovery';
import { UpdateChecker } from './updates';

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

const dialogs = createNativeDialogs(() => mainWindow);

const documents = new DocumentService({
  store,
  paths,
  recent,
  documentsFolder: app.getPath('documents'),
  onRecentChanged: () => void refreshMenu(),
  dialogs,
});

const openFromOutside = createExternalOpener({ documents, outbox, showError: dialogs.showError, log });

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

// Only when the admin asks; electron-updater is loaded then, not at start-up.
const updates = new UpdateChecker({
  currentVersion: app.getVersion(),
  readChannel: async () => {
    try {
      return await fs.readFile(join(process.resourcesPath, 'app-update.yml'), 'utf8');
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  },
  loadUpdater: async () => (await import('electron-updater')).autoUpdater,
  prompts: dialogs.updatePrompts,
  log,
});

function refreshMenu(): Promise<void> {
  return refreshAppMenu({
    recent,
    documents,
    outbox,
    isDev,
    openFromOutside,
    showAbout: dialogs.showAbout,
    checkForUpdates: () => void updates.checkNow(),
  });
}

function createWindow(): BrowserWindow {
  return createMainWindow({
    files,
    built,
    devOrigin,
    isDev,
    closeGuard,
    outbox,
    log,
    onClosed: () => {
      mainWindow = null;
    },
  });
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
    registerMainIpc({
      documents,
      recovery,
      paths,
      closeGuard,
      outbox,
      openFromOutside,
      dialogs,
      printPdf,
      fs: nodeFs,
      randomSuffix,
      mainWindow: () => mainWindow,
      isPageUrl,
      log,
    });
    app.setAboutPanelOptions({ applicationName: 'lync-runbook', applicationVersion: app.getVersion() });
    void refreshMenu();
    mainWindow = createWindow();
    for (const path of pendingPaths.splice(0).slice(0, 1)) void openFromOutside(path, 'os');
  });
}
