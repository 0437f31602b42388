/**
 * Pasted console text cut into lines, with the lines that are not command output (prompts,
 * PowerShell error records) recognised so the parsers can step over them and say so.
 */

/** One line of the paste, numbered from 1 as an editor would show it. */
export interface ConsoleLine {
  readonly no: number;
  readonly text: string;
  readonly noise: 'prompt' | 'error' | null;
  /** Nothing but whitespace. */
  readonly blank: boolean;
}

/** Lines longer than this are never output of the commands read here (the JSON is joined apart). */
export const MAX_LINE = 4096;

// Each pattern is anchored and has no nested or overlapping quantifiers, so it runs in linear time.
const PROMPT = /^\s{0,8}(?:\[([^\]]{1,253})\]:\s?)?PS(?: [^>]{0,1000})?>/;
const ERROR_HEAD = /^[A-Z][A-Za-z]{1,30}-[A-Za-z0-9]{1,80} : \S/;
const ERROR_TAIL =
  /^\s{0,8}(?:At line:\d|At .{1,300}:\d{1,9} char:\d|\+ |\+$|CategoryInfo\s{0,20}:|FullyQualifiedErrorId\s{0,20}:)/;

/** Splits pasted text into lines and marks prompt and error lines. */
export function consoleLines(text: string): ConsoleLine[] {
  // Unicode's line and paragraph separators and NEL end a line too: a value never hides one.
  const raw = text.split(/\r\n|[\r\n\u2028\u2029\u0085]/);
  const lines: ConsoleLine[] = [];
  for (let i = 0; i < raw.length; i++) {
    const line = raw[i] as string;
    let noise: ConsoleLine['noise'] = null;
    const blank = isBlank(line);
    if (line.length <= MAX_LINE && !blank) {
      if (PROMPT.test(line)) noise = 'prompt';
      else if (ERROR_HEAD.test(line) || ERROR_TAIL.test(line)) noise = 'error';
    }
    lines.push({ no: i + 1, text: line, noise, blank });
  }
  return lines;
}

/** The machines named by remoting prompts ("[fe01.contoso.local]: PS C:\>"), in order of appearance. */
export function promptHosts(lines: readonly ConsoleLine[]): string[] {
  const hosts: string[] = [];
  for (const line of lines) {
    if (line.noise !== 'prompt') continue;
    const host = PROMPT.exec(line.text)?.[1]?.trim();
    if (host !== undefined && host.length > 0 && !hosts.some((h) => h.toLowerCase() === host.toLowerCase()))
      hosts.push(host);
  }
  return hosts;
}

/** The first line of each PowerShell error record in the paste. */
export function errorHeads(lines: readonly ConsoleLine[]): string[] {
  return lines.filter((l) => l.noise === 'error' && ERROR_HEAD.test(l.text)).map((l) => l.text.trim());
}

/** A one-line account of what was stepped over, or null when nothing was. */
export function noiseSummary(lines: readonly ConsoleLine[]): string | null {
  const prompts = lines.filter((l) => l.noise === 'prompt').length;
  const errors = errorHeads(lines).length;
  const parts: string[] = [];
  if (prompts > 0) parts.push(`${prompts} prompt line${prompts === 1 ? '' : 's'}`);
  if (errors > 0) parts.push(`${errors} PowerShell error${errors === 1 ? '' : 's'}`);
  return parts.length === 0 ? null : `Stepped over ${parts.join(' and ')}.`;
}

/** True for characters that could disguise what the admin is shown: controls, bidi overrides, BOM. */
function isUnsafe(code: number): boolean {
  return (
    (code < 0x20 && code !== 0x09 && code !== 0x0a) ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0xfeff
  );
}

/** A pasted value made safe and short enough to show in a sentence. */
export function shown(value: string, max = 120): string {
  const head = value.length > max * 4 ? value.slice(0, max * 4) : value;
  let safe = '';
  for (let i = 0; i < head.length; i++) safe += isUnsafe(head.charCodeAt(i)) ? '?' : head[i];
  const clean = safe.replace(/\s+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/** True for a line with nothing but whitespace. */
export function isBlank(text: string): boolean {
  return text.trim().length === 0;
}
