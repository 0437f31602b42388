// Where the Electron binary is, found WITHOUT `require('electron')`: Electron 45 downloads its
// binary on first require, which cannot work offline. Used by `npm start` and the Electron
// end-to-end test.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The Electron executable of the installed `electron` package (or ELECTRON_OVERRIDE_DIST_PATH,
 * which Electron itself honours), or null with the reason it is missing.
 */
export function findElectronBinary(from = process.cwd(), env = process.env) {
  let dir;
  try {
    // Resolving package.json only locates the package; it does not run its download.
    dir = dirname(createRequire(join(from, 'package.json')).resolve('electron/package.json'));
  } catch {
    return { path: null, reason: 'the electron package is not installed (run `npm install`).' };
  }
  const pathFile = join(dir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const candidate = join(
      env.ELECTRON_OVERRIDE_DIST_PATH,
      relative ?? (process.platform === 'win32' ? 'electron.exe' : 'electron'),
    );
    return existsSync(candidate)
      ? { path: candidate, reason: null }
      : { path: null, reason: `ELECTRON_OVERRIDE_DIST_PATH is set, but ${candidate} does not exist.` };
  }
  if (relative === null || relative === '')
    return {
      path: null,
      reason: 'node_modules/electron/path.txt is missing: the Electron binary was never downloaded.',
    };
  const binary = join(dir, 'dist', relative);
  if (!existsSync(binary))
    return {
      path: null,
      reason: `node_modules/electron/dist/${relative} is missing: the Electron binary download did not finish.`,
    };
  return { path: binary, reason: null };
}
