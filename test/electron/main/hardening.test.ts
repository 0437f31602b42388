import { describe, expect, it } from 'vitest';
import {
  APP_SCHEME_PRIVILEGES,
  hardenSession,
  hardenWebContents,
  isAllowedExternalUrl,
  mainWindowOptions,
  printWindowOptions,
  secureWebPreferences,
  type SessionLike,
  type WebContentsLike,
} from '../../../electron/main/hardening';
import { isAppUrl } from '../../../electron/main/app-protocol';
import { isAllowedRequest } from '../../../electron/main/app-paths';

/** A fake Session that records the handlers the hardening installs. */
function fakeSession() {
  const installed: Record<string, (...args: never[]) => unknown> = {};
  const session = {
    setPermissionRequestHandler: (h: never) => (installed.permissionRequest = h),
    setPermissionCheckHandler: (h: never) => (installed.permissionCheck = h),
    setDevicePermissionHandler: (h: never) => (installed.devicePermission = h),
    setDisplayMediaRequestHandler: (h: never) => (installed.displayMedia = h),
    on: (name: string, h: never) => (installed[name] = h),
    webRequest: { onBeforeRequest: (h: never) => (installed.beforeRequest = h) },
  };
  return { session: session as unknown as SessionLike, installed };
}

/** A fake WebContents that records its listeners and window-open handler. */
function fakeContents() {
  const listeners: Record<
    string,
    (event: { url?: string; isMainFrame?: boolean; preventDefault(): void }, url?: string) => void
  > = {};
  let openHandler: ((d: { url: string }) => { action: string }) | null = null;
  const contents = {
    on: (name: string, l: never) => (listeners[name] = l),
    setWindowOpenHandler: (h: never) => (openHandler = h),
  } as unknown as WebContentsLike;
  const fire = (name: string, url: string, frame: { isMainFrame?: boolean } = {}) => {
    let prevented = false;
    listeners[name]!({ url, ...frame, preventDefault: () => (prevented = true) });
    return prevented;
  };
  return { contents, listeners, fire, open: (url: string) => openHandler!({ url }) };
}

describe('window options (Electron security checklist)', () => {
  const options = mainWindowOptions({
    preload: '/app/out/preload/index.js',
    icon: null,
    bounds: { x: 1, y: 2, width: 1280, height: 800 },
    minSize: { width: 800, height: 560 },
    devTools: false,
  });
  const prefs = options.webPreferences!;

  it.each([
    [
      '2. no Node.js integration',
      { nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false },
    ],
    ['3. context isolation', { contextIsolation: true }],
    ['4. process sandboxing', { sandbox: true }],
    ['6. web security on', { webSecurity: true }],
    ['8. no insecure content', { allowRunningInsecureContent: false }],
    ['9. no experimental features', { experimentalFeatures: false }],
    ['11. no webview tag', { webviewTag: false }],
    ['a dropped file never navigates the window', { navigateOnDragDrop: false }],
    ['no developer tools in a production build', { devTools: false }],
  ])('%s', (_item, expected) => {
    expect(prefs).toMatchObject(expected);
  });

  it('10. enables no Blink features and turns auxclick off', () => {
    expect(prefs.enableBlinkFeatures).toBeUndefined();
    expect(prefs.disableBlinkFeatures).toBe('Auxclick');
  });

  it('loads our one bundled preload and nothing else', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.js');
    expect(Object.keys(prefs).filter((k) => /preload/i.test(k))).toEqual(['preload']);
  });

  it('opens where it was told, hidden until painted, no smaller than the layout needs', () => {
    expect(options).toMatchObject({ x: 1, y: 2, width: 1280, height: 800, minWidth: 800, minHeight: 560, show: false });
  });

  it('gives every window the same hardening, and the print window no preload and no JavaScript', () => {
    const print = printWindowOptions({} as never).webPreferences!;
    expect(print).toMatchObject({ ...secureWebPreferences({ preload: null, devTools: false }), javascript: false });
    expect(print.preload).toBeUndefined();
  });

  it('registers the app scheme as a standard, secure scheme without bypassing CSP or CORS', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    });
  });
});

