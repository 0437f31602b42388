/** `lync-runbook export`: the runbook as Markdown, HTML or JSON, to a file or standard output. */
import { exportRunbook, RUNBOOK_FORMATS } from '../../../renderer/core/runbook';
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { flag, oneOf, optional, parseCommandArgs, parseTime, required } from '../args';
import { UsageError } from '../cli-error';
import { openDeploymentFile, writeFileAtomic } from '../files';
import type { CliIo } from '../io';
import { exportTimeRefusal } from '../../../renderer/core/session/time.rules';

const C = 'export';

/** True when both paths name one file on disk (through links, other spellings or a hard link). */
function sameFile(a: string, b: string): boolean {
  try {
    if (realpathSync(a) === realpathSync(b)) return true;
    const [x, y] = [statSync(a), statSync(b)];
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/** True when the file is a lync-runbook deployment (as far as its first bytes tell). */
function isDeployment(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    const head = readFileSync(path).subarray(0, 4096).toString('utf8');
    return /^\s*\{\s*"format"\s*:\s*"lync-runbook"/.test(head);
  } catch {
    return false;
  }
}

/**
 * No output over an input: the runbook never replaces the deployment it was made from, nor another
 * deployment, unless it is the JSON export (itself a deployment) and --force says so.
 */
function checkOut(out: string, deployment: string, format: string, force: boolean): void {
  if (existsSync(out) && sameFile(out, deployment))
    throw new UsageError(
      `--out ${out} is the deployment file itself: the export would replace it. Choose another file for the runbook; nothing was written.`,
      C,
    );
  if (isDeployment(out) && !(format === 'json' && force))
    throw new UsageError(
      format === 'json'
        ? `${out} is a lync-runbook deployment; add --force to replace it with this export (the old one is kept as ${out}.bak), or choose another --out.`
        : `${out} is a lync-runbook deployment, and the ${format === 'md' ? 'Markdown' : 'HTML'} runbook would replace it. Choose another --out; nothing was written.`,
      C,
    );
}

/** Writes the runbook; the export time printed in it is --at or now. */
export async function runExport(argv: readonly string[], io: CliIo): Promise<number | 'help'> {
  const args = parseCommandArgs(
    C,
    argv,
    { format: { type: 'string' }, out: { type: 'string' }, at: { type: 'string' }, force: { type: 'boolean' } },
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
  const { session } = openDeploymentFile(args.positionals[0]!, io);
  const refusal = exportTimeRefusal(session.history, at);
  if (refusal !== null) throw new UsageError(refusal, C);
  const text = exportRunbook(session, format, at);
  const out = optional(args, 'out');
  if (out === undefined) {
    io.out(text);
  } else {
    checkOut(out, args.positionals[0]!, format, flag(args, 'force'));
    await writeFileAtomic(out, text);
    io.out(`Wrote the ${format} runbook to ${out}.\n`);
  }
  return 0;
}
