// Before the end-to-end tests: use the system Chromium where there is one (CI installs Debian's);
// otherwise install Playwright's own Chromium once, so `npm test` stays one command everywhere.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const system = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
if (system) {
  console.log(`[lync-runbook] end-to-end tests use ${system}`);
} else {
  console.log("[lync-runbook] no system Chromium found: installing Playwright's Chromium (once)…");
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  const result = spawnSync(npx, ['playwright', 'install', 'chromium'], {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) {
    console.error(
      '[lync-runbook] Could not install a browser for the end-to-end tests. Install Chromium (on Debian/Ubuntu: apt-get install chromium) or run `npx playwright install chromium`, then run `npm test` again.',
    );
    process.exit(result.status ?? 1);
  }
}
