/** Who and when for the events a command records: --operator and --at, else the user and the real clock. */
import type { Command } from '../../renderer/core/events/schema';
import { documentBytes, MAX_DOCUMENT_BYTES, withinDocumentLimit } from '../../renderer/core/document/document';
import type { Deployment } from '../../renderer/core/model/deployment';
import { renderJson } from '../../renderer/core/runbook';
import { DeploymentSession, type Recorder } from '../../renderer/core/session/session';
import { optional, parseTime, type ParsedArgs } from './args';
import { resolve } from 'node:path';
import { acquireLock, LockedError } from '../node/file-lock';
import { Refused, UsageError } from './cli-error';
import { readOnlyRefusal } from '../../renderer/core/session/integrity';
import { openDeploymentFile, readDeploymentText, writeFileAtomic } from './files';
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
  const text = renderJson(session, io.now());
  // The limit every reader applies, checked before writing: never write a file no command would open.
  if (!withinDocumentLimit(text))
    throw new Refused(
      `${path} would be ${Math.round(documentBytes(text) / 1048576)} MB, more than the ${MAX_DOCUMENT_BYTES / 1048576} MB lync-runbook opens, so nothing was written. Record less text (a shorter paste), or split the deployment.`,
    );
  await writeFileAtomic(path, text);
}

/** A deployment file opened under its lock, and how to save it. */
export interface LockedDeployment {
  readonly session: DeploymentSession;
  /** Saves the session over the file, unless the file changed since it was opened (then Refused). */
  readonly save: () => Promise<void>;
}

/**
 * The whole read-modify-write of a command that records, under the file's lock (one writer at a
 * time, a dead writer's lock reclaimed). Just before the save the file is read again and must be the
 * one opened: a writer that does not take the lock (an older build, a hand edit) is never overwritten.
 * Refusing, not merging: the other writer's events were judged against a history this one never saw,
 * so the admin reopens and records again on what is there now.
 */
export async function withLockedDeployment<T>(
  file: string,
  recorder: Recorder,
  io: CliIo,
  work: (opened: LockedDeployment) => Promise<T>,
): Promise<T> {
  let lock;
  try {
    lock = await acquireLock(resolve(file));
  } catch (error) {
    if (error instanceof LockedError) throw new Refused(error.message);
    throw new UsageError(`Cannot lock ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    const opened = openDeploymentFile(file, io, recorder);
    // A file changed after it was recorded is read-only: refused by the deployment, before any work.
    const readOnly = readOnlyRefusal(opened.session.history, opened.session.integrity());
    if (readOnly !== null) throw new Refused(readOnly);
    const save = async () => {
      if (readDeploymentText(file) !== opened.text)
        throw new Refused(
          `${file} changed since it was opened (another program wrote it): nothing was recorded. Run the command again to record on the file as it is now.`,
        );
      await saveSession(file, opened.session, io);
    };
    return await work({ session: opened.session, save });
  } finally {
    await lock.release();
  }
}
