/**
 * The one quoting rule for values in generated PowerShell. PowerShell's tokenizer treats U+0027 and the
 * typographic single quotes U+2018, U+2019, U+201A and U+201B alike (CharExtensions.IsSingleQuote), and
 * inside a single-quoted string two of them in a row stand for the second one. Doubling every one of them
 * therefore keeps any text inert: nothing else is special in a verbatim string, not `$`, backtick or newline.
 */

/** Every character PowerShell reads as a single quote, as a regular-expression class body. */
const SINGLE_QUOTES = "'\u2018\u2019\u201A\u201B";

const SINGLE_QUOTE_PATTERN = new RegExp(`[${SINGLE_QUOTES}]`, 'g');

/** `value` as a PowerShell single-quoted string literal whose value is exactly `value`. */
export function quoteLiteral(value: string): string {
  return `'${value.replace(SINGLE_QUOTE_PATTERN, '$&$&')}'`;
}
