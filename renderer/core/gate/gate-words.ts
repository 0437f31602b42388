/** The gate's verdict in plain text, as the runbook and the command line print it (the UI renders its own). */
import { shortName } from '../model/fqdn';
import type { BlockedVerdict, GateVerdict } from './gate';
import { utcText } from '../model/time';

/** What a blocked server is, in a few words: a label in a list or a table. */
export const BLOCKED_LABEL = 'blocked: stale local replica';

/** The same as the title of a message (and the first words of the explanation). */
export const STALE_REPLICA = 'Blocked: stale local replica';

/** Why a blocked server is blocked: both times, and what to do. */
export function staleReplicaFacts(verdict: BlockedVerdict): string {
  const copied = verdict.step1At === null ? 'was never taken' : `was copied at ${utcText(verdict.step1At)}`;
  return `This server's local configuration store ${copied}, before the OAuthTokenIssuer certificate was assigned on ${shortName(verdict.assignedOn)} (${verdict.assignedOn}) at ${utcText(verdict.assignedAt)}. Step 3 here would not show the certificate: bring the local store up to date first.`;
}

/** The verdict in one or two sentences: why Step 3 may go ahead, or why it is blocked. */
export function gateExplanation(verdict: GateVerdict): string {
  if (!verdict.allowed) return `${STALE_REPLICA}. ${staleReplicaFacts(verdict)}`;
  switch (verdict.rule) {
    case 'no-oauth-needed':
      return 'This role does not use the OAuthTokenIssuer certificate, so Step 3 has no OAuth gate.';
    case 'assigns-oauth':
      return verdict.assignedHere
        ? 'The OAuthTokenIssuer certificate was assigned on this server, so its local store holds it.'
        : 'No OAuthTokenIssuer certificate is assigned yet: Step 3 on this server assigns it and writes it to the Central Management Store, from which the other servers take it.';
    case 'replica-current':
      return `This server's local configuration store was taken at ${utcText(verdict.step1At)}, after the OAuthTokenIssuer certificate was assigned on ${verdict.assignedOn} at ${utcText(verdict.assignedAt)}.`;
    case 'evidence':
      return "Accepted evidence shows this server's local configuration store now holds the OAuthTokenIssuer certificate.";
    case 'override':
      return `Overridden by ${verdict.override.operator} under ${verdict.override.change}, not proven: ${verdict.override.reason}`;
  }
}
