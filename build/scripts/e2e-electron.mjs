// `npm run test:electron`: the desktop app's Playwright test (test/e2e/electron.spec.ts). On Linux
// without a display it runs under a virtual one (`xvfb-run -a`) when xvfb is installed; without an
// Electron binary the test itself skips and says why.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const playwright = [
  join(ROOT, 'node_modules', '@playwright', 'test', 'cli.js'),
  'test',
  '--project',
  'electron',
  ...process.argv.slice(2),
];

/** The command that runs the test: under xvfb-run on a headless Linux machine that has it. */
export function e2eCommand(
  platform = process.platform,
  env = process.env,
  hasXvfb = () => spawnSync('xvfb-run', ['--help'], { stdio: 'ignore' }).error === undefined,
) {
  const headless = platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY;
  if (headless && hasXvfb()) return { command: 'xvfb-run', args: ['-a', process.execPath, ...playwright] };
  return { command: process.execPath, args: playwright };
}

if (process.argv[1] === import.meta.filename) {
  const { command, args } = e2eCommand();
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
