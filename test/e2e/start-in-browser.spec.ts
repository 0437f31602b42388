// `npm start` on a machine with no Electron binary (issue 15, bug 11): it does the main job anyway,
// serving the browser build and saying where it is and what is missing there.
import { spawn, type ChildProcess } from 'node:child_process';
import { expect, test } from '@playwright/test';

// Building the browser build on a loaded two-core machine takes a while.
test.setTimeout(240_000);

test('npm start with no Electron binary serves the app in a browser and says where', async ({ page }) => {
  let child: ChildProcess | null = null;
  try {
    child = spawn(process.execPath, ['build/scripts/start.mjs'], {
      // A binary that is not there, whatever this machine has; a port of its own.
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent-electron', LYNC_RUNBOOK_PORT: '4191' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => child!.on('exit', (code) => resolve(code)));
    const url = await Promise.race([
      (async () => {
        for (;;) {
          const found = /running in the browser at (http:\/\/\S+)/.exec(output);
          if (found) return found[1]!;
          await new Promise((r) => setTimeout(r, 250));
        }
      })(),
      exited.then((code) => {
        throw new Error(`npm start exited (${code}) before serving:\n${output}`);
      }),
    ]);
    expect(output).toContain('no Electron binary is installed here');
    expect(output).toContain('Missing there: the native menus, the native file');
    expect(output).toContain('PDF export');
    await page.goto(url);
    await expect(page.getByText('Contoso HQ (sample)').first()).toBeVisible();
  } finally {
    child?.kill('SIGTERM');
  }
});
