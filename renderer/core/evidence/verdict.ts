/** Building blocks the evidence judges share: server matching, refusals, and the final proof check. */
import type { EvidenceProof } from '../events/schema';
import { proofCoversAssignment, type OAuthAssignment } from '../gate/gate';
import { normalizeFqdn, sameFqdn, shortName } from '../model/fqdn';
import type { ListRecord } from './format-list';
import type { EvidenceContext, EvidenceRejection, EvidenceVerdict } from './judgement';
import { utcText } from '../model/time';

/** How a machine name in the output compares with the server being judged. */
export type ServerMatch = 'same' | 'short-name' | 'other';

/** Compares a printed machine name with the server: FQDNs case-insensitively; a bare name by its first label. */
export function matchServer(printed: string, server: string): ServerMatch {
  const name = printed.trim();
  if (name.length === 0) return 'other';
  if (sameFqdn(name, server)) return 'same';
  if (!name.includes('.') && normalizeFqdn(name) === normalizeFqdn(shortName(server))) return 'short-name';
  return 'other';
}

/** A refusal with its reason and the message that says what is wrong and what to do. */
export function reject(reason: EvidenceRejection, message: string): EvidenceVerdict {
  return { accepted: false, reason, message };
}

/** The refusal when no OAuth assignment is recorded: there is nothing for evidence to prove yet. */
export function noAssignment(): EvidenceVerdict {
  return reject(
    'no-assignment',
    'No OAuthTokenIssuer assignment is recorded in this deployment, so there is nothing for this evidence to prove yet. Record the assignment (Step 3 on the server that assigned the certificate), then paste the evidence again.',
  );
}

/** "the OAuth assignment on fe01.contoso.local at 2013-03-14T10:00:00.000Z" */
export function assignmentText(oauth: OAuthAssignment): string {
  return `the OAuthTokenIssuer assignment on ${oauth.server} at ${utcText(oauth.at)}`;
}

/**
 * Accepts a proof only if the gate itself would take it for this server and assignment, so no
 * judge can accept what the gate would then ignore.
 */
export function acceptProof(proof: EvidenceProof, ctx: EvidenceContext, otherwise: EvidenceVerdict): EvidenceVerdict {
  if (ctx.oauth === null || !proofCoversAssignment(proof, ctx.server, ctx.oauth)) return otherwise;
  return { accepted: true, proof };
}

/**
 * How far a time read in the wrong zone can be off: from UTC-12 to UTC+14 is 26 hours (a Los Angeles
 * workstation reading a Tokyo server's console is 17 hours off; 14 hours either side would miss it).
 */
const WIDEST_ZONE_SPREAD_MS = 26 * 3_600_000;

/**
 * The refusal of a console time read in the workstation's zone (the admin chose none) that lies so
 * close to the assignment that the server's zone decides which came first: a Berlin server's 10:30
 * is 09:30 UTC, before a 10:00 UTC assignment, but read as 10:30 UTC it would pass.
 */
export function zoneNotChosenRefusal(
  date: { readonly iso: string; readonly wall: string; readonly zoned: boolean },
  what: string,
  ctx: EvidenceContext,
): EvidenceVerdict | null {
  if (date.zoned || ctx.zoneChosen || ctx.oauth === null) return null;
  if (Math.abs(Date.parse(date.iso) - Date.parse(ctx.oauth.at)) > WIDEST_ZONE_SPREAD_MS) return null;
  return reject(
    'zone-not-chosen',
    `${what} ${date.wall} carries no time zone and lies within 26 hours of ${assignmentText(ctx.oauth)}, so whether it came after depends on ${ctx.server}'s time zone, which has not been chosen (it was read in this workstation's, ${ctx.timeZone}). Choose the server's time zone, then judge again.`,
  );
}

/**
 * What to paste instead of a listing that does not say which machine it came from: a remote session's
 * prompt names it ("[fe02]: PS C:\\>"), as PSComputerName does for Invoke-Command output (replication-and-pools P6).
 */
export function ownViewAdvice(server: string, command: string): string {
  return `Paste ${server}'s own view: the verification script's output (preferred: it names the computer), or run ${command} in a remote session on ${server} (Enter-PSSession ${server}), so the prompt names it, and paste the prompt with the output.`;
}

const LOCAL_HOST = /^(?:localhost|\.|127\.0\.0\.1|::1)$/i;

/** The machine named by a remoting prompt that is not this server, if any (output run elsewhere). */
export function otherPromptHost(hosts: readonly string[], server: string): string | null {
  return hosts.find((h) => !LOCAL_HOST.test(h.trim()) && matchServer(h, server) === 'other') ?? null;
}

/** True when a remoting prompt names this server (by FQDN or short name). */
export function promptNamesServer(hosts: readonly string[], server: string): boolean {
  return hosts.some((h) => matchServer(h, server) !== 'other');
}

/** The refusal of a paste in which one block shows a property twice (never read by either value), if any. */
export function repeatedPropertyRefusal(records: readonly ListRecord[]): EvidenceVerdict | null {
  const twice = records.find((r) => r.repeats !== null);
  if (twice === undefined) return null;
  return reject(
    'unrecognised',
    `The block at line ${twice.firstLine} shows ${twice.repeats} a second time with no blank line between, so it cannot be told which value is the block's: the paste was changed, or two outputs ran together. Run the command again and paste its output unchanged.`,
  );
}
