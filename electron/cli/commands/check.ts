/** `lync-runbook check`: each server's step and gate status, and an exit code that says whether one is blocked. */
import { flag, parseCommandArgs } from '../args';
import { openDeploymentFile } from '../files';
import type { CliIo } from '../io';
import { formatGateStatus, gateStatuses } from '../server-lookup';

const C = 'check';

/** Prints one line per server; 0 when nothing is blocked, 1 when something is or the file was changed after it was recorded. */
export async function runCheck(argv: readonly string[], io: CliIo): Promise<number | 'help'> {
  const args = parseCommandArgs(
    C,
    argv,
    { json: { type: 'boolean' } },
    { min: 1, max: 1, names: 'the deployment file' },
  );
  if (args.help) return 'help';
  const { session } = openDeploymentFile(args.positionals[0]!, io);
  const lines = gateStatuses(session);
  if (flag(args, 'json')) {
    io.out(`${JSON.stringify(lines, null, 2)}\n`);
  } else {
    const width = Math.max(0, ...lines.map((l) => l.server.length));
    for (const line of lines) io.out(`${formatGateStatus(line, width)}\n`);
  }
  // A history changed after it was recorded is not a clean check, whatever its gates say.
  return lines.some((l) => l.blocked) || session.integrity().changed.length > 0 ? 1 : 0;
}
