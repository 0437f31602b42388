import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUSES } from '../../build/fuses.mjs';
import { electronBuilderArgs, releaseSettings } from '../../build/release.mjs';

const ROOT = join(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
// electron-builder's own loader and schema check (app-builder-lib comes with electron-builder).
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  getConfig(
    projectDir: string,
    configPath: string | null,
    configFromOptions: unknown,
  ): Promise<Record<string, unknown>>;
  validateConfiguration(config: unknown, debugLogger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
const asar = require('@electron/asar') as { listPackage(path: string, options: object): string[] };

// Any download attempt goes to a closed port and fails at once: "offline" is enforced, not assumed.
const OFFLINE = {
  HTTPS_PROXY: 'http://127.0.0.1:9',
  HTTP_PROXY: 'http://127.0.0.1:9',
  ELECTRON_GET_USE_PROXY: '1',
  ELECTRON_BUILDER_CACHE: join(tmpdir(), 'lync-runbook-no-cache'),
};

describe('electron-builder.yml', () => {
  let config: Record<string, unknown>;
  beforeAll(async () => {
    config = await getConfig(ROOT, join(ROOT, 'electron-builder.yml'), null);
  });

  it("passes electron-builder's schema validation, offline", async () => {
    const started = performance.now();
    await validateConfiguration(config, new DebugLogger(false));
    console.info(`electron-builder schema validation: ${Math.round(performance.now() - started)} ms`);
  });

  it('is really validated: a misspelt option is refused', async () => {
    await expect(
      validateConfiguration(
        { ...config, nsis: { ...(config.nsis as object), oneClik: false } },
        new DebugLogger(false),
      ),
    ).rejects.toThrow(/configuration object that does not match the API schema/);
  });

  it('builds the installers the brief asks for, with the .lyncrunbook association', () => {
    expect(config).toMatchObject({
      appId: 'com.lync-runbook.app',
      productName: 'lync-runbook',
      asar: true,
      directories: { buildResources: 'build' },
      afterPack: './build/after-pack.mjs',
      win: { target: ['nsis', 'portable'] },
      linux: { target: ['AppImage', 'deb'] },
      mac: { target: 'dmg' },
      fileAssociations: [
        { ext: 'lyncrunbook', role: 'Editor', name: expect.any(String), description: expect.any(String), icon: 'icon' },
      ],
    });
    const files = [config.files]
      .flat()
      .flatMap((f) =>
        typeof f === 'object' && f !== null && 'filter' in f ? [(f as { filter: unknown }).filter].flat() : [f],
      );
    expect(files).toEqual([
      'out/main/**',
      'out/preload/**',
      'out/renderer/**',
      'package.json',
      '!**/*.map',
      '!**/node_modules/**',
    ]);
  });
});

describe('packaging against a stub Electron (offline; checks the file list, asar content and fuses)', () => {
  let project: string;
  let unpacked: string;
  let withChannel: string;
  let log = '';
  const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

  beforeAll(() => {
    project = mkdtempSync(join(tmpdir(), 'lync-runbook-pack-'));
    // A stand-in for the Electron binary: not runnable, but with a fuse wire in Electron's default state.
    mkdirSync(join(project, 'stub'));
    writeFileSync(join(project, 'stub', 'electron'), `#!/bin/sh\necho stub\n# ${SENTINEL}\u0001\u000810110001\n`);
    chmodSync(join(project, 'stub', 'electron'), 0o755);
    for (const [path, text] of Object.entries({
      'out/main/index.js': 'main',
      'out/main/index.js.map': '{}',
      'out/main/chunks/icon-abc.png': 'png',
      'out/preload/index.js': 'preload',
      'out/renderer/index.html': '<!doctype html>',
      'out/renderer/assets/index-abc.js': 'page',
      'out/web/index.html': 'the browser build: not in the desktop app',
      'out/cli/lync-runbook.cjs': 'the command line: not in the desktop app',
      'electron/main/index.ts': 'a source file',
      'test/electron/main/x.test.ts': 'a test',
    })) {
      mkdirSync(join(project, path, '..'), { recursive: true });
      writeFileSync(join(project, path), text);
    }
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({
        name: pkg.name,
        productName: pkg.productName,
        version: pkg.version,
        description: pkg.description,
        license: pkg.license,
        author: 'lync-runbook contributors',
        main: pkg.main,
        dependencies: pkg.dependencies,
      }),
    );
    cpSync(join(ROOT, 'electron-builder.yml'), join(project, 'electron-builder.yml'));
    cpSync(join(ROOT, 'build'), join(project, 'build'), {
      recursive: true,
      filter: (src) => !src.includes(`${join('build', 'scripts')}`),
    });
    symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'), 'dir');
    const pack = (output: string, extra: string[]) => {
      const started = performance.now();
      const result = spawnSync(
        process.execPath,
        [
          join(ROOT, 'node_modules', 'electron-builder', 'cli.js'),
          '--linux',
          'dir',
          '--config',
          'electron-builder.yml',
          `-c.electronDist=${join(project, 'stub')}`,
          '-c.electronVersion=45.5.0',
          `-c.directories.output=${output}`,
          ...extra,
        ],
        {
          cwd: project,
          encoding: 'utf8',
          timeout: 180_000,
          env: { ...process.env, ...OFFLINE, CI: 'true' },
        },
      );
      log += `${result.stdout}\n${result.stderr}`;
      console.info(
        `electron-builder --dir against a stub: ${Math.round(performance.now() - started)} ms, exit ${result.status}`,
      );
      return join(project, output, 'linux-unpacked');
    };
    // The offline build (no update URL) and one with the channel an organisation would host.
    unpacked = pack('release/offline', electronBuilderArgs(releaseSettings({}).config));
    withChannel = pack(
      'release/channel',
      electronBuilderArgs(
        releaseSettings({ LYNC_RUNBOOK_UPDATE_URL: 'https://updates.contoso.local/lync-runbook/' }).config,
      ),
    );
  }, 200_000);

  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it('packs only the built app into app.asar: no sources, tests, source maps, browser or CLI builds, or node_modules', () => {
    const files = asar
      .listPackage(join(unpacked, 'resources', 'app.asar'), { isPack: false })
      .map((f) => f.replaceAll('\\', '/'));
    expect(files.filter((f) => /\.\w+$/.test(f)).sort()).toEqual([
      '/out/main/chunks/icon-abc.png',
      '/out/main/index.js',
      '/out/preload/index.js',
      '/out/renderer/assets/index-abc.js',
      '/out/renderer/index.html',
      '/package.json',
    ]);
  });

  it('an offline build has no update channel; a build with LYNC_RUNBOOK_UPDATE_URL checks that one (generic provider)', () => {
    expect(existsSync(join(unpacked, 'resources', 'app-update.yml')), log).toBe(false);
    const channel = readFileSync(join(withChannel, 'resources', 'app-update.yml'), 'utf8');
    expect(channel).toMatch(/^provider: generic$/m);
    expect(channel).toMatch(/^url: https:\/\/updates\.contoso\.local\/lync-runbook$/m);
    expect(channel).toMatch(/^channel: latest$/m);
  });

  it('flips every fuse of build/fuses.mjs in the packed binary (through the afterPack hook)', () => {
    const binary = readFileSync(join(unpacked, 'lync-runbook'));
    expect(binary.indexOf(SENTINEL), log).toBeGreaterThan(0);
    const at = binary.indexOf(SENTINEL) + SENTINEL.length;
    const wire = binary.subarray(at + 2, at + 2 + binary[at + 1]!).toString('latin1');
    const expected = FUSES.map((f) => (f.value ? '1' : '0')).join('');
    expect(wire).toBe(expected);
    expect(wire).toBe('01001100');
  });
});
