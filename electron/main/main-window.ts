// The one main window. Its bounds are read and written synchronously: the window cannot be created
// before they are known, and the app quits as soon as it has closed.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { BrowserWindow, screen } from 'electron';
import iconPath from '../../assets/icons/icon.png?asset';
import { APP_ENTRY_URL } from './app-protocol';
import type { CloseGuard } from './close-guard';
import type { CommandOutbox } from './command-outbox';
import { mainWindowOptions } from './hardening';
import type { Log } from './logger';
import { fitToDisplays, MIN_WINDOW_SIZE, parseWindowState, saveWindowStateSync } from './window-state';

/** What the main window needs from the rest of main. */
export interface MainWindowDeps {
  /** Main's own files: the window's bounds are kept in `windowState`. */
  readonly files: { readonly windowState: string };
  /** The built app's pieces: the window loads `preload`. */
  readonly built: { readonly preload: string };
  /** The dev server's origin under `electron-vite dev`; null loads the page from the app scheme. */
  readonly devOrigin: string | null;
  readonly isDev: boolean;
  readonly closeGuard: CloseGuard;
  readonly outbox: CommandOutbox;
  readonly log: Log;
  /** Called once the window has closed, so main stops addressing it. */
  readonly onClosed: () => void;
}

function restoreBounds(files: { readonly windowState: string }) {
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

function rememberBounds(window: BrowserWindow, files: { readonly windowState: string }, log: Log): void {
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

/** Opens the hardened main window where it was last, guarding its close, and loads the page. */
export function createMainWindow(deps: MainWindowDeps): BrowserWindow {
  const { files, built, devOrigin, isDev, closeGuard, outbox, log, onClosed } = deps;
  const state = restoreBounds(files);
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
    rememberBounds(window, files, log);
    if (!closeGuard.onCloseRequested()) event.preventDefault();
  });
  window.on('closed', () => {
    onClosed();
  });
  window.webContents.on('did-start-loading', () => outbox.reset());
  window.webContents.on('render-process-gone', (_event, details) =>
    log(`renderer gone: ${details.reason} (${details.exitCode})`),
  );
  void window.loadURL(devOrigin === null ? APP_ENTRY_URL : process.env.ELECTRON_RENDERER_URL!);
  return window;
}

/** Shows the document's name and unsaved state on the window, the way each platform marks it. */
export function showDocumentTitle(mainWindow: BrowserWindow | null, dirty: boolean, title: string): void {
  if (mainWindow === null) return;
  const name = title.trim() === '' ? 'lync-runbook' : `${title.trim()} — lync-runbook`;
  if (process.platform === 'darwin') {
    mainWindow.setDocumentEdited(dirty);
    mainWindow.setTitle(name);
  } else mainWindow.setTitle(dirty ? `• ${name}` : name);
}
