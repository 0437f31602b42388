import type { BrowserWindowConstructorOptions, CustomScheme, WebPreferences } from 'electron';
import { APP_SCHEME } from './app-protocol';

/**
 * The app scheme's privileges, registered before the app is ready: standard (origins and relative
 * URLs work) and secure (like https), with fetch. No CORS bypass, no service workers.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

/**
 * The web preferences of every window the app opens (Electron security checklist items 2–4, 6,
 * 8–10, 11: isolated, sandboxed, no Node, web security on, no insecure content, no experimental or
 * Blink features, no webview tag).
 */
export function secureWebPreferences(options: {
  readonly preload: string | null;
  readonly devTools: boolean;
  readonly javascript?: boolean;
}): WebPreferences {
  return {
    ...(options.preload === null ? {} : { preload: options.preload }),
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    // A middle click must not open links in new windows (electronegativity AUXCLICK_JS_CHECK).
    disableBlinkFeatures: 'Auxclick',
    javascript: options.javascript ?? true,
    devTools: options.devTools,
    spellcheck: false,
  };
}

/** The main window's options: its bounds, icon and the hardened preferences with our preload. */
export function mainWindowOptions(options: {
  readonly preload: string;
  readonly icon: string | null;
  readonly bounds: { readonly x: number; readonly y: number; readonly width: number; readonly height: number };
  readonly minSize: { readonly width: number; readonly height: number };
  readonly devTools: boolean;
}): BrowserWindowConstructorOptions {
  return {
    ...options.bounds,
    minWidth: options.minSize.width,
    minHeight: options.minSize.height,
    // Shown once the page has painted, so the admin never sees a blank white window.
    show: false,
    title: 'lync-runbook',
    ...(options.icon === null ? {} : { icon: options.icon }),
    autoHideMenuBar: false,
    webPreferences: secureWebPreferences({ preload: options.preload, devTools: options.devTools }),
  };
}

/** The hidden window that prints a runbook to PDF: no preload, no JavaScript, its own session. */
export function printWindowOptions(session: NonNullable<WebPreferences['session']>): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 900,
    height: 1200,
    webPreferences: { ...secureWebPreferences({ preload: null, devTools: false, javascript: false }), session },
  };
}

/** Links the app may hand to the system browser: Microsoft's documentation, over https. Nothing else. */
export function isAllowedExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (
      parsed.protocol === 'https:' &&
      parsed.username === '' &&
      parsed.password === '' &&
      parsed.port === '' &&
      parsed.hostname === 'learn.microsoft.com'
    );
  } catch {
    return false;
  }
}

/** The parts of Electron's Session the hardening touches. */
export interface SessionLike {
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void,
  ): void;
  setPermissionCheckHandler(
    handler: (webContents: unknown, permission: string, origin: string, details: unknown) => boolean,
  ): void;
  setDevicePermissionHandler(handler: (details: unknown) => boolean): void;
  setDisplayMediaRequestHandler(handler: (request: unknown, callback: (streams: null) => void) => void): void;
  on(event: 'will-download', listener: (event: { preventDefault(): void }, item: unknown) => void): unknown;
  readonly webRequest: {
    onBeforeRequest(
      listener: (details: { readonly url: string }, callback: (response: { cancel: boolean }) => void) => void,
    ): void;
  };
}

/**
 * Denies every permission (camera, notifications, clipboard, devices, screen capture…), every
 * download, and every request outside what `allowRequest` accepts (the app's own scheme, and the
 * dev server in development): Electron checklist items 1 and 5, and no remote content at all.
 */
export function hardenSession(
  session: SessionLike,
  options: { readonly allowRequest: (url: string) => boolean; readonly log: (message: string) => void },
): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    options.log(`security: denied a permission request (${permission})`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => callback(null));
  session.on('will-download', (event) => event.preventDefault());
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = options.allowRequest(details.url);
    if (!allowed) options.log(`security: blocked a request to ${details.url}`);
    callback({ cancel: !allowed });
  });
}

/** A navigation-style event of webContents: Electron 45 passes the URL and the frame kind on the event itself. */
interface NavigationEvent {
  readonly url?: string;
  readonly isMainFrame?: boolean;
  preventDefault(): void;
}

/** The URL of an `<iframe srcdoc>`'s document: the Export view's sandboxed preview. */
const SRCDOC_URL = 'about:srcdoc';

/** The parts of Electron's WebContents the hardening touches. */
export interface WebContentsLike {
  on(
    event: 'will-navigate' | 'will-redirect' | 'will-frame-navigate',
    listener: (event: NavigationEvent, url?: string) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { readonly url: string }) => { action: 'deny' }): void;
}

/**
 * Keeps a webContents on the app's own page: navigations and redirects anywhere else are stopped
 * (a Microsoft documentation link opens in the system browser instead), new windows are denied,
 * and no webview may attach (Electron checklist items 12–15). The one exception is a sub-frame
 * loading `about:srcdoc`, the Export view's `<iframe sandbox srcdoc>` preview: its content is
 * inline, so nothing is fetched, and the main frame may never go there.
 */
export function hardenWebContents(
  contents: WebContentsLike,
  options: {
    readonly isAppUrl: (url: string) => boolean;
    readonly openInBrowser: (url: string) => void;
    readonly log: (message: string) => void;
  },
): void {
  const stayHome = (kind: string) => (event: NavigationEvent, legacyUrl?: string) => {
    const url = event.url ?? legacyUrl ?? '';
    if (options.isAppUrl(url)) return;
    if (kind === 'will-frame-navigate' && event.isMainFrame === false && url === SRCDOC_URL) return;
    event.preventDefault();
    if (kind === 'will-navigate' && isAllowedExternalUrl(url)) options.openInBrowser(url);
    else options.log(`security: stopped ${kind} to ${url}`);
  };
  contents.on('will-navigate', stayHome('will-navigate'));
  contents.on('will-redirect', stayHome('will-redirect'));
  contents.on('will-frame-navigate', stayHome('will-frame-navigate'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    options.log('security: refused to attach a webview');
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) options.openInBrowser(url);
    else options.log(`security: denied a new window for ${url}`);
    return { action: 'deny' };
  });
}
