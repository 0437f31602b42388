import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { builtinModules } from 'node:module';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import config from '../../electron.vite.config';

const ROOT = join(import.meta.dirname, '..', '..');
const project = mkdtempSync(join(tmpdir(), 'lync-runbook-start-'));
afterAll(() => rmSync(project, { recursive: true, force: true }));

type Section = {
  root?: string;
  plugins?: unknown[];
  build?: {
    outDir?: string;
    minify?: unknown;
    externalizeDeps?: unknown;
    rollupOptions?: { input?: Record<string, string>; output?: Record<string, unknown> };
  };
};
const sections = config as unknown as { main: Section; preload: Section; renderer: Section };

describe('electron.vite.config.ts', () => {
  it('builds main, preload and renderer from their entries into out/', () => {
    expect(sections.main.build?.rollupOptions?.input?.index).toBe(join(ROOT, 'electron', 'main', 'index.ts'));
    expect(sections.preload.build?.rollupOptions?.input?.index).toBe(join(ROOT, 'electron', 'preload', 'index.ts'));
    expect(sections.renderer.build?.rollupOptions?.input?.index).toBe(join(ROOT, 'renderer', 'index.html'));
    expect([sections.main.build?.outDir, sections.preload.build?.outDir, sections.renderer.build?.outDir]).toEqual([
      'out/main',
      'out/preload',
      'out/renderer',
    ]);
  });

  it('bundles the preload as one CommonJS file, and everything main needs into main', () => {
    expect(sections.preload.build).toMatchObject({
      externalizeDeps: false,
      rollupOptions: { output: { format: 'cjs', codeSplitting: false } },
    });
    expect(sections.main.build?.externalizeDeps).toBe(false);
  });

  it('minifies the renderer and compiles React', () => {
    expect(sections.renderer.root).toBe('renderer');
    expect(sections.renderer.build?.minify).toBe(true);
    expect(JSON.stringify(sections.renderer.plugins)).toContain('vite:react');
  });
});

describe('npm start with an Electron binary', () => {
  // A shell-script stand-in for the binary: POSIX only.
  it.skipIf(process.platform === 'win32')(
    'builds, then launches the app with the binary and passes a document on (a fake binary records its arguments)',
    { timeout: 120_000 },
    () => {
      const fake = join(project, 'fake-electron');
      mkdirSync(fake);
      const record = join(project, 'args.txt');
      writeFileSync(
        join(fake, 'electron'),
        `#!/bin/sh\necho "$@" > '${record}'\n(env | grep -c '^ELECTRON_RUN_AS_NODE=' || true) >> '${record}'\n`,
      );
      chmodSync(join(fake, 'electron'), 0o755);
      const result = spawnSync(process.execPath, [join(ROOT, 'build', 'scripts', 'start.mjs'), 'contoso.lyncrunbook'], {
        encoding: 'utf8',
        timeout: 110_000,
        env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: fake, ELECTRON_RUN_AS_NODE: '1' },
      });
      expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
      // The project folder and the document; and ELECTRON_RUN_AS_NODE from the shell never reaches the app.
      expect(readFileSync(record, 'utf8').trim().split('\n')).toEqual(['. contoso.lyncrunbook', '0']);
    },
  );

  it.skipIf(process.platform === 'win32')(
    'left a sandbox-ready preload: one file that requires nothing but electron',
    () => {
      expect(readdirSync(join(ROOT, 'out', 'preload'))).toEqual(['index.js']);
      const preload = readFileSync(join(ROOT, 'out', 'preload', 'index.js'), 'utf8');
      expect([...preload.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1])).toEqual(['electron']);
      expect(preload).toContain('exposeInMainWorld');
      expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*\)/);
    },
  );

  it.skipIf(process.platform === 'win32')('left a main that loads no package from node_modules', () => {
    // index.js and the chunks it loads later (electron-updater, only when the admin checks for updates).
    const seen = new Set<string>();
    const outside = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)) {
        const name = m[1]!;
        if (name.startsWith('./') || name.startsWith('../')) visit(join(dirname(file), name));
        else if (name !== 'electron' && !builtinModules.includes(name.replace(/^node:/, ''))) outside.add(name);
      }
    };
    visit(join(ROOT, 'out', 'main', 'index.js'));
    expect([...outside]).toEqual([]);
    expect(seen.size).toBeGreaterThan(1);
  });
});
