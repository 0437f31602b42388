/** Who and when for the events a command records: --operator and --at, else the user and the real clock. */
import type { Command } from '../../renderer/core/events/schema';
import type { Deployment } from '../../renderer/core/model/deployment';
import { renderJson } from '../../renderer/core/runbook';
import { DeploymentSession, type Recorder } from '../../renderer/core/session/session';
import { optional, parseTime, type ParsedArgs } from './args';
import { UsageError } from './cli-error';
import { writeFileAtomic } from './files';
import type { CliIo } from './io';

/** The options --operator and --at, in parseArgs form, for commands that record. */
export const STAMP_OPTIONS = { operator: { type: 'string' }, at: { type: 'string' } } as const;

/** Who records (checked against the real clock), and the time --at gives the events, if any. */
export interface Stamping {
  readonly recorder: Recorder;
  /** The command with --at as its time, when --at was given (the session stamps the others with now). */
  readonly stamp: <C extends Command>(command: C) => C;
}

/** The stamping of a command's events: the operator (--operator or the user) and --at. */
export function stampingOf(args: ParsedArgs, io: CliIo, command: string): Stamping {
  const operator = optional(args, 'operator') ?? io.user();
  if (operator.trim().length === 0 || operator.length > 200)
    throw new UsageError('--operator must be a name of 1 to 200 characters.', command);
  const typed = optional(args, 'at');
  const at = typed === undefined ? null : parseTime(typed, 'at', command);
  return {
    recorder: { operator: operator.trim(), clock: { now: io.now } },
    stamp: (c) => (at === null ? c : { ...c, at }),
  };
}

/** A new session holding a new deployment, created as --operator at --at. */
export function createSession(deployment: Deployment, stamping: Stamping, command: string): DeploymentSession {
  const session = DeploymentSession.empty(stamping.recorder);
  const created = session.record(stamping.stamp({ type: 'deployment.created', deployment }));
  if (!created.ok) throw new UsageError(created.message, command);
  return session;
}

/** Saves a session to its file (atomically, the previous version kept as .bak). */
export async function saveSession(path: string, session: DeploymentSession, io: CliIo): Promise<void> {
  await writeFileAtomic(path, renderJson(session, io.now()));
}
