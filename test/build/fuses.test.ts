import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { afterPack } from '../../build/after-pack.mjs';
import { FUSES, fuseConfig } from '../../build/fuses.mjs';

const require = createRequire(import.meta.url);
const fuses = require('@electron/fuses') as { FuseV1Options: Record<string, number>; FuseVersion: { V1: string } };

describe('the fuses of the packaged app', () => {
  it('turn off running as Node, NODE_OPTIONS and --inspect; turn on asar integrity, asar-only loading and cookie encryption', () => {
    const byName = Object.fromEntries(FUSES.map((f) => [f.name, f.value]));
    expect(byName).toMatchObject({
      RunAsNode: false,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      EnableCookieEncryption: true,
    });
    for (const fuse of FUSES) expect(fuse.why.length).toBeGreaterThan(10);
  });

  it('set every fuse @electron/fuses knows, explicitly', () => {
    const known = Object.keys(fuses.FuseV1Options).filter((k) => Number.isNaN(Number(k)));
    expect(FUSES.map((f) => f.name).sort()).toEqual(known.sort());
    const config = fuseConfig(fuses, 'linux');
    expect(config.version).toBe(fuses.FuseVersion.V1);
    expect(config[fuses.FuseV1Options.RunAsNode!]).toBe(false);
    expect(config[fuses.FuseV1Options.OnlyLoadAppFromAsar!]).toBe(true);
    expect(config.resetAdHocDarwinSignature).toBe(false);
    expect(fuseConfig(fuses, 'darwin').resetAdHocDarwinSignature).toBe(true);
  });

  it('fail loudly on a fuse the installed @electron/fuses does not know', () => {
    expect(() => fuseConfig({ FuseV1Options: {}, FuseVersion: { V1: '1' } }, 'linux')).toThrow(
      /does not know the fuse RunAsNode/,
    );
  });

  it('are flipped by the afterPack hook through electron-builder, for the platform being packed', async () => {
    const calls: unknown[][] = [];
    const context = {
      electronPlatformName: 'win32',
      appOutDir: 'C:\\out',
      packager: { addElectronFuses: async (...args: unknown[]) => void calls.push(args) },
    };
    await afterPack(context);
    expect(calls).toHaveLength(1);
    expect(calls[0]![0]).toBe(context);
    expect(calls[0]![1]).toEqual(fuseConfig(fuses, 'win32'));
  });
});
