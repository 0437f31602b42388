/**
 * Text shown to an admin that may hold characters from a file or a paste: C0 and C1 controls (but
 * tab and newline), and the marks that reorder or hide text. On a terminal an escape sequence could
 * move the cursor or retitle the window; in a native message box a NUL ends the text; a bidi mark
 * shows a name reversed. Each such character is shown as its code (\u001B) instead.
 */
const HIDDEN_OR_CONTROL =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200B\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF]/g;

/** `text` with every control and hiding or reordering mark shown as its code. */
export function visibleText(text: string): string {
  return text.replace(HIDDEN_OR_CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

/** `text` cut to `max` characters, saying how much was left out (a value pasted whole can be megabytes). */
export function capText(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}… (${(text.length - max).toLocaleString('en-US')} more characters not shown)`;
}
