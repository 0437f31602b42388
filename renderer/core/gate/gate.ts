import type { EvidenceProof } from '../events/schema';
import { roleNeedsOAuth, type ServerRole } from '../model/deployment';
import { sameFqdn } from '../model/fqdn';
import { epochMs, type IsoTime } from '../model/time';

/** The global OAuthTokenIssuer assignment: where, with which certificate, when. */
export interface OAuthAssignment {
  readonly server: string;
  readonly thumbprint: string | null;
  readonly at: IsoTime;
  readonly operator: string;
}

/** Accepted evidence held by a server, with the time it was recorded. */
export interface AcceptedEvidence {
  readonly proof: EvidenceProof;
  readonly at: IsoTime;
  readonly operator: string;
}

/** An explicit override of the gate. */
export interface GateOverride {
  /** What was checked. */
  readonly reason: string;
  /** The change or ticket it was approved under (model/override.ts for overrides of older files). */
  readonly change: string;
  readonly at: IsoTime;
  readonly operator: string;
}

/**
 * The five rules of DESIGN §2.3 that let Step 3 go ahead, in the order the runbook prefers to
 * cite them when more than one holds.
 */
export type GateRule = 'no-oauth-needed' | 'assigns-oauth' | 'replica-current' | 'evidence' | 'override';

/** What the gate needs to know about one server. */
export interface GateInput {
  readonly fqdn: string;
  readonly role: ServerRole;
  /** When Step 1 last took a copy of the CMS into the local store (null before Step 1). */
  readonly step1At: IsoTime | null;
  readonly oauth: OAuthAssignment | null;
  readonly evidence: AcceptedEvidence | null;
  readonly override: GateOverride | null;
}

/** The assignment facts a verdict that compares times carries. */
interface AssignmentFacts {
  /** The server the OAuthTokenIssuer certificate was assigned on. */
  readonly assignedOn: string;
  readonly assignedAt: IsoTime;
}

/**
 * The gate's decision for one server, as data: the rule and the facts that prove it. The words are
 * made from it by each medium (gate-words.ts for plain text; the UI renders its own), so nobody has
 * to read a sentence back.
 */
export type GateVerdict =
  | { readonly allowed: true; readonly server: string; readonly rule: 'no-oauth-needed' | 'evidence' }
  | {
      readonly allowed: true;
      readonly server: string;
      readonly rule: 'assigns-oauth';
      /** True when the certificate was already assigned on this server; false when this Step 3 assigns it. */
      readonly assignedHere: boolean;
    }
  | ({
      readonly allowed: true;
      readonly server: string;
      readonly rule: 'replica-current';
      readonly step1At: IsoTime;
    } & AssignmentFacts)
  | { readonly allowed: true; readonly server: string; readonly rule: 'override'; readonly override: GateOverride }
  | ({
      readonly allowed: false;
      readonly server: string;
      readonly reason: 'stale-replica';
      /** When Step 1 last took the local store (null when it never did). */
      readonly step1At: IsoTime | null;
    } & AssignmentFacts);

/** The verdict of a blocked server. */
export type BlockedVerdict = Extract<GateVerdict, { allowed: false }>;

/** How each rule reads in the UI and the runbook. */
export const GATE_RULE_LABELS: Readonly<Record<GateRule, string>> = {
  'no-oauth-needed': 'role needs no OAuthTokenIssuer certificate',
  'assigns-oauth': 'this server assigns (or holds) the OAuthTokenIssuer certificate',
  'replica-current': 'local store taken after the OAuth assignment',
  evidence: 'accepted evidence that the local store is current',
  override: 'override',
};

/**
 * True when the proof shows this server's local store holds the given assignment (replication-and-pools
 * D3, D4). What proves it: the server's own view (the assigned thumbprint in its Get-CsCertificate), or
 * the CMS master's record of it (UpToDate True with a last update after the assignment). Event 3038 is
 * corroboration only: no Microsoft source documents what it means, so it never proves anything alone.
 * What refutes it, whatever else the proof holds: another server, thumbprints without the assigned
 * one, a last update or event 3038 at or before the assignment, and UpToDate False, except when the
 * server's own view shows the assigned thumbprint and the last update is after the assignment (the
 * master's record lags behind a direct import, or a newer change is pending).
 */
