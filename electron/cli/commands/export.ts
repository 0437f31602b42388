/** `lync-runbook export`: the runbook as Markdown, HTML or JSON, to a file or standard output. */
import { exportRunbook, RUNBOOK_FORMATS } from '../../../renderer/core/runbook';
import { oneOf, optional, parseCommandArgs, parseTime, required } from '../args';
import { UsageError } from '../cli-error';
import { openDeploymentFile, writeFileAtomic } from '../files';
import type { CliIo } from '../io';

const C = 'export';

/** Writes the runbook; the export time printed in it is --at or now. */
export async function runExport(argv: readonly string[], io: CliIo): Promise<number | 'help'> {
  const args = parseCommandArgs(
    C,
    argv,
    { format: { type: 'string' }, out: { type: 'string' }, at: { type: 'string' } },
    { min: 1, max: 1, names: 'the deployment file' },
  );
  if (args.help) return 'help';
  const formatText = required(args, 'format', C, 'md|html|json');
  if (formatText.trim().toLowerCase() === 'pdf')
    throw new UsageError(
      'PDF is not made here: export --format html and print it to PDF from a browser, or export PDF from the app.',
      C,
    );
  const format = oneOf(formatText, RUNBOOK_FORMATS, 'The format', C);
  const typed = optional(args, 'at');
  const at = typed === undefined ? io.now() : parseTime(typed, 'at', C);
  const { session } = openDeploymentFile(args.positionals[0]!);
  const text = exportRunbook(session, format, at);
  const out = optional(args, 'out');
  if (out === undefined) {
    io.out(text);
  } else {
    await writeFileAtomic(out, text);
    io.out(`Wrote the ${format} runbook to ${out}.\n`);
  }
  return 0;
}
