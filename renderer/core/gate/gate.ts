import type { EvidenceProof } from '../events/schema';
import { roleNeedsOAuth, type ServerRole } from '../model/deployment';
import { sameFqdn, shortName } from '../model/fqdn';
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
  readonly reason: string;
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

/** The gate's decision for one server, with the words that explain it. */
export type GateVerdict =
  | { readonly allowed: true; readonly rule: GateRule; readonly explanation: string }
  | {
      readonly allowed: false;
      readonly reason: 'stale-replica';
      readonly explanation: string;
      readonly step1At: IsoTime | null;
      readonly assignedAt: IsoTime;
      readonly assignedOn: string;
    };

/** How each rule reads in the UI and the runbook. */
export const GATE_RULE_LABELS: Readonly<Record<GateRule, string>> = {
  'no-oauth-needed': 'role needs no OAuthTokenIssuer certificate',
  'assigns-oauth': 'this server assigns (or holds) the OAuthTokenIssuer certificate',
  'replica-current': 'local store taken after the OAuth assignment',
  evidence: 'accepted evidence that the local store is current',
  override: 'override',
};

/**
 * True when the proof shows this server's local store holds the given assignment, and nothing in
 * it says otherwise: UpToDate False, a last update at or before the assignment, or thumbprints that
 * do not include the assigned one each refute it, whatever else the proof holds.
 */
export function proofCoversAssignment(proof: EvidenceProof, fqdn: string, oauth: OAuthAssignment): boolean {
  if (!sameFqdn(proof.server, fqdn)) return false;
  const assigned = epochMs(oauth.at);
  const assignedThumbprint = oauth.thumbprint?.toUpperCase() ?? null;
  if (proof.upToDate === false) return false;
  if (proof.lastUpdate !== undefined && epochMs(proof.lastUpdate) <= assigned) return false;
  if (proof.event3038At !== undefined && epochMs(proof.event3038At) <= assigned) return false;
  if (
    proof.thumbprints !== undefined &&
    assignedThumbprint !== null &&
    !proof.thumbprints.some((t) => t.toUpperCase() === assignedThumbprint)
  )
    return false;
  if (proof.upToDate === true && proof.lastUpdate !== undefined) return true;
  if (proof.event3038At !== undefined) return true;
  return assignedThumbprint !== null && proof.thumbprints !== undefined;
}

/** The moment accepted evidence shows the local store was current (used as its new snapshot time). */
export function proofRefreshTime(proof: EvidenceProof, recordedAt: IsoTime): IsoTime {
  if (proof.upToDate === true && proof.lastUpdate !== undefined) return proof.lastUpdate;
  if (proof.event3038At !== undefined) return proof.event3038At;
  return recordedAt;
}

/** Whether Step 3 may go ahead on a server, and by which rule (DESIGN §2.3). */
export function evaluateGate(input: GateInput): GateVerdict {
  if (!roleNeedsOAuth(input.role)) {
    return {
      allowed: true,
      rule: 'no-oauth-needed',
      explanation: 'This role does not use the OAuthTokenIssuer certificate, so Step 3 has no OAuth gate.',
    };
  }
  const oauth = input.oauth;
  if (oauth === null) {
    return {
      allowed: true,
      rule: 'assigns-oauth',
      explanation:
        'No OAuthTokenIssuer certificate is assigned yet: Step 3 on this server assigns it, and this server becomes the source for the others.',
    };
  }
  if (sameFqdn(oauth.server, input.fqdn)) {
    return {
      allowed: true,
      rule: 'assigns-oauth',
      explanation: 'The OAuthTokenIssuer certificate was assigned on this server, so its local store holds it.',
    };
  }
  // Strictly after: a copy taken at the very moment of the assignment cannot be shown to hold it.
  if (input.step1At !== null && epochMs(input.step1At) > epochMs(oauth.at)) {
    return {
      allowed: true,
      rule: 'replica-current',
      explanation: `This server's local configuration store was taken at ${input.step1At}, after the OAuthTokenIssuer certificate was assigned on ${oauth.server} at ${oauth.at}.`,
    };
  }
  if (input.evidence !== null && proofCoversAssignment(input.evidence.proof, input.fqdn, oauth)) {
    return {
      allowed: true,
      rule: 'evidence',
      explanation:
        "Accepted evidence shows this server's local configuration store now holds the OAuthTokenIssuer certificate.",
    };
  }
  if (input.override !== null && input.override.reason.trim().length > 0) {
    return {
      allowed: true,
      rule: 'override',
      explanation: `Overridden by ${input.override.operator}: ${input.override.reason}`,
    };
  }
  const copied = input.step1At === null ? 'was never taken' : `was copied at ${input.step1At}`;
  return {
    allowed: false,
    reason: 'stale-replica',
    step1At: input.step1At,
    assignedAt: oauth.at,
    assignedOn: oauth.server,
    explanation: `Blocked: stale local replica. This server's local configuration store ${copied}, before the OAuthTokenIssuer certificate was assigned on ${shortName(oauth.server)} (${oauth.server}) at ${oauth.at}. Step 3 here would not show the certificate: bring the local store up to date first.`,
  };
}
