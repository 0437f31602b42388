/**
 * Finding the script's JSON in a paste: the lines that hold it, re-joined where the console wrapped
 * them, and cut at the brace that closes the object.
 */
import type { ConsoleLine } from './console-text';
import { VERIFY_SCHEMA } from './verification-json-schema';

const MAX_JSON = 20_000;
const MAX_WRAPPED_LINES = 60;

/** Follows JSON nesting across pieces, so joining wrapped lines never rescans what was seen. */
class BraceScanner {
  private depth = 0;
  private inString = false;
  private escaped = false;
  private seen = 0;

  /** Feeds the next piece; returns the index in all text fed so far just past the closing brace, or -1. */
  feed(piece: string): number {
    for (let i = 0; i < piece.length; i++) {
      const c = piece[i];
      if (this.escaped) this.escaped = false;
      else if (this.inString) {
        if (c === '\\') this.escaped = true;
        else if (c === '"') this.inString = false;
      } else if (c === '"') this.inString = true;
      else if (c === '{' || c === '[') this.depth++;
      else if (c === '}' || c === ']') {
        this.depth--;
        if (this.depth === 0) return this.seen + i + 1;
      }
    }
    this.seen += piece.length;
    return -1;
  }
}

/** One JSON object found in the paste, whether it closed, and how many wrapped lines were joined to it. */
export interface Found {
  readonly json: string;
  readonly complete: boolean;
  readonly joined: number;
  readonly line: number;
}

/** Every JSON object the paste holds that looks like the script's, joining console-wrapped lines. */
export function findJson(lines: readonly ConsoleLine[]): Found[] {
  const found: Found[] = [];
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i] as ConsoleLine;
    const head = first.text.slice(0, MAX_JSON);
    const start = head.indexOf('{');
    if (start < 0 || !(head.includes(VERIFY_SCHEMA) || /^\{\s*"schema/.test(head.slice(start)))) continue;
    let json = head.slice(start);
    const scanner = new BraceScanner();
    let end = scanner.feed(json);
    let j = i;
    // A console wraps a long line at its width without adding anything, so the pieces join as they are.
    while (end < 0 && j + 1 < lines.length && j - i < MAX_WRAPPED_LINES && json.length < MAX_JSON) {
      const next = lines[j + 1] as ConsoleLine;
      if (next.noise !== null || next.blank) break;
      const piece = next.text.trimEnd();
      json += piece;
      j++;
      end = scanner.feed(piece);
    }
    found.push({ json: end < 0 ? json : json.slice(0, end), complete: end >= 0, joined: j - i, line: first.no });
    i = j;
  }
  return found;
}
