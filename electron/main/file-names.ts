import { basename, dirname, extname } from 'node:path';

/**
 * A file name made safe for every desktop file system from a name the page suggested: no folder
 * separators, reserved characters or control characters, no trailing dots or spaces, not a
 * reserved Windows device name, and ending in `extension`.
 */
export function safeFileName(suggested: string, extension: string, fallback = 'deployment'): string {
  let base = suggested
    .replace(/[\p{Cc}<>:"/\\|?*]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (base.toLowerCase().endsWith(extension.toLowerCase())) base = base.slice(0, -extension.length);
  base = base
    .replace(/[. ]+$/, '')
    .replace(/^[. ]+/, '')
    .slice(0, 200)
    .trim();
  if (base === '' || /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(base)) base = fallback;
  return `${base}${extension}`;
}

/** The path with `extension` added when the user typed a name without it (GTK dialogs do not add it). */
export function withExtension(path: string, extension: string): string {
  return extname(path).toLowerCase() === extension.toLowerCase() ? path : `${path}${extension}`;
}

/** The native question asked before a save replaces a file the save dialog did not ask about. */
export function replaceFilePrompt(path: string): {
  type: 'warning';
  buttons: string[];
  defaultId: number;
  cancelId: number;
  noLink: true;
  title: string;
  message: string;
  detail: string;
} {
  return {
    type: 'warning',
    buttons: ['Replace', 'Cancel'],
    // Cancel by default: Enter must not replace a file by accident.
    defaultId: 1,
    cancelId: 1,
    noLink: true,
    title: 'lync-runbook',
    message: `“${basename(path)}” already exists. Do you want to replace it?`,
    detail: `A file with this name already exists in ${dirname(path)}. Replacing it overwrites what it holds.`,
  };
}

/** What choosing a save path needs to ask about a file the dialog did not see. */
export interface ReplaceCheck {
  exists(path: string): Promise<boolean>;
  /** Asks the user (a native message box); true to replace. */
  confirmReplace(path: string): Promise<boolean>;
}

/**
 * The path to write for a name chosen in a save dialog, with `extension` added when the user typed
 * the name without it; null when that makes it name an existing file the user then declines to
 * replace. The dialog's own overwrite question was about the name as typed, not this one.
 */
export async function savePathFromDialog(
  chosen: string,
  extension: string,
  check: ReplaceCheck,
): Promise<string | null> {
  const path = withExtension(chosen, extension);
  if (path === chosen || !(await check.exists(path))) return path;
  return (await check.confirmReplace(path)) ? path : null;
}