describe('hardenSession', () => {
  const harden = (allowRequest = (url: string) => isAllowedRequest(url, null)) => {
    const { session, installed } = fakeSession();
    const logs: string[] = [];
    hardenSession(session, { allowRequest, log: (m) => logs.push(m) });
    return { installed, logs };
  };

  it('5. denies every permission request, and logs it', () => {
    const { installed, logs } = harden();
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'clipboard-sanitized-write',
      'openExternal',
      'fullscreen',
      'unknown',
    ]) {
      let granted: boolean | null = null;
      (installed.permissionRequest as (c: unknown, p: string, cb: (g: boolean) => void) => void)(
        {},
        permission,
        (g) => (granted = g),
      );
      expect(granted, permission).toBe(false);
    }
    expect(logs[0]).toContain('denied a permission request (media)');
  });

  it('5. answers every permission check, device permission and screen capture with no', () => {
    const { installed } = harden();
    expect((installed.permissionCheck as (...a: unknown[]) => boolean)({}, 'media', 'app://lync-runbook', {})).toBe(
      false,
    );
    expect(
      (installed.permissionCheck as (...a: unknown[]) => boolean)({}, 'clipboard-read', 'app://lync-runbook', {}),
    ).toBe(false);
    expect((installed.devicePermission as (...a: unknown[]) => boolean)({ deviceType: 'usb' })).toBe(false);
    let streams: unknown = 'unset';
    (installed.displayMedia as (r: unknown, cb: (s: unknown) => void) => void)({}, (s) => (streams = s));
    expect(streams).toBeNull();
  });

  it('cancels every download', () => {
    const { installed } = harden();
    let prevented = false;
    (installed['will-download'] as (e: { preventDefault(): void }) => void)({
      preventDefault: () => (prevented = true),
    });
    expect(prevented).toBe(true);
  });

  it('1. loads nothing remote: only the app scheme and inline data pass', () => {
    const { installed, logs } = harden();
    const cancelled = (url: string) => {
      let result: boolean | null = null;
      (installed.beforeRequest as (d: { url: string }, cb: (r: { cancel: boolean }) => void) => void)(
        { url },
        (r) => (result = r.cancel),
      );
      return result;
    };
    expect(cancelled('app://lync-runbook/assets/index.js')).toBe(false);
    expect(cancelled('data:image/png;base64,AAAA')).toBe(false);
    for (const url of [
      'https://cdn.example/react.js',
      'http://127.0.0.1:5173/',
      'file:///etc/passwd',
      'app://evil/x.js',
      'ws://localhost:5173/',
      'ftp://x/',
    ])
      expect(cancelled(url), url).toBe(true);
    expect(logs.join('\n')).toContain('blocked a request to https://cdn.example/react.js');
  });

  it('lets the dev server through only in development, on its own host and port', () => {
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', 'http://localhost:5173')).toBe(true);
    expect(isAllowedRequest('ws://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isAllowedRequest('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(isAllowedRequest('https://evil.example/', 'http://localhost:5173')).toBe(false);
  });
});

