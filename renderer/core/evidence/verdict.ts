/** Building blocks the evidence judges share: server matching, refusals, and the final proof check. */
import type { EvidenceProof } from '../events/schema';
import { proofCoversAssignment, type OAuthAssignment } from '../gate/gate';
import { normalizeFqdn, sameFqdn, shortName } from '../model/fqdn';
import type { ListRecord } from './format-list';
import type { EvidenceContext, EvidenceRejection, EvidenceVerdict } from './judgement';

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
  return `the OAuthTokenIssuer assignment on ${oauth.server} at ${oauth.at}`;
}

/**
 * Accepts a proof only if the gate itself would take it for this server and assignment, so no
 * judge can accept what the gate would then ignore.
 */
export function acceptProof(proof: EvidenceProof, ctx: EvidenceContext, otherwise: EvidenceVerdict): EvidenceVerdict {
  if (ctx.oauth === null || !proofCoversAssignment(proof, ctx.server, ctx.oauth)) return otherwise;
  return { accepted: true, proof };
}

/** The machine named by a remoting prompt that is not this server, if any (output run elsewhere). */
export function otherPromptHost(hosts: readonly string[], server: string): string | null {
  const local = /^(?:localhost|\.|127\.0\.0\.1|::1)$/i;
  return hosts.find((h) => !local.test(h.trim()) && matchServer(h, server) === 'other') ?? null;
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
