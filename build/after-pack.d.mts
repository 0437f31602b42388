/** electron-builder's afterPack hook: flips the fuses of build/fuses.mjs on the packed binary. */
export function afterPack(context: {
  readonly electronPlatformName: string;
  readonly packager: { addElectronFuses(context: unknown, fuses: unknown): Promise<unknown> };
}): Promise<void>;
