import { extname } from 'node:path';

/**
 * A file name made safe for every desktop file system from a name the page suggested: no folder
 * separators, reserved characters or control characters, no trailing dots or spaces, not a
 * reserved Windows device name, and ending in `extension`.
 */
export function safeFileName(suggested: string, extension: string, fallback = 'deployment'): string {
  let base = suggested.replace(/[\p{Cc}<>:"/\\|?*]/gu, ' ').replace(/\s+/g, ' ').trim();
  if (base.toLowerCase().endsWith(extension.toLowerCase())) base = base.slice(0, -extension.length);
  base = base.replace(/[. ]+$/, '').replace(/^[. ]+/, '').slice(0, 200).trim();
  if (base === '' || /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(base)) base = fallback;
  return `${base}${extension}`;
}

/** The path with `extension` added when the user typed a name without it (GTK dialogs do not add it). */
export function withExtension(path: string, extension: string): string {
  return extname(path).toLowerCase() === extension.toLowerCase() ? path : `${path}${extension}`;
}
