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

/** The process's own streams and clock. */
export function nodeIo(): CliIo {
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    stdin: () => readFileSync(0),
    now: () => new Date().toISOString(),
    user: currentUser,
    timeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
  };
}
