import { describe, expect, it } from 'vitest';
import {
  APP_SCHEME_PRIVILEGES,
  isAllowedExternalUrl,
  mainWindowOptions,
  printWindowOptions,
  secureWebPreferences,
} from '../../../electron/main/hardening';

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
