import { appendFile, mkdir, stat, truncate } from 'node:fs/promises';
import { dirname } from 'node:path';

/** A line logger: main's security refusals and failures, kept in the user's data folder. */
export type Log = (message: string) => void;

/** Largest log file kept: it is emptied at start when larger (the log is for the last sessions only). */
export const MAX_LOG_BYTES = 1024 * 1024;

/**
 * A logger appending to `file` (and echoing to the console in development). Writes are queued so
 * lines keep their order; a failing disk never throws into the caller.
 */
export function createFileLogger(file: string, options: { readonly echo: boolean; readonly now: () => string }): Log {
  let queue: Promise<void> = (async () => {
    try {
      await mkdir(dirname(file), { recursive: true });
      if ((await stat(file)).size > MAX_LOG_BYTES) await truncate(file, 0);
    } catch {
      // No log yet, or none possible: nothing to trim.
    }
  })();
  return (message) => {
    const line = `${options.now()} ${message.replace(/[\r\n]+/g, ' ⏎ ')}\n`;
    if (options.echo) console.log(line.trimEnd());
    queue = queue.then(() => appendFile(file, line)).catch(() => undefined);
  };
}