export function proofCoversAssignment(proof: EvidenceProof, fqdn: string, oauth: OAuthAssignment): boolean {
  if (!sameFqdn(proof.server, fqdn)) return false;
  const assigned = epochMs(oauth.at);
  const assignedThumbprint = oauth.thumbprint?.toUpperCase() ?? null;
  const thumbprints = proof.thumbprints;
  if (
    thumbprints !== undefined &&
    assignedThumbprint !== null &&
    !thumbprints.some((t) => t.toUpperCase() === assignedThumbprint)
  )
    return false;
  if (proof.lastUpdate !== undefined && epochMs(proof.lastUpdate) <= assigned) return false;
  if (proof.event3038At !== undefined && epochMs(proof.event3038At) <= assigned) return false;
  const ownView = assignedThumbprint !== null && thumbprints !== undefined;
  if (proof.upToDate === false) return ownView && proof.lastUpdate !== undefined;
  return ownView || (proof.upToDate === true && proof.lastUpdate !== undefined);
}

/** The moment accepted evidence shows the local store was current (used as its new snapshot time). */
export function proofRefreshTime(proof: EvidenceProof, recordedAt: IsoTime): IsoTime {
  if (proof.upToDate === true && proof.lastUpdate !== undefined) return proof.lastUpdate;
  return recordedAt;
}

/** Whether Step 3 may go ahead on a server, and by which rule (DESIGN §2.3). */
export function evaluateGate(input: GateInput): GateVerdict {
  const server = input.fqdn;
  if (!roleNeedsOAuth(input.role)) return { allowed: true, server, rule: 'no-oauth-needed' };
  const oauth = input.oauth;
  if (oauth === null) return { allowed: true, server, rule: 'assigns-oauth', assignedHere: false };
  if (sameFqdn(oauth.server, input.fqdn)) return { allowed: true, server, rule: 'assigns-oauth', assignedHere: true };
  const assignment = { assignedOn: oauth.server, assignedAt: oauth.at };
  // Strictly after: a copy taken at the very moment of the assignment cannot be shown to hold it.
  if (input.step1At !== null && epochMs(input.step1At) > epochMs(oauth.at)) {
    return { allowed: true, server, rule: 'replica-current', step1At: input.step1At, ...assignment };
  }
  if (input.evidence !== null && proofCoversAssignment(input.evidence.proof, input.fqdn, oauth)) {
    return { allowed: true, server, rule: 'evidence' };
  }
  if (input.override !== null && input.override.reason.trim().length > 0) {
    return { allowed: true, server, rule: 'override', override: input.override };
  }
  return { allowed: false, server, reason: 'stale-replica', step1At: input.step1At, ...assignment };
}

/** Since when a gate that compares times has been open, and by which rule. */
export interface GateOpening {
  readonly at: IsoTime;
  readonly rule: 'replica-current' | 'evidence' | 'override';
}

/**
 * Since when Step 3 could go ahead on this server (issue 14: a step is not dated before what allowed
 * it): the earliest of a local store taken after the assignment, the moment accepted evidence shows
 * the store current (proofRefreshTime), and the override. Null when no rule with a time holds: the
 * gate is closed, or open for a reason that does not depend on time (no OAuth needed, or the server
 * that assigns the certificate).
 */
export function gateOpenSince(input: GateInput): GateOpening | null {
  const oauth = input.oauth;
  if (!roleNeedsOAuth(input.role) || oauth === null || sameFqdn(oauth.server, input.fqdn)) return null;
  const openings: GateOpening[] = [];
  if (input.step1At !== null && epochMs(input.step1At) > epochMs(oauth.at))
    openings.push({ at: input.step1At, rule: 'replica-current' });
  if (input.evidence !== null && proofCoversAssignment(input.evidence.proof, input.fqdn, oauth))
    openings.push({ at: proofRefreshTime(input.evidence.proof, input.evidence.at), rule: 'evidence' });
  if (input.override !== null && input.override.reason.trim().length > 0)
    openings.push({ at: input.override.at, rule: 'override' });
  return openings.reduce<GateOpening | null>(
    (first, o) => (first === null || epochMs(o.at) < epochMs(first.at) ? o : first),
    null,
  );
}
