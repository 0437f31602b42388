/**
 * The names of the IPC channels between the renderer and main (`noun:verb`, STYLE.md). Kept apart
 * from the schemas so the sandboxed preload bundles these strings and not the validation library.
 */

/** Request/response channels: the renderer invokes, main answers with an `IpcResult`. */
export const INVOKE_CHANNELS = {
  openDocument: 'document:open',
  openRecent: 'document:open-recent',
  openDropped: 'document:open-dropped',
  saveDocument: 'document:save',
  listRecent: 'recent:list',
  forgetRecent: 'recent:forget',
  writeRecovery: 'recovery:write',
  clearRecovery: 'recovery:clear',
  findRecovery: 'recovery:find',
  exportRunbook: 'runbook:export',
  writeClipboard: 'clipboard:write',
  appInfo: 'app:info',
  setDirty: 'app:set-dirty',
  listen: 'command:listen',
} as const;

/** One invoke channel name. */
export type InvokeChannel = (typeof INVOKE_CHANNELS)[keyof typeof INVOKE_CHANNELS];

/** The one push channel: main sends menu commands and documents opened from the OS on it. */
export const COMMAND_CHANNEL = 'command:push';

/** The name under which the preload exposes the bridge on `window`. */
export const BRIDGE_NAME = 'lyncRunbook';
