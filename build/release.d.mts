export const UPDATE_URL_VARIABLE: string;
export const UPDATE_CHANNEL_VARIABLE: string;
export const REQUIRE_SIGNING_VARIABLE: string;
export interface ReleaseConfig {
  publish?: { provider: 'generic'; url: string; channel: string } | null;
  forceCodeSigning?: boolean;
}
/** The electron-builder settings for a build from its environment, what is wrong, and what the build will be. */
export function releaseSettings(env: Record<string, string | undefined>): {
  config: ReleaseConfig;
  problems: string[];
  summary: string[];
};
/** The settings as electron-builder command-line overrides. */
export function electronBuilderArgs(config: ReleaseConfig): string[];
