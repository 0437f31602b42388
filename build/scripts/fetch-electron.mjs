// postinstall: fetch the Electron binary where the machine can, and never fail the install.
// Electron 45 downloads lazily on first use; electron-vite reads node_modules/electron/path.txt
// itself and so never triggers that download. Running Electron's own installer here makes
// `npm install && npm start` work on a machine with internet. Offline (or with
// ELECTRON_SKIP_BINARY_DOWNLOAD set) it warns and exits 0 so the rest of the project installs.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { findElectronBinary } from './electron-binary.mjs';

const require = createRequire(import.meta.url);

function electronDir() {
  try {
    return dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
}

const dir = electronDir();
if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.log('[lync-runbook] ELECTRON_SKIP_BINARY_DOWNLOAD is set: not fetching the Electron binary.');
} else if (dir === null) {
  console.log('[lync-runbook] electron is not installed (production install?): nothing to fetch.');
} else if (findElectronBinary(join(import.meta.dirname, '..', '..')).path !== null) {
  // Already there.
} else if (process.env.CI) {
  console.log('[lync-runbook] CI: not fetching the Electron binary (the tests run the renderer in Chromium).');
} else {
  const result = spawnSync(process.execPath, [join(dir, 'install.js')], { stdio: 'inherit', timeout: 5 * 60_000 });
  if (result.status !== 0) {
    console.warn(
      '[lync-runbook] Could not download the Electron binary (offline, or the download is blocked). ' +
        'Everything else installed. `npm test` works without it; run the app in a browser with `npm run web`, ' +
        'or set ELECTRON_MIRROR and run `npm install` again to get the desktop app.',
    );
  }
}
