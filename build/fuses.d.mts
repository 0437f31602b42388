/** One fuse: its @electron/fuses name, the value the packaged app needs, and why. */
export interface FuseSetting {
  readonly name: string;
  readonly value: boolean;
  readonly why: string;
}
/** The fuses the packaged app flips. */
export const FUSES: readonly FuseSetting[];
/** The @electron/fuses configuration for a platform. */
export function fuseConfig(
  fuses: { FuseV1Options: Record<string, number>; FuseVersion: { V1: string } },
  platform: string,
): Record<string | number, unknown>;
