import { describe, expect, it } from 'vitest';
import { hardenSession, type SessionLike } from '../../../electron/main/hardening';
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
