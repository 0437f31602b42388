// The Electron fuses the packaged app flips (Electron security checklist item 19), as plain data
// so a test can read them, and the @electron/fuses configuration built from them.

/** Each fuse by its @electron/fuses name, with the value the packaged app needs and why. */
export const FUSES = [
  { name: 'RunAsNode', value: false, why: 'ELECTRON_RUN_AS_NODE must not turn the app into a general Node.js runtime' },
  { name: 'EnableCookieEncryption', value: true, why: 'cookies on disk are encrypted with the OS key store' },
  { name: 'EnableNodeOptionsEnvironmentVariable', value: false, why: 'NODE_OPTIONS must not inject code into main' },
  { name: 'EnableNodeCliInspectArguments', value: false, why: '--inspect must not open a debugger into main' },
  {
    name: 'EnableEmbeddedAsarIntegrityValidation',
    value: true,
    why: 'a tampered app.asar is refused (macOS and Windows)',
  },
  {
    name: 'OnlyLoadAppFromAsar',
    value: true,
    why: 'the app runs only from its checked app.asar, not a planted app folder',
  },
  { name: 'LoadBrowserProcessSpecificV8Snapshot', value: false, why: 'no custom V8 snapshot is shipped' },
  {
    name: 'GrantFileProtocolExtraPrivileges',
    value: false,
    why: 'the page is served from app://, so file:// needs no extra powers',
  },
];

/**
 * The @electron/fuses configuration for a platform: every fuse above, set explicitly. The ad-hoc
 * signature of a macOS build is reset after flipping (Apple silicon refuses a broken one).
 */
export function fuseConfig(fuses, platform) {
  const { FuseV1Options, FuseVersion } = fuses;
  const config = { version: FuseVersion.V1, resetAdHocDarwinSignature: platform === 'darwin' || platform === 'mas' };
  for (const fuse of FUSES) {
    const option = FuseV1Options[fuse.name];
    if (option === undefined) throw new Error(`@electron/fuses does not know the fuse ${fuse.name}.`);
    config[option] = fuse.value;
  }
  return config;
}