describe('hardenWebContents', () => {
  const harden = () => {
    const fake = fakeContents();
    const opened: string[] = [];
    const logs: string[] = [];
    hardenWebContents(fake.contents, { isAppUrl, openInBrowser: (url) => opened.push(url), log: (m) => logs.push(m) });
    return { ...fake, opened, logs };
  };

  it('13. stops navigation to any other origin, and to file:// or a non-protocol URL', () => {
    const { fire, opened } = harden();
    for (const url of [
      'https://evil.example/',
      'http://lync-runbook/',
      'file:///C:/Windows/win.ini',
      'javascript:alert(1)',
      'app://other/index.html',
      'not a url',
      '',
    ]) {
      expect(fire('will-navigate', url), url).toBe(true);
      expect(fire('will-frame-navigate', url), url).toBe(true);
      expect(fire('will-redirect', url), url).toBe(true);
    }
    expect(opened).toEqual([]);
  });

  it('13. lets the page move within its own origin', () => {
    const { fire } = harden();
    expect(fire('will-navigate', 'app://lync-runbook/index.html#/servers')).toBe(false);
  });

  it("lets the Export view's sandboxed srcdoc preview load in a sub-frame, and nothing else", () => {
    const { fire, logs } = harden();
    const sub = { isMainFrame: false };
    expect(fire('will-frame-navigate', 'about:srcdoc', sub)).toBe(false);
    // Never the main frame, whichever event reports it (or when the event does not say).
    expect(fire('will-frame-navigate', 'about:srcdoc', { isMainFrame: true })).toBe(true);
    expect(fire('will-frame-navigate', 'about:srcdoc')).toBe(true);
    expect(fire('will-navigate', 'about:srcdoc', { isMainFrame: true })).toBe(true);
    expect(fire('will-redirect', 'about:srcdoc', sub)).toBe(true);
    // Only that exact URL: not other about: pages, lookalikes, inline documents or remote pages.
    for (const url of [
      'about:blank',
      'about:srcdoc#x',
      'about:srcdoc?x',
      'about:srcdocx',
      'about://srcdoc',
      'ABOUT:SRCDOC',
      'data:text/html,<h1>x</h1>',
      'blob:app://lync-runbook/1',
      'javascript:alert(1)',
      'https://evil.example/about:srcdoc',
      'file:///C:/Windows/win.ini',
    ]) {
      expect(fire('will-frame-navigate', url, sub), url).toBe(true);
    }
    expect(logs.join('\n')).toContain('stopped will-frame-navigate to about:blank');
  });

  it('reads the URL from older Electron listeners too', () => {
    const { listeners } = harden();
    let prevented = false;
    listeners['will-navigate']!({ preventDefault: () => (prevented = true) }, 'https://evil.example/');
    expect(prevented).toBe(true);
  });

  it("15. opens Microsoft's documentation in the system browser instead of navigating, and nothing else", () => {
    const { fire, opened } = harden();
    expect(
      fire(
        'will-navigate',
        'https://learn.microsoft.com/en-us/powershell/module/skype/get-csmanagementstorereplicationstatus',
      ),
    ).toBe(true);
    expect(fire('will-redirect', 'https://learn.microsoft.com/x')).toBe(true);
    expect(opened).toEqual([
      'https://learn.microsoft.com/en-us/powershell/module/skype/get-csmanagementstorereplicationstatus',
    ]);
  });

  it('14. denies every new window; a documentation link goes to the system browser', () => {
    const { open, opened, logs } = harden();
    expect(open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(open('app://lync-runbook/index.html')).toEqual({ action: 'deny' });
    expect(open('https://learn.microsoft.com/en-us/skypeforbusiness/')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://learn.microsoft.com/en-us/skypeforbusiness/']);
    expect(logs.join('\n')).toContain('denied a new window for https://evil.example/');
  });

  it('12. refuses to attach any webview', () => {
    const { listeners, logs } = harden();
    let prevented = false;
    listeners['will-attach-webview']!({ preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    expect(logs).toContain('security: refused to attach a webview');
  });
});

describe('isAllowedExternalUrl', () => {
  it('accepts only https links to learn.microsoft.com', () => {
    expect(isAllowedExternalUrl('https://learn.microsoft.com/en-us/')).toBe(true);
    for (const url of [
      'http://learn.microsoft.com/',
      'https://learn.microsoft.com.evil.example/',
      'https://evil.example/?learn.microsoft.com',
      'https://user@learn.microsoft.com/',
      'https://learn.microsoft.com:8443/',
      'file:///C:/x',
      'ms-settings:',
      'smb://server/share',
      'not a url',
    ]) {
      expect(isAllowedExternalUrl(url), url).toBe(false);
    }
  });
});
