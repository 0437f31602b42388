import { compactThumbprint } from '../model/thumbprint';
import { fqdnProblem, normalizeFqdn } from '../model/fqdn';
import { toIsoTime, type IsoTime } from '../model/time';

/**
 * Checks every value must pass before any script is built from it. Each failure says what is wrong and
 * what to do; each success returns the value in the form scripts use.
 */

/** A checked value in its normal form, or the message that explains why it was refused. */
export type Validated<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

const INVISIBLE = /[\p{Cc}\u2028\u2029]/u;
const DIRECTION_MARKS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const BROKEN_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const ILLEGAL_IN_NAME = /[<>:"|?*]/;
const RESERVED_NAMES = new Set([
  'CON',
  'PRN',
  'AUX',
  'NUL',
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9, '\u00B9', '\u00B2', '\u00B3'].flatMap((n) => [`COM${n}`, `LPT${n}`]),
]);
const HOST = /^[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$/;
/** Windows PowerShell 3.0 and .NET 4.5 stop at MAX_PATH (260 including the terminating NUL). */
const MAX_PATH_LENGTH = 259;

/** A value as it may be shown inside a message: invisible characters spelled out, long ones cut. */
export function showValue(value: string): string {
  const visible = value.replace(
    /[\p{Cc}\u2028\u2029\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu,
    (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
  const cut = visible.length > 60 ? `${visible.slice(0, 57)}…` : visible;
  return `"${cut}"`;
}

function refuse<T>(label: string, value: string, problem: string): Validated<T> {
  return { ok: false, error: `${label} ${showValue(value)} ${problem}.` };
}

/** Values may arrive from files and forms with the wrong type; such a value is refused, not converted. */
function notText<T>(label: string, value: unknown): Validated<T> | null {
  return typeof value === 'string' ? null : { ok: false, error: `${label} is missing or is not text; type it in.` };
}

/** An FQDN (server, pool, SIP domain), lower-cased. */
export function validateFqdn(value: string, label: string): Validated<string> {
  const wrongType = notText<string>(label, value);
  if (wrongType !== null) return wrongType;
  const problem = fqdnProblem(value);
  return problem === null ? { ok: true, value: normalizeFqdn(value) } : refuse(label, value, problem);
}

function segmentProblem(segment: string, isLast: boolean): string | null {
  if (segment.length === 0)
    return isLast ? 'ends with a backslash; end it with the file name' : 'has two backslashes in a row; remove one';
  if (segment === '.' || segment === '..') return 'contains "." or ".."; write the full path without them';
  const illegal = ILLEGAL_IN_NAME.exec(segment);
  if (illegal !== null)
    return `contains the character ${illegal[0]}, which Windows does not allow in file or folder names; remove it`;
  if (/[ .]$/.test(segment))
    return `has a name ("${segment}") that ends with a space or a dot, which Windows drops; remove it`;
  const base = (segment.split('.')[0] ?? '').replace(/ +$/, '').toUpperCase();
  if (RESERVED_NAMES.has(base)) return `uses "${segment}", a name Windows reserves for a device; choose another name`;
  return null;
}

/**
 * Why a value is not a full Windows path (drive-letter `C:\dir\file` or UNC `\\server\share\dir\file`),
 * or null when it is one.
 */
export function windowsPathProblem(value: string): string | null {
  if (value.length === 0) return 'is empty; give a full path such as C:\\CsConfig\\CsConfiguration.zip';
  if (value.length > MAX_PATH_LENGTH)
    return `is ${value.length} characters long; Windows paths here are limited to ${MAX_PATH_LENGTH}, so choose a shorter one`;
  if (INVISIBLE.test(value))
    return 'contains an invisible control character (such as a line break or a tab); type the path again';
  if (DIRECTION_MARKS.test(value))
    return 'contains an invisible text-direction mark; type the path again rather than pasting it';
  if (BROKEN_SURROGATE.test(value))
    return 'contains a broken character (half of a surrogate pair); type the path again';
  if (value !== value.trim()) return 'has spaces before or after it; remove them';
  if (value.includes('/'))
    return 'uses forward slashes; Windows paths use backslashes, as in C:\\CsConfig\\CsConfiguration.zip';
  let segments: string[];
  if (value.startsWith('\\\\')) {
    const [host = '', share = '', ...rest] = value.slice(2).split('\\');
    if (!HOST.test(host))
      return 'is not a valid share path: after \\\\ comes the server name, as in \\\\server\\share\\CsConfiguration.zip';
    if (share.length === 0) return 'names a server but no share; write it as \\\\server\\share\\CsConfiguration.zip';
    segments = [share, ...rest];
  } else if (/^[A-Za-z]:\\/.test(value)) {
    segments = value.slice(3).split('\\');
    if (value.length === 3)
      return 'names only a drive; give the full path to the file, such as C:\\CsConfig\\CsConfiguration.zip';
  } else if (/^[A-Za-z]:/.test(value)) {
    return `is relative to the current folder of drive ${value.slice(0, 2)}; add a backslash after the colon, as in ${value.slice(0, 2)}\\CsConfig\\CsConfiguration.zip`;
  } else if (value.startsWith('\\')) {
    return 'starts at the root of whatever drive is current; start it with a drive letter, as in C:\\CsConfig\\CsConfiguration.zip';
  } else {
    return 'is a relative path; give a full path that starts with a drive letter (C:\\CsConfig\\CsConfiguration.zip) or a share (\\\\server\\share\\CsConfiguration.zip)';
  }
  for (const [i, segment] of segments.entries()) {
    const problem = segmentProblem(segment, i === segments.length - 1);
    if (problem !== null) return problem;
  }
  return null;
}

/** A full Windows path to a .zip file (where Export-CsConfiguration writes and Import-CsConfiguration reads). */
export function validateZipPath(value: string, label: string): Validated<string> {
  const wrongType = notText<string>(label, value);
  if (wrongType !== null) return wrongType;
  const problem = windowsPathProblem(value);
  if (problem !== null) return refuse(label, value, problem);
  const parts = value.split('\\');
  if (value.startsWith('\\\\') && parts.length < 5)
    return refuse(
      label,
      value,
      'names a share but no file; add the file name, as in \\\\server\\share\\CsConfiguration.zip',
    );
  if (!/\.zip$/i.test(value))
    return refuse(
      label,
      value,
      'does not end in .zip; the configuration export is a .zip file, so name it like CsConfiguration.zip',
    );
  return { ok: true, value };
}

/** A full Windows path to a folder or file (no file name required). */
export function validateWindowsPath(value: string, label: string): Validated<string> {
  const wrongType = notText<string>(label, value);
  if (wrongType !== null) return wrongType;
  const problem = windowsPathProblem(value);
  return problem === null ? { ok: true, value } : refuse(label, value, problem);
}

/**
 * A certificate thumbprint: 40 hexadecimal digits once spaces are removed, upper-cased. The invisible
 * left-to-right mark the Windows certificate dialog puts in front when copying is removed as well.
 */
export function validateThumbprint(value: string, label: string): Validated<string> {
  const wrongType = notText<string>(label, value);
  if (wrongType !== null) return wrongType;
  const compact = compactThumbprint(value);
  const bad = /[^0-9A-Fa-f]/.exec(compact);
  if (compact.length === 0)
    return refuse(label, value, 'is empty; copy the thumbprint from the certificate (40 hexadecimal digits)');
  if (bad !== null) {
    return refuse(
      label,
      value,
      `contains ${showValue(bad[0])}, which is not a hexadecimal digit; a thumbprint has only 0-9 and A-F`,
    );
  }
  if (compact.length !== 40)
    return refuse(label, value, `has ${compact.length} hexadecimal digits; a thumbprint has exactly 40`);
  return { ok: true, value: compact.toUpperCase() };
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * An ISO 8601 date and time with a zone (Z or an offset such as +01:00), normalised to UTC with
 * milliseconds, the form documents store.
 */
export function validateIsoDate(value: string, label: string): Validated<IsoTime> {
  const wrongType = notText<IsoTime>(label, value);
  if (wrongType !== null) return wrongType;
  const match = ISO.exec(value);
  if (match === null) {
    return refuse(label, value, 'is not an ISO 8601 date and time; write it like 2013-03-14T10:00:00Z');
  }
  const [, y, mo, d, h, mi, s = '0', fraction = '0', zone] = match;
  if (zone === undefined) return refuse(label, value, 'has no time zone; add Z for UTC or an offset such as +01:00');
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (
    year < 1970 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return refuse(label, value, 'is not a real date and time; check the month, day and hour');
  }
  let offsetMinutes = 0;
  if (zone !== 'Z') {
    const [oh, om] = zone.slice(1).split(':').map(Number) as [number, number];
    if (oh > 14 || om > 59)
      return refuse(label, value, 'has a time-zone offset that does not exist; offsets run from -14:00 to +14:00');
    offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (oh * 60 + om);
  }
  const ms = Number(fraction.padEnd(3, '0').slice(0, 3));
  return {
    ok: true,
    value: toIsoTime(Date.UTC(year, month - 1, day, hour, minute, second, ms) - offsetMinutes * 60_000),
  };
}
