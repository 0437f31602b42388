import { join } from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-protocol';

/** Where main keeps its own files, all inside the user's data folder (main owns these paths). */
export function appDataPaths(userData: string): { recent: string; windowState: string; recovery: string; log: string } {
  return {
    recent: join(userData, 'recent-documents.json'),
    windowState: join(userData, 'window-state.json'),
    recovery: join(userData, 'recovery', 'autosave.json'),
    log: join(userData, 'logs', 'main.log'),
  };
}

/** Where the built app's pieces sit relative to the built main script (out/main). */
export function builtPaths(mainDir: string): { renderer: string; preload: string } {
  return { renderer: join(mainDir, '..', 'renderer'), preload: join(mainDir, '..', 'preload', 'index.js') };
}

/** Whether a request may leave the page: the app scheme, inline data, and the dev server in development. */
export function isAllowedRequest(url: string, devOrigin: string | null): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === `${APP_SCHEME}:`) return parsed.host === APP_HOST;
  if (parsed.protocol === 'data:' || parsed.protocol === 'blob:' || parsed.protocol === 'devtools:') return true;
  if (devOrigin === null) return false;
  const dev = new URL(devOrigin);
  // Vite's dev server, and its hot-reload socket on the same host and port.
  return (
    (parsed.protocol === dev.protocol || parsed.protocol === dev.protocol.replace('http', 'ws')) &&
    parsed.host === dev.host
  );
}
