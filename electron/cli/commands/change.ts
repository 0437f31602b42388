/**
 * `lync-runbook change`: the change a deployment is carried out under (ID, window, implementers,
 * approver, rollback), and its sign-off, which signs the chain head of the whole history so far.
 */
import { parseCommandArgs, flag, optional, parseTime, required } from '../args';
import { Refused, UsageError } from '../cli-error';
import type { CliIo } from '../io';
import { STAMP_OPTIONS, stampingOf, withLockedDeployment } from '../session-options';
import { timelineEntries, timelineLine } from '../../../renderer/core/runbook';
import type { Command } from '../../../renderer/core/events/schema';

const C = 'change';

/** Records the change record, or with --sign-off a sign-off (exit 0), or says why not (exit 1). */
export async function runChange(argv: readonly string[], io: CliIo): Promise<number | 'help'> {
  const args = parseCommandArgs(
    C,
    argv,
    {
      id: { type: 'string' },
      'window-start': { type: 'string' },
      'window-end': { type: 'string' },
      implementers: { type: 'string' },
      approver: { type: 'string' },
      rollback: { type: 'string' },
      'sign-off': { type: 'boolean' },
      by: { type: 'string' },
      as: { type: 'string' },
      ...STAMP_OPTIONS,
    },
    { min: 1, max: 1, names: 'the deployment file' },
  );
  if (args.help) return 'help';
  const file = args.positionals[0]!;
  const signing = flag(args, 'sign-off');
  const recordOptions = ['id', 'window-start', 'window-end', 'implementers', 'approver', 'rollback'];
  const signOptions = ['by', 'as'];
  for (const option of signing ? recordOptions : signOptions)
    if (optional(args, option) !== undefined)
      throw new UsageError(`--${option} goes with ${signing ? 'recording the change' : '--sign-off'}, not here.`, C);
  const command: Command = signing
    ? {
        type: 'change.signed',
        by: required(args, 'by', C, 'NAME'),
        as: required(args, 'as', C, 'ROLE (e.g. approver)'),
      }
    : {
        type: 'change.recorded',
        change: {
          id: required(args, 'id', C, 'ID (e.g. CHG-9999)'),
          windowStart: parseTime(required(args, 'window-start', C, 'TIME'), 'window-start', C),
          windowEnd: parseTime(required(args, 'window-end', C, 'TIME'), 'window-end', C),
          implementers: required(args, 'implementers', C, 'NAMES (comma-separated)')
            .split(',')
            .map((n) => n.trim())
            .filter((n) => n !== ''),
          approver: required(args, 'approver', C, 'NAME'),
          rollback: required(args, 'rollback', C, 'TEXT (how the change is backed out)'),
        },
      };
  const stamping = stampingOf(args, io, C);
  return withLockedDeployment(file, stamping.recorder, io, async ({ session, save }) => {
    const cmd = stamping.stamp(command);
    const prepared = session.prepare(cmd);
    if (!prepared.ok) throw new UsageError(prepared.message, C);
    const result = session.record(cmd);
    if (!result.ok) throw new Refused(result.message);
    await save();
    const entry = timelineEntries(session.history, session.facts).find((e) => e.seq === result.seq)!;
    io.out(`Recorded: ${timelineLine(entry)}${entry.detail ? `\n  ${entry.detail}` : ''}\n`);
    return 0;
  });
}
