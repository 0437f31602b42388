// electron-builder's afterPack hook: flips the fuses of build/fuses.mjs on the packed Electron
// binary, before electron-builder signs it (a flip after signing would break the signature).
import { fuseConfig } from './fuses.mjs';

/** Flips the fuses through electron-builder's own helper, which knows each platform's binary name. */
export async function afterPack(context) {
  const fuses = await import('@electron/fuses');
  await context.packager.addElectronFuses(context, fuseConfig(fuses, context.electronPlatformName));
}
