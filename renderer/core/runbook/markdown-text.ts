/**
 * Markdown building blocks that keep user values as text: whatever an operator typed (a name, a
 * reason, pasted output) reads the same in plain text and can never become markup, a link or HTML.
 */

const INLINE_SPECIAL = /[\\`*_[\]<|~&]/g;
const WORD = /[\p{L}\p{N}]/u;

/**
 * Escapes what could start markup inside a line. An underscore between letters (Los_Angeles) and an
 * ampersand that starts no entity stay as they are: GitHub reads them as text, and plain text stays clean.
 */
function escapeInline(text: string): string {
  return text.replace(INLINE_SPECIAL, (c, index: number) => {
    if (c === '_' && WORD.test(text[index - 1] ?? '') && WORD.test(text[index + 1] ?? '')) return c;
    if (c === '&' && !/^&#?[a-z0-9]+;/i.test(text.slice(index, index + 40))) return c;
    return `\\${c}`;
  });
}

/** A value as inline Markdown text: markup characters escaped, line breaks turned into spaces. */
export function mdText(value: string): string {
  return escapeInline(value.replace(/\r\n?|\n/g, ' '));
}

function longestBacktickRun(text: string): number {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === '`' ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}

/** A value as an inline code span (FQDNs, thumbprints, ids), fenced so no backtick inside can close it. */
export function mdCode(value: string): string {
  const flat = value.replace(/\r\n?|\n/g, ' ');
  if (flat.length === 0) return '';
  const fence = '`'.repeat(longestBacktickRun(flat) + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || (flat.startsWith(' ') && flat.endsWith(' ')) ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A fenced code block whose fence is longer than any backtick run in the text, so the text cannot end it. */
export function mdFence(text: string, language: string): string {
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(text) + 1));
  const body = text.replace(/\r\n?/g, '\n').replace(/\n$/, '');
  return `${fence}${language}\n${body}\n${fence}`;
}

/** A multi-line value (a reason) as a block quote, each line escaped so none starts a heading or a list. */
export function mdQuote(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  return lines
    .map((line) => {
      const escaped = escapeInline(line)
        .replace(/^(\s*)([-+=>#])/, '$1\\$2')
        .replace(/^(\s*\d+)([.)])/, '$1\\$2');
      return escaped.trim().length === 0 ? '>' : `> ${escaped}`;
    })
    .join('\n');
}

/** A GitHub-style table; cells are already Markdown (escape values with mdText or mdCode first). */
export function mdTable(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const cell = (c: string) => (c.length === 0 ? ' ' : c.replace(/\r\n?|\n/g, ' '));
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(head), `|${head.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n');
}

/** A code span for a table cell: GitHub tables split at a pipe even inside code, unless it is escaped. */
export function mdCodeCell(value: string): string {
  return mdCode(value).replace(/\|/g, '\\|');
}
