/** Text measured as a file holds it: in UTF-8 bytes, the one measure every limit on stored text is counted in. */

/** The size of `text` in UTF-8 bytes (a lone surrogate counts as the 3 bytes of U+FFFD). */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** The longest start of `text` within `maxBytes` UTF-8 bytes, never cutting a character in two. */
export function truncateUtf8(text: string, maxBytes: number): { readonly text: string; readonly cut: boolean } {
  if (text.length * 3 <= maxBytes) return { text, cut: false };
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    const size = c < 0x80 ? 1 : c < 0x800 ? 2 : pair ? 4 : 3;
    if (bytes + size > maxBytes) return { text: text.slice(0, i), cut: true };
    bytes += size;
    if (pair) i++;
  }
  return { text, cut: false };
}
