// Evidence as the app records it: a paste (the verification script's output, version 2, built from
// the facts a test wants it to show), judged against the session's assignment, with its input kept.
// The deployment judges every accepted paste again, so a test cannot record a proof on its own word.
import type { Command, EvidenceProof } from '../../../renderer/core/events/schema';
import { judgeEvidence, toEvidenceInput, type EvidenceContext } from '../../../renderer/core/evidence';
import type { OAuthAssignment } from '../../../renderer/core/gate/gate';
import type { DeploymentSession } from '../../../renderer/core/session/session';
import { verificationReport, type VerifiedFacts } from '../../support/verification-report';

/** The verification script's one line of output on `server`, as a console shows it. */
export function verificationPaste(server: string, facts: VerifiedFacts): string {
  return `PS C:\\Users\\admin> & C:\\Temp\\verify.ps1\n${verificationReport(server, facts)}\nPS C:\\Users\\admin>`;
}

/** The context a paste is judged in: read as UTC, locale and zone chosen. */
export function judgingContext(server: string, oauth: OAuthAssignment | null): EvidenceContext {
  return { server, oauth, locale: 'en-US', localeChosen: true, timeZone: 'UTC', zoneChosen: true };
}

/**
 * The evidence.accepted command for a paste on `server`, judged as the app judges it; when the judge
 * refuses it, the command carries `otherwise` as its proof (for tests that expect the refusal).
 */
export function pastedEvidence(
  session: DeploymentSession,
  server: string,
  text: string,
  otherwise: EvidenceProof = { server },
): Command & { type: 'evidence.accepted' } {
  const ctx = judgingContext(server, session.snapshot().context.oauth);
  const judgement = judgeEvidence(text, ctx);
  const proof = judgement.verdict.accepted ? judgement.verdict.proof : otherwise;
  return { type: 'evidence.accepted', server, proof, input: toEvidenceInput(judgement, text, ctx) };
}

/** The evidence.accepted command of the verification script's output showing `facts` on `server`. */
export function verifiedEvidence(
  session: DeploymentSession,
  server: string,
  facts: VerifiedFacts,
): Command & { type: 'evidence.accepted' } {
  // Run after the assignment unless told otherwise: a script run before it cannot show the certificate arrived.
  const oauth = session.snapshot().context.oauth;
  const after = oauth === null ? undefined : new Date(Date.parse(oauth.at) + 60_000).toISOString();
  return pastedEvidence(session, server, verificationPaste(server, { ranAt: facts.lastUpdate ?? after, ...facts }));
}

/** A UTC time as an en-US console prints it: "3/14/2013 10:20:00 AM". */
function consoleTime(iso: string): string {
  const d = new Date(iso);
  const h = d.getUTCHours();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${h % 12 === 0 ? 12 : h % 12}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'}`;
}

/** Get-CsManagementStoreReplicationStatus -ReplicaFqdn for `server`, as an en-US console shows it (times UTC). */
export function replicationPaste(server: string, facts: { upToDate: boolean; lastUpdate: string }): string {
  return `PS C:\\Users\\admin> Get-CsManagementStoreReplicationStatus -ReplicaFqdn ${server}

UpToDate           : ${facts.upToDate ? 'True' : 'False'}
ReplicaFqdn        : ${server}
LastStatusReport   : ${consoleTime(facts.lastUpdate)}
LastUpdateCreation : ${consoleTime(facts.lastUpdate)}
ProductVersion     : 5.0.8308.0
`;
}

/** The evidence.accepted command of the CMS master's record of `server` (up to date, last update as given). */
export function replicationEvidence(
  session: DeploymentSession,
  server: string,
  lastUpdate: string,
  upToDate = true,
): Command & { type: 'evidence.accepted' } {
  return pastedEvidence(session, server, replicationPaste(server, { upToDate, lastUpdate }));
}
