import { describe, expect, it } from 'vitest';
import { hardenWebContents, type WebContentsLike } from '../../../electron/main/hardening';
import { isAppUrl } from '../../../electron/main/app-protocol';

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
