// The desktop app end to end, through Playwright's Electron driver: open the sample deployment,
// save it through the (stubbed) native save dialog, and open the saved file again.
//
// It needs the Electron binary, found without require('electron') (which would try to download
// it); where there is none — these build machines — every test here skips with the reason.
// On headless Linux run it under a virtual display: `xvfb-run -a npx playwright test --project electron`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';

// Playwright runs this file as CommonJS: the ES module build/scripts/electron-binary.mjs cannot be
// required from here, so the same lookup is repeated (path.txt names the binary inside dist/).
const ROOT = join(__dirname, '..', '..');
function findElectronBinary(): { path: string; reason: null } | { path: null; reason: string } {
  const dir = join(ROOT, 'node_modules', 'electron');
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile))
    return {
      path: null,
      reason: 'node_modules/electron/path.txt is missing: the Electron binary was never downloaded.',
    };
  const binary = process.env.ELECTRON_OVERRIDE_DIST_PATH
    ? join(process.env.ELECTRON_OVERRIDE_DIST_PATH, readFileSync(pathFile, 'utf8').trim())
    : join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary)
    ? { path: binary, reason: null }
    : { path: null, reason: `${binary} is missing: the Electron binary download did not finish.` };
}
const binary = findElectronBinary();
const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const skipReason =
  binary.path === null
    ? `No Electron binary is installed (${binary.reason}) The desktop app cannot be launched here; the renderer's end-to-end tests run in Chromium instead (project "web").`
    : headless
      ? 'No display: run this test under a virtual one, `xvfb-run -a npx playwright test --project electron`.'
      : null;
if (skipReason !== null) console.log(`[electron.spec] skipped: ${skipReason}`);

test.describe('the desktop app', () => {
  test.skip(skipReason !== null, skipReason ?? '');

  let app: ElectronApplication;
  let page: Page;
  let folder: string;

  test.beforeAll(async () => {
    const built = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
      { cwd: ROOT, encoding: 'utf8', timeout: 300_000 },
    );
    expect(built.status, built.stderr).toBe(0);
    folder = mkdtempSync(join(tmpdir(), 'lync-runbook-e2e-'));
    const env = { ...process.env } as Record<string, string>;
    delete env.ELECTRON_RUN_AS_NODE;
    app = await electron.launch({
      executablePath: binary.path!,
      // A fresh profile (recent list, recovery copy, window state) for each run; Chromium refuses to
      // run as root with its sandbox (CI runs as root), so only there the sandbox is switched off.
      args: [ROOT, `--user-data-dir=${join(folder, 'profile')}`, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
      cwd: ROOT,
      env,
    });
    page = await app.firstWindow();
  });

  test.afterAll(async () => {
    await app?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  test('is hardened: no Node in the page, only the bridge', async () => {
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
    expect(
      await page.evaluate(() => Object.keys((window as unknown as { lyncRunbook: object }).lyncRunbook).sort()),
    ).toContain('saveDocument');
    expect(await page.evaluate(() => location.href)).toBe('app://lync-runbook/index.html');
  });

  test('opens the sample deployment, saves it to a file and opens that file again', async () => {
    const file = join(folder, 'contoso-hq.lyncrunbook');
    // Drive the native dialogs from main: they answer with our file.
    await app.evaluate(({ dialog }, path) => {
      dialog.showSaveDialog = (async () => ({ canceled: false, filePath: path })) as typeof dialog.showSaveDialog;
      dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [path] })) as typeof dialog.showOpenDialog;
    }, file);

    await page.getByRole('button', { name: 'Open the sample deployment' }).click();
    await expect(page.getByText('Contoso HQ (sample)').first()).toBeVisible();

    // File › Save, as the menu does it.
    await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.getMenuItemById('save')?.click());
    await expect
      .poll(() => {
        try {
          return JSON.parse(readFileSync(file, 'utf8')).deployment.name;
        } catch {
          return null;
        }
      })
      .toBe('Contoso HQ (sample)');

    // A new, empty deployment; then File › Open brings the saved one back.
    await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.getMenuItemById('new')?.click());
    await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.getMenuItemById('open')?.click());
    await expect(page.getByText('Contoso HQ (sample)').first()).toBeVisible();
    await expect(page.getByText('contoso-hq.lyncrunbook').first()).toBeVisible();
  });
});
