import { createBrowserHost } from './browser-host';
import { createElectronHost } from './electron-host';
import type { Host } from './host';

/** The Electron host when the preload bridge is there, the browser host otherwise. */
export function pickHost(): Host {
  return window.lyncRunbook ? createElectronHost(window.lyncRunbook) : createBrowserHost();
}
