/** What a command may touch of the world: output streams, stdin, the clock and who runs it. */
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { capText, visibleText } from '../../renderer/core/model/visible-text';

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

/** Text made safe for a terminal (see visibleText: escape sequences and bidi marks shown as codes). */
export const terminalSafe = visibleText;

/** The longest message echoed on standard error; a value pasted whole can be megabytes long. */
export const MAX_MESSAGE = 4000;

/** A message cut to MAX_MESSAGE characters, saying how much was left out. */
export function capMessage(message: string): string {
  return capText(message, MAX_MESSAGE);
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
