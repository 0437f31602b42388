/** The Electron executable of the installed `electron` package, or null with the reason it is missing. */
export function findElectronBinary(
  from?: string,
  env?: Record<string, string | undefined>,
): { path: string; reason: null } | { path: null; reason: string };
