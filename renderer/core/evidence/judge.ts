/**
 * The one entry point for pasted evidence: finds out what was pasted and hands it to the judge of
 * that kind. Pure and total: any text gives a judgement, never an exception.
 */
import type { EvidenceKind } from '../events/schema';
import { judgeCertificate, looksLikeCertificate } from './certificate';
import { CMS_STATUS_COMMAND, looksLikeCmsStatus } from './cms-status';
import { consoleLines, errorHeads, noiseSummary, shown, type ConsoleLine } from './console-text';
import { judgeEventLog } from './event-log';
import { looksLikeEventLog } from './event-log-shapes';
import type { EvidenceContext, EvidenceJudgement } from './judgement';
import { judgeReplicationStatus, looksLikeReplicationStatus } from './replication-status';
import { judgeVerificationJson, looksLikeVerificationJson } from './verification-json';
import { reject } from './verdict';
import { utf8Bytes } from '../model/utf8';

/** The longest paste judged, in UTF-8 bytes: the limit of the text an evidence event records. */
export const MAX_EVIDENCE_TEXT = 1_000_000;

const KIND_NAMES: Readonly<Record<EvidenceKind, string>> = {
  'verification-json': 'verification script output',
  'replication-status': 'Get-CsManagementStoreReplicationStatus output',
  'event-log': 'an event log listing',
  certificate: 'Get-CsCertificate output',
};

/** Every kind the paste holds, most conclusive first (the verification script says the most). */
export function detectEvidenceKinds(lines: readonly ConsoleLine[]): EvidenceKind[] {
  const kinds: EvidenceKind[] = [];
  if (looksLikeVerificationJson(lines)) kinds.push('verification-json');
  if (looksLikeReplicationStatus(lines)) kinds.push('replication-status');
  if (looksLikeEventLog(lines)) kinds.push('event-log');
  if (looksLikeCertificate(lines)) kinds.push('certificate');
  return kinds;
}

const ACCEPTED_INPUT =
  "Paste one of: the verification script's output (preferred), Get-CsCertificate -Type OAuthTokenIssuer run on the server, or Get-CsManagementStoreReplicationStatus. Event 3038 from the Lync Server log (Get-WinEvent, Get-EventLog or Event Viewer's copied text) is read too, but only corroborates.";

/** Reads pasted evidence, says what was read, and judges whether it proves `ctx.server` holds the OAuth assignment. */
export function judgeEvidence(text: string, ctx: EvidenceContext): EvidenceJudgement {
  const bytes = text.length > MAX_EVIDENCE_TEXT / 3 ? utf8Bytes(text) : text.length;
  if (bytes > MAX_EVIDENCE_TEXT) {
    return {
      kind: null,
      read: [],
      records: null,
      warnings: [],
      verdict: reject(
        'unrecognised',
        `The paste is ${bytes.toLocaleString('en-US')} bytes long, more than the ${MAX_EVIDENCE_TEXT.toLocaleString('en-US')} read. Paste only the command's output.`,
      ),
    };
  }
  const lines = consoleLines(text);
  const kinds = detectEvidenceKinds(lines);
  const kind = kinds[0];
  if (kind === undefined) {
    const errors = errorHeads(lines);
    const noise = noiseSummary(lines);
    const message =
      errors.length > 0
        ? `The paste holds a PowerShell error and no output to judge: "${shown(errors[0] as string, 300)}". Fix what the error says, run the command again, and paste its output.`
        : looksLikeCmsStatus(lines)
          ? `This is the output of ${CMS_STATUS_COMMAND}: it shows the CMS pool's replication services, not this server's local store. Paste it in path B's item "Check the CMS pool's replication services". ${ACCEPTED_INPUT}`
          : text.trim().length === 0
            ? `Nothing was pasted. ${ACCEPTED_INPUT}`
            : `This text is not output this app can judge. ${ACCEPTED_INPUT}`;
    return {
      kind: null,
      read: noise === null ? [] : [noise],
      records: null,
      warnings: [],
      verdict: reject('unrecognised', message),
    };
  }
  const judgement =
    kind === 'verification-json'
      ? judgeVerificationJson(lines, ctx)
      : kind === 'replication-status'
        ? judgeReplicationStatus(lines, ctx)
        : kind === 'event-log'
          ? judgeEventLog(lines, ctx)
          : judgeCertificate(lines, ctx);
  const extra = kinds
    .slice(1)
    .map((k) => `The paste also holds ${KIND_NAMES[k]}, which was not judged: paste it on its own to judge it.`);
  const errors = errorHeads(lines).map((e) => `The paste holds a PowerShell error: "${shown(e, 300)}".`);
  return { ...judgement, warnings: [...judgement.warnings, ...errors, ...extra] };
}
