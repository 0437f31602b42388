/** What a command may touch of the world: output streams, stdin, the clock and who runs it. */
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';

/** The outside world of a command, so commands stay plain functions. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Everything piped into the program. */
  readonly stdin: () => Buffer;
  /** The real clock, as an ISO 8601 UTC time. */
  readonly now: () => string;
  /** Who is running the command: the recorded operator unless --operator says otherwise. */
  readonly user: () => string;
  /** The workstation's IANA time zone. */
  readonly timeZone: () => string;
}

function currentUser(): string {
  try {
    const name = userInfo().username;
    if (name.trim().length > 0) return name;
  } catch {
    // No passwd entry (a container with an arbitrary uid): fall back to the environment.
  }
  return process.env.USER ?? process.env.USERNAME ?? 'unknown';
}

// C0 and C1 controls but tab and newline, and the marks that reorder or hide text on screen.
const UNSAFE_ON_TERMINAL =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200B\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF]/g;

/**
 * Text made safe for a terminal: an escape sequence from a topology or a paste could move the cursor,
 * rewrite what was printed or retitle the window, and a bidi mark could show a name reversed. Each
 * such character is shown as its code (\u001B) instead.
 */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE_ON_TERMINAL, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

/** The longest message echoed on standard error; a value pasted whole can be megabytes long. */
export const MAX_MESSAGE = 4000;

/** A message cut to MAX_MESSAGE characters, saying how much was left out. */
export function capMessage(message: string): string {
  if (message.length <= MAX_MESSAGE) return message;
  return `${message.slice(0, MAX_MESSAGE)}… (${(message.length - MAX_MESSAGE).toLocaleString('en-US')} more characters not shown)`;
}

/** The process's own streams and clock; what goes to a terminal is made safe for it (files and pipes get it as is). */
export function nodeIo(): CliIo {
  return {
    out: (text) => process.stdout.write(process.stdout.isTTY ? terminalSafe(text) : text),
    err: (text) => process.stderr.write(process.stderr.isTTY ? terminalSafe(text) : text),
    stdin: () => readFileSync(0),
    now: () => new Date().toISOString(),
    user: currentUser,
    timeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
  };
}
