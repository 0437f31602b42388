/** Who and when for the events a command records: --operator and --at, else the user and the real clock. */
import { renderJson } from '../../renderer/core/runbook';
import type { DeploymentSession, SessionOptions } from '../../renderer/core/session/session';
import { optional, parseTime, type ParsedArgs } from './args';
import { UsageError } from './cli-error';
import { writeFileAtomic } from './files';
import type { CliIo } from './io';

/** The options --operator and --at, in parseArgs form, for commands that record. */
export const STAMP_OPTIONS = { operator: { type: 'string' }, at: { type: 'string' } } as const;

/** The session options of a command: the operator and the time to stamp events with. */
export function sessionOptions(
  args: ParsedArgs,
  io: CliIo,
  command: string,
): SessionOptions & { readonly at: string | null } {
  const operator = optional(args, 'operator') ?? io.user();
  if (operator.trim().length === 0 || operator.length > 200)
    throw new UsageError('--operator must be a name of 1 to 200 characters.', command);
  const typed = optional(args, 'at');
  const at = typed === undefined ? null : parseTime(typed, 'at', command);
  return { operator: operator.trim(), clock: { now: () => at ?? io.now() }, wallClock: { now: () => io.now() }, at };
}

/** Saves a session to its file (atomically, the previous version kept as .bak). */
export function saveSession(path: string, session: DeploymentSession, io: CliIo): void {
  writeFileAtomic(path, renderJson(session, io.now()));
}
