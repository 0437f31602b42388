// `npm start`: build with electron-vite and launch the desktop app; `npm run dev` (--dev): run
// electron-vite's dev server with hot reload. Both need the Electron binary, which the postinstall
// fetches where the machine can; without it this says so plainly and exits non-zero.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { findElectronBinary } from './electron-binary.mjs';

const ROOT = join(import.meta.dirname, '..', '..');
const dev = process.argv.includes('--dev');
const passThrough = process.argv.slice(2).filter((a) => a !== '--dev');

const binary = findElectronBinary(ROOT);
if (binary.path === null) {
  console.error(
    [
      '',
      `lync-runbook cannot start the desktop app here: no Electron binary is installed. ${binary.reason}`,
      'Electron downloads its binary from outside the npm registry, so an offline or filtered machine has',
      'none. Run the same app in a browser instead with `npm run web` (everything but the native menus,',
      'dialogs and PDF export works there), or, on a machine with internet access, run',
      '`node node_modules/electron/install.js` (set ELECTRON_MIRROR to use a mirror) and then `npm start`.',
      '',
    ].join('\n'),
  );
  process.exit(1);
}

const electronVite = join(
  dirname(createRequire(join(ROOT, 'package.json')).resolve('electron-vite/package.json')),
  'bin',
  'electron-vite.js',
);
// The app must never inherit "run as Node" from the shell it was started from.
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;

function run(command, args) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

if (dev) process.exit(run(process.execPath, [electronVite, 'dev', ...passThrough]));

if (process.platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
  console.warn(
    '[lync-runbook] No display (DISPLAY and WAYLAND_DISPLAY are unset): the window needs one; on a headless machine use `xvfb-run -a npm start`.',
  );
}
const built = run(process.execPath, [electronVite, 'build']);
if (built !== 0) process.exit(built);
// `.` is the project: package.json's "main" names out/main/index.js. Extra arguments (a document to open) follow.
process.exit(run(binary.path, ['.', ...passThrough]));
