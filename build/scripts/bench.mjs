// `npm run bench [-- --quick]`: builds what the benchmark measures (the browser build, the command
// line, the benchmark itself), then runs it. Figures go to the terminal and to bench-results/.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');

function run(args, what) {
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(`bench: ${what} failed.\n`);
    process.exit(result.status ?? 1);
  }
}

// The browser build in a folder of its own (as npm start has): the end-to-end tests serve out/web, and
// rebuilding it under them would break a run in progress.
run(
  [
    vite,
    'build',
    '--config',
    'vite.web.config.mts',
    '--outDir',
    '../out/bench-web',
    '--emptyOutDir',
    '--logLevel',
    'warn',
  ],
  'building the browser build',
);
run([vite, 'build', '--config', 'vite.cli.config.mts', '--logLevel', 'warn'], 'building the command line');
run([vite, 'build', '--config', 'vite.bench.config.mts', '--logLevel', 'warn'], 'building the benchmark');
run(['--expose-gc', join(ROOT, 'out', 'bench', 'bench.cjs'), ...process.argv.slice(2)], 'the benchmark');
