import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  CONTENT_SECURITY_POLICY,
  isAppUrl,
  resolveAppPath,
  serveAppRequest,
} from '../../../electron/main/app-protocol';

const root = '/opt/lync-runbook/resources/app.asar/out/renderer';

describe('the app scheme', () => {
  it('serves the page and its assets from the built renderer folder, with their types', () => {
    expect(resolveAppPath(APP_ENTRY_URL, root)).toEqual({
      ok: true,
      path: join(root, 'index.html'),
      contentType: 'text/html; charset=utf-8',
    });
    expect(resolveAppPath('app://lync-runbook/', root)).toMatchObject({ ok: true, path: join(root, 'index.html') });
    expect(resolveAppPath('app://lync-runbook/assets/index-abc.js?v=1#x', root)).toMatchObject({
      ok: true,
      path: join(root, 'assets', 'index-abc.js'),
      contentType: 'text/javascript; charset=utf-8',
    });
    expect(resolveAppPath('app://lync-runbook/assets/tree-sitter-powershell.wasm', root)).toMatchObject({
      contentType: 'application/wasm',
    });
    expect(resolveAppPath('app://lync-runbook/assets/My%20Font.woff2', root)).toMatchObject({
      path: join(root, 'assets', 'My Font.woff2'),
    });
  });

  it.each([
    'app://lync-runbook/../../../../etc/passwd',
    'app://lync-runbook/%2e%2e/%2e%2e/etc/passwd',
    'app://lync-runbook/assets/..%2f..%2f..%2fetc%2fpasswd',
    'app://lync-runbook/..%5c..%5cWindows%5cwin.ini',
    'app://lync-runbook/C:%5CWindows%5Cwin.ini',
    'app://lync-runbook/x%00.html',
    'app://evil/index.html',
    'file:///etc/passwd',
    'https://lync-runbook/index.html',
  ])('refuses %s', (url) => {
    const resolved = resolveAppPath(url, root);
    if (resolved.ok) expect(resolved.path.startsWith(`${root}/`)).toBe(true);
    else expect([400, 403]).toContain(resolved.status);
  });

  it('refuses every path outside the folder, whatever the encoding (no resolved path ever leaves it)', () => {
    const pieces = ['..', '%2e%2e', '%2E%2E', '.%2e', '%2f', '%5c', 'a', '%00', '%252e%252e', '.', ''];
    for (const a of pieces)
      for (const b of pieces)
        for (const c of pieces) {
          const resolved = resolveAppPath(`app://lync-runbook/${a}/${b}/${c}/etc/passwd`, root);
          if (resolved.ok) expect(resolved.path.startsWith(`${root}/`), `${a}/${b}/${c}`).toBe(true);
        }
  });

  it('knows its own URLs', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://lync-runbook.evil/index.html')).toBe(false);
    expect(isAppUrl('APP://LYNC-RUNBOOK/index.html')).toBe(true);
    expect(isAppUrl('nonsense')).toBe(false);
  });

  it('answers with the CSP header, nosniff and no referrer; 404 for a missing file; 405 for a POST', async () => {
    const files: Record<string, string> = { [join(root, 'index.html')]: '<!doctype html>' };
    const read = async (path: string) => {
      if (!(path in files)) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return new TextEncoder().encode(files[path]);
    };
    const ok = await serveAppRequest({ url: APP_ENTRY_URL, method: 'GET' }, root, read);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('<!doctype html>');
    expect(ok.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(ok.headers.get('x-content-type-options')).toBe('nosniff');
    expect(ok.headers.get('referrer-policy')).toBe('no-referrer');
    expect((await serveAppRequest({ url: 'app://lync-runbook/missing.js', method: 'GET' }, root, read)).status).toBe(
      404,
    );
    expect((await serveAppRequest({ url: 'app://lync-runbook/../x', method: 'GET' }, root, read)).status).toBe(404);
    expect((await serveAppRequest({ url: 'app://lync-runbook/..%2fx', method: 'GET' }, root, read)).status).toBe(403);
    expect((await serveAppRequest({ url: APP_ENTRY_URL, method: 'POST' }, root, read)).status).toBe(405);
  });

  it("sends the same CSP as the page's meta tag, strict: no eval, no WebAssembly, no remote scripts", async () => {
    const html = await readFile(join(import.meta.dirname, '../../../renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(CONTENT_SECURITY_POLICY);
    const scriptSrc = /script-src ([^;]+)/.exec(CONTENT_SECURITY_POLICY)![1]!.split(' ');
    // The page compiles no WebAssembly (its syntax highlighting is plain JavaScript), so it may not.
    expect(scriptSrc).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).toMatch(/default-src 'self'/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/object-src 'none'/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/'unsafe-eval'|'wasm-unsafe-eval'|https?:|\*/);
  });
});
