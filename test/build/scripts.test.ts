import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../build/scripts/electron-binary.mjs';

const ROOT = join(import.meta.dirname, '..', '..');

let project: string;
beforeEach(() => {
  project = mkdtempSync(join(tmpdir(), 'lync-runbook-electron-'));
  writeFileSync(join(project, 'package.json'), '{"name":"x"}');
  mkdirSync(join(project, 'node_modules', 'electron'), { recursive: true });
  writeFileSync(
    join(project, 'node_modules', 'electron', 'package.json'),
    '{"name":"electron","version":"45.5.0","main":"index.js"}',
  );
  // Requiring the package would download the binary: here it throws, so a finder that requires it fails.
  writeFileSync(join(project, 'node_modules', 'electron', 'index.js'), "throw new Error('required electron');");
});
afterEach(() => rmSync(project, { recursive: true, force: true }));

describe('findElectronBinary', () => {
  it('says why when the binary was never downloaded, without requiring electron', () => {
    expect(findElectronBinary(project, {})).toEqual({
      path: null,
      reason: expect.stringContaining('path.txt is missing'),
    });
  });

  it('finds the binary named by path.txt in dist/', () => {
    writeFileSync(join(project, 'node_modules', 'electron', 'path.txt'), 'electron');
    expect(findElectronBinary(project, {})).toEqual({
      path: null,
      reason: expect.stringContaining('dist/electron is missing'),
    });
    mkdirSync(join(project, 'node_modules', 'electron', 'dist'));
    writeFileSync(join(project, 'node_modules', 'electron', 'dist', 'electron'), '');
    expect(findElectronBinary(project, {})).toEqual({
      path: join(project, 'node_modules', 'electron', 'dist', 'electron'),
      reason: null,
    });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH, as Electron does', () => {
    const dist = join(project, 'custom');
    mkdirSync(dist);
    writeFileSync(join(dist, process.platform === 'win32' ? 'electron.exe' : 'electron'), '');
    expect(findElectronBinary(project, { ELECTRON_OVERRIDE_DIST_PATH: dist }).path).toBe(
      join(dist, process.platform === 'win32' ? 'electron.exe' : 'electron'),
    );
  });

  it('says so when electron is not installed at all', () => {
    rmSync(join(project, 'node_modules'), { recursive: true });
    expect(findElectronBinary(project, {}).reason).toMatch(/not installed/);
  });
});

describe('npm start without an Electron binary', () => {
  // It serves the browser build until stopped (test/e2e/start-in-browser.spec.ts opens it in a
  // browser); here, the one case where it must stop: the browser build cannot start either. A copy
  // of the script in a folder with no node_modules finds neither Electron nor Vite.
  it('exits non-zero, saying why, when the browser build cannot start either', () => {
    const bare = mkdtempSync(join(tmpdir(), 'lync-runbook-start-'));
    try {
      mkdirSync(join(bare, 'build', 'scripts'), { recursive: true });
      writeFileSync(join(bare, 'package.json'), '{"name":"x","type":"module"}');
      for (const file of ['start.mjs', 'electron-binary.mjs'])
        cpSync(join(ROOT, 'build', 'scripts', file), join(bare, 'build', 'scripts', file));
      const result = spawnSync(process.execPath, [join(bare, 'build', 'scripts', 'start.mjs')], {
        encoding: 'utf8',
        // A synchronous spawn blocks the test's own timeout: this one must end by itself.
        timeout: 60_000,
        env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: '' },
      });
      expect(result.error, 'start.mjs did not exit').toBeUndefined();
      expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(1);
      expect(result.stdout).toContain('no Electron binary is installed here');
      expect(result.stderr).toMatch(/the browser build could not start either/);
      expect(result.stderr).toContain('npm install');
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });
});

describe('npm run test:electron', () => {
  it('runs the Electron test under xvfb-run on headless Linux when xvfb is there, directly otherwise', async () => {
    const { e2eCommand } = await import('../../build/scripts/e2e-electron.mjs');
    expect(e2eCommand('linux', {}, () => true)).toMatchObject({
      command: 'xvfb-run',
      args: expect.arrayContaining(['-a', '--project', 'electron']),
    });
    expect(e2eCommand('linux', {}, () => false).command).toBe(process.execPath);
    expect(e2eCommand('linux', { DISPLAY: ':0' }, () => true).command).toBe(process.execPath);
    expect(e2eCommand('win32', {}, () => true).command).toBe(process.execPath);
  });
});
