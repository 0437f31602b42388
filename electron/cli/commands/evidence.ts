/** `lync-runbook evidence`: pasted output read, judged and recorded with its verdict. */
import {
  CONSOLE_LOCALES,
  consoleLocale,
  DEFAULT_CONSOLE_LOCALE,
  isKnownTimeZone,
  judgeEvidence,
  toEvidenceInput,
  type EvidenceContext,
} from '../../../renderer/core/evidence';
import { EVIDENCE_KIND_LABELS } from '../../../renderer/core/runbook';
import { optional, parseCommandArgs, required } from '../args';
import { Refused, UsageError } from '../cli-error';
import { decodeText, readTextFile } from '../files';
import type { CliIo } from '../io';
import { formatGateStatus, gateStatus, requireServer } from '../server-lookup';
import { stampingOf, STAMP_OPTIONS, withLockedDeployment } from '../session-options';

const C = 'evidence';
/** The longest reason an evidence.rejected event holds. */
const MAX_REASON = 2000;

/** Judges the paste; records evidence.accepted (exit 0) or evidence.rejected (exit 1, with the reason). */
export async function runEvidence(argv: readonly string[], io: CliIo): Promise<number | 'help'> {
  const args = parseCommandArgs(
    C,
    argv,
    {
      server: { type: 'string' },
      input: { type: 'string' },
      locale: { type: 'string' },
      'time-zone': { type: 'string' },
      ...STAMP_OPTIONS,
    },
    { min: 1, max: 1, names: 'the deployment file' },
  );
  if (args.help) return 'help';
  const file = args.positionals[0]!;
  const fqdn = required(args, 'server', C, 'FQDN');
  const inputPath = required(args, 'input', C, 'PATH (or - for standard input)');
  const localeText = optional(args, 'locale');
  const locale = consoleLocale(localeText ?? DEFAULT_CONSOLE_LOCALE);
  if (locale === null)
    throw new UsageError(
      `--locale "${localeText}" is not a locale; use one such as ${CONSOLE_LOCALES.map((l) => l.id).join(', ')}.`,
      C,
    );
  const timeZone = optional(args, 'time-zone') ?? io.timeZone();
  if (!isKnownTimeZone(timeZone))
    throw new UsageError(
      `--time-zone "${timeZone}" is not an IANA time zone such as Europe/London or America/Los_Angeles.`,
      C,
    );

  const stamping = stampingOf(args, io, C);
  return withLockedDeployment(file, stamping.recorder, io, async ({ session, save }) => {
    const server = requireServer(session, fqdn, C);
    const text =
      inputPath === '-' ? decodeText(io.stdin(), 'Standard input') : readTextFile(inputPath, 'The evidence file');

    const ctx: EvidenceContext = {
      server: server.fqdn,
      oauth: session.snapshot().context.oauth,
      locale: locale.id,
      localeChosen: localeText !== undefined,
      timeZone,
      zoneChosen: optional(args, 'time-zone') !== undefined,
    };
    const judgement = judgeEvidence(text, ctx);
    const input = toEvidenceInput(judgement, text, ctx);
    io.out(`Evidence for ${server.fqdn}: ${EVIDENCE_KIND_LABELS[input.kind]}, read as ${locale.id} in ${timeZone}.\n`);
    if (judgement.read.length > 0) io.out(`Read:\n${judgement.read.map((l) => `  ${l}`).join('\n')}\n`);
    for (const warning of judgement.warnings) io.out(`Warning: ${warning}\n`);

    const verdict = judgement.verdict;
    let rejection: string;
    if (verdict.accepted) {
      const result = session.record(
        stamping.stamp({ type: 'evidence.accepted', server: server.fqdn, proof: verdict.proof, input }),
      );
      if (result.ok) {
        await save();
        io.out(
          `Accepted: recorded as evidence for ${server.fqdn}.\n${formatGateStatus(gateStatus(session, server))}\n`,
        );
        return 0;
      }
      // It reads as proof, but the deployment does not take it now (a time it shows is after the
      // clock's, say): kept as a rejection with the deployment's words, as the app keeps it.
      rejection = result.message;
    } else rejection = verdict.message;
    const reason = rejection.length > MAX_REASON ? `${rejection.slice(0, MAX_REASON - 1)}…` : rejection;
    const result = session.record(stamping.stamp({ type: 'evidence.rejected', server: server.fqdn, input, reason }));
    if (!result.ok) throw new UsageError(result.message, C);
    await save();
    throw new Refused(`Rejected (recorded): ${rejection}`);
  });
}
