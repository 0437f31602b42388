/**
 * A certificate thumbprint as typed or copied: Windows' certificate dialog shows it in pairs with
 * spaces and starts it with an invisible left-to-right mark; other tools use colons. The one place
 * that says what is noise around the 40 hexadecimal digits.
 */
const NOISE = /[\s:\u061C\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

/** The thumbprint without spaces, colons and invisible marks, as typed otherwise (not yet checked to be 40 hex digits). */
export function compactThumbprint(value: string): string {
  return value.replace(NOISE, '');
}
