/** `lync-runbook evidence`: pasted output read, judged and recorded with its verdict. */
import {
  CONSOLE_LOCALES,
  consoleLocale,
  DEFAULT_CONSOLE_LOCALE,
  evidenceCommands,
  isKnownTimeZone,
  judgeEvidence,
  judgeForOthers,
  toEvidenceInput,
  type EvidenceContext,
} from '../../../renderer/core/evidence';
import { EVIDENCE_KIND_LABELS } from '../../../renderer/core/runbook';
import { serversWaitingForEvidence } from '../../../renderer/core/session/waiting';
import { optional, parseCommandArgs, required } from '../args';
import { Refused, UsageError } from '../cli-error';
import { decodeText, readTextFile } from '../files';
import type { CliIo } from '../io';
import { formatGateStatus, gateStatus, requireServer } from '../server-lookup';
import { stampingOf, STAMP_OPTIONS, withLockedDeployment } from '../session-options';

const C = 'evidence';
/** The longest reason an evidence.rejected event holds. */
const MAX_REASON = 2000;

function cut(reason: string): string {
  return reason.length > MAX_REASON ? `${reason.slice(0, MAX_REASON - 1)}…` : reason;
}

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
    // A replication status of the whole deployment is judged for every other server waiting that it lists.
    const others = judgeForOthers(text, ctx, judgement, serversWaitingForEvidence(session.snapshot()));
    if (others.note !== null) io.out(`Warning: ${others.note}\n`);

    // Each verdict on its own server; one the deployment does not take now (a time it shows is after
    // the clock's, say) is kept as a rejection with the deployment's words, as the app keeps it.
    const outcomes = evidenceCommands(text, ctx, judgement, others.covered).map((command) => {
      if (command.type === 'evidence.accepted') {
        const result = session.record(stamping.stamp(command));
        if (result.ok) return { server: command.server, accepted: true, why: '' };
        const kept = session.record(
          stamping.stamp({
            type: 'evidence.rejected',
            server: command.server,
            input: command.input!,
            reason: cut(result.message),
          }),
        );
        if (!kept.ok) throw new UsageError(kept.message, C);
        return { server: command.server, accepted: false, why: result.message };
      }
      const why = command.reason;
      const result = session.record(stamping.stamp({ ...command, reason: cut(why) }));
      if (!result.ok) throw new UsageError(result.message, C);
      return { server: command.server, accepted: false, why };
    });
    await save();
    const [mine, ...rest] = outcomes;
    for (const o of rest)
      io.out(
        o.accepted
          ? `Also listed, waiting for evidence: ${o.server}: accepted, recorded as its evidence.\n${formatGateStatus(gateStatus(session, requireServer(session, o.server, C)))}\n`
          : `Also listed, waiting for evidence: ${o.server}: rejected (recorded): ${o.why}\n`,
      );
    if (mine!.accepted) {
      io.out(`Accepted: recorded as evidence for ${server.fqdn}.\n${formatGateStatus(gateStatus(session, server))}\n`);
      return 0;
    }
    throw new Refused(`Rejected (recorded): ${mine!.why}`);
  });
}
