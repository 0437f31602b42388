import { extname, isAbsolute, join, relative, sep } from 'node:path';

/** The app's own scheme: the page is served from it rather than from file:// (Electron checklist 18). */
export const APP_SCHEME = 'app';
/** The one host the scheme serves. */
export const APP_HOST = 'lync-runbook';
/** The origin of the app's page. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The page the window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * The renderer's Content-Security-Policy, sent as a header as well as the page's meta tag
 * (renderer/index.html; a test keeps them equal). No remote content, no eval and no WebAssembly (the
 * page's syntax highlighting is plain JavaScript); inline styles for Fluent UI's runtime styles.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'";

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.lyncrunbook': 'application/json; charset=utf-8',
};

/** Whether a URL is on the app's own origin. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    // Chromium lowercases a standard scheme's host; Node's URL (used in tests) does not.
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host.toLowerCase() === APP_HOST;
  } catch {
    return false;
  }
}

/** The file an app URL names inside `root`, or the HTTP status that refuses it. */
export type AppPath =
  | { readonly ok: true; readonly path: string; readonly contentType: string }
  | { readonly ok: false; readonly status: 400 | 403 | 404 };

/**
 * Maps `app://lync-runbook/<path>` to a file inside `root` (the built renderer folder). Refuses
 * other hosts, and any path that could leave the folder: `..`, encoded slashes or backslashes,
 * NUL bytes, drive letters.
 */
export function resolveAppPath(url: string, root: string): AppPath {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, status: 400 };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host.toLowerCase() !== APP_HOST) return { ok: false, status: 403 };
  const segments: string[] = [];
  for (const raw of parsed.pathname.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { ok: false, status: 400 };
    }
    if (segment === '.' || segment === '..' || /[/\\:\0]/.test(segment)) return { ok: false, status: 403 };
    segments.push(segment);
  }
  if (segments.length === 0) segments.push('index.html');
  const path = join(root, ...segments);
  const inside = relative(root, path);
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside))
    return { ok: false, status: 403 };
  return { ok: true, path, contentType: CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream' };
}

/** The headers every app response carries. */
export function appResponseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  };
}

/** Answers one request on the app scheme from the files under `root`. */
export async function serveAppRequest(
  request: { readonly url: string; readonly method: string },
  root: string,
  readFile: (path: string) => Promise<Uint8Array>,
): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return new Response(null, { status: 405, headers: { Allow: 'GET, HEAD' } });
  const resolved = resolveAppPath(request.url, root);
  if (!resolved.ok) return new Response(null, { status: resolved.status });
  let body: Uint8Array;
  try {
    body = await readFile(resolved.path);
  } catch {
    return new Response(null, { status: 404 });
  }
  return new Response(request.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), {
    status: 200,
    headers: appResponseHeaders(resolved.contentType),
  });
}
