// `npm start`: build with electron-vite and launch the desktop app; `npm run dev` (--dev): run
// electron-vite's dev server with hot reload. Both need the Electron binary, which the postinstall
// fetches where the machine can. Without it the app still starts, in a browser: the browser build
// is built and served on this machine, and this says where and what is missing there; it exits
// non-zero only when neither can run.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { findElectronBinary } from './electron-binary.mjs';

const ROOT = join(import.meta.dirname, '..', '..');
const dev = process.argv.includes('--dev');
const passThrough = process.argv.slice(2).filter((a) => a !== '--dev');

const binary = findElectronBinary(ROOT);
if (binary.path === null) await startInBrowser(binary.reason);

/**
 * The app as a web page on this machine: the browser build (or, with --dev, its dev server) served
 * on 127.0.0.1, port LYNC_RUNBOOK_PORT (4180 unless set; the next free one if taken). Runs until
 * stopped (Ctrl+C).
 */
async function startInBrowser(reason) {
  const say = (lines) => console.log(['', ...lines, ''].join('\n'));
  say([
    `lync-runbook: no Electron binary is installed here, so the desktop app cannot start. ${reason}`,
    'Starting the same app in a browser instead. Missing there: the native menus, the native file',
    'dialogs (files open and save through the browser) and PDF export (print to PDF from the browser).',
    'For the desktop app, on a machine with internet access run `node node_modules/electron/install.js`',
    '(set ELECTRON_MIRROR to use a mirror), then `npm start` again.',
  ]);
  const port = portFrom(process.env.LYNC_RUNBOOK_PORT);
  const config = join(ROOT, 'vite.web.config.mts');
  let server;
  try {
    const vite = await import('vite');
    if (dev) {
      server = await vite.createServer({ configFile: config, server: { host: '127.0.0.1', port, strictPort: false } });
      await server.listen();
    } else {
      // Its own folder: the end-to-end tests serve out/web while this runs.
      const outDir = join(ROOT, 'out', 'web-start');
      await vite.build({ configFile: config, logLevel: 'warn', build: { outDir } });
      server = await vite.preview({
        configFile: config,
        build: { outDir },
        preview: { host: '127.0.0.1', port, strictPort: false, open: false },
      });
    }
  } catch (error) {
    console.error(
      `\nlync-runbook: the browser build could not start either: ${error instanceof Error ? error.message : String(error)}\n` +
        'Run `npm install` again and check the messages above.\n',
    );
    process.exit(1);
  }
  const url = server.resolvedUrls?.local?.[0] ?? `http://127.0.0.1:${port}/`;
  say([
    `lync-runbook is running in the browser at ${url}`,
    'Open that address in a browser on this machine. Press Ctrl+C to stop.',
  ]);
  const stop = async () => {
    await server.close?.();
    await server.httpServer?.close?.();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  // Served until stopped: nothing below runs.
  await new Promise(() => {});
}

/** LYNC_RUNBOOK_PORT when it is a port number (1–65535); 4180 otherwise, saying so when it was set. */
function portFrom(value) {
  if (value === undefined || value.trim() === '') return 4180;
  const port = Number(value);
  if (Number.isInteger(port) && port >= 1 && port <= 65535) return port;
  console.warn(
    `lync-runbook: LYNC_RUNBOOK_PORT=${JSON.stringify(value)} is not a port number (1 to 65535); using 4180.`,
  );
  return 4180;
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
