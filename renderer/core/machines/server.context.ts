/** What one server's machine knows and hears, and the facts derived from it (the gate, the next step). */
import type { EvidenceProof } from '../events/schema';
import {
  evaluateGate,
  type AcceptedEvidence,
  type GateInput,
  type GateOverride,
  type GateRule,
  type GateVerdict,
  type OAuthAssignment,
} from '../gate/gate';
import type { ServerRole } from '../model/deployment';
import type { FirstStartNeed } from '../model/pool-start';
import type { ProductVersion, StepNumber } from '../model/product';
import type { ChecklistItemId, RemediationPath } from '../model/remediation';
import { epochMs, type IsoTime } from '../model/time';

/** Where a server stands, in the words the dashboard and the command line use: the tags of the server machine's states. */
export const SERVER_PHASES = [
  'awaiting-step1',
  'awaiting-step2',
  'ready-for-step3',
  'blocked',
  'awaiting-step4',
  'services-running',
] as const;
/** One phase. */
export type ServerPhase = (typeof SERVER_PHASES)[number];

/** When and by whom a step was last run, and how many times. */
export interface StepRecord {
  readonly at: IsoTime;
  /** When the latest run was recorded (events/schema.ts): later than `at` for an entry typed afterwards. */
  readonly recordedAt: IsoTime;
  readonly operator: string;
  readonly runs: number;
  /** For Step 3: the gate rule that let it go ahead. */
  readonly rule?: GateRule;
}

/** The CMS pool's state as the deployment sees it; a server whose checklist waits for it is told it. */
export interface CmsStatus {
  readonly pool: string | null;
  /** True for an Enterprise pool, whose services start with one pool start; false for a Standard Edition server. */
  readonly startsAsPool: boolean;
  /** When its services were started (its pool start, or Step 4 of its Standard Edition server); null until then. */
  readonly startedAt: IsoTime | null;
  /** Its Front Ends (lower case), in topology order. */
  readonly frontEnds: readonly string[];
  /** Those with Step 3 done, ready to start, in topology order. */
  readonly ready: readonly string[];
  /** How many of them its first start needs (model/pool-start.ts). */
  readonly need: FirstStartNeed;
}

/** One checklist item done. */
export interface RemediationRecord {
  readonly path: RemediationPath;
  readonly item: ChecklistItemId;
  readonly at: IsoTime;
  readonly operator: string;
}

/** A change of remediation path (from null when the first path is chosen). */
export interface PathSwitch {
  readonly from: RemediationPath | null;
  readonly to: RemediationPath;
  readonly at: IsoTime;
  readonly operator: string;
}

/** Everything one server's machine knows. */
export interface ServerContext {
  readonly fqdn: string;
  readonly role: ServerRole;
  readonly product: ProductVersion;
  readonly steps: Readonly<Partial<Record<StepNumber, StepRecord>>>;
  /** The latest time Step 1 took a copy of the CMS (what gate rule 3 compares). */
  readonly step1At: IsoTime | null;
  /** Snapshot time: when the local store last took the CMS configuration, by Step 1 or as shown by evidence. */
  readonly refreshedAt: IsoTime | null;
  readonly oauth: OAuthAssignment | null;
  readonly cms: CmsStatus;
  readonly evidence: AcceptedEvidence | null;
  readonly override: GateOverride | null;
  readonly path: RemediationPath | null;
  readonly switches: readonly PathSwitch[];
  readonly items: readonly RemediationRecord[];
}

/** What a server machine is created with. */
export interface ServerInput {
  readonly fqdn: string;
  readonly role: ServerRole;
  readonly product: ProductVersion;
  readonly oauth: OAuthAssignment | null;
  readonly cms: CmsStatus;
}

interface Stamp {
  readonly at: IsoTime;
  readonly recordedAt: IsoTime;
  readonly operator: string;
  /** Set by the migration from version 5 on an entry dated before what allowed it (events/schema.ts). */
  readonly unchecked?: 'time-order';
}

/** The events an operator records on one server, as the deployment forwards them. */
export type ServerOperatorEvent =
  | ({ type: 'step.completed'; server: string; step: StepNumber; thumbprint?: string } & Stamp)
  | ({ type: 'remediation.chosen'; server: string; path: RemediationPath } & Stamp)
  | ({ type: 'remediation.item.completed'; server: string; path: RemediationPath; item: ChecklistItemId } & Stamp)
  | ({ type: 'evidence.accepted'; server: string; proof: EvidenceProof } & Stamp)
  | ({ type: 'override.recorded'; server: string; reason: string; change: string } & Stamp)
  | ({ type: 'override.withdrawn'; server: string; reason: string } & Stamp);

/** Events a server machine accepts: the operator's, and the global facts the deployment sends. */
export type ServerEvent =
  | ServerOperatorEvent
  | { type: 'fact.oauth'; oauth: OAuthAssignment }
  | { type: 'fact.cms'; cms: CmsStatus }
  | { type: 'fact.server'; role: ServerRole; product: ProductVersion };

/** What a server tells the deployment after it recorded a step. */
export interface StepRecordedEvent {
  readonly type: 'server.step.recorded';
  readonly server: string;
  readonly step: StepNumber;
  readonly at: IsoTime;
  readonly operator: string;
  /** Set when this Step 3 assigned the global OAuthTokenIssuer certificate. */
  readonly assignsOAuth: boolean;
  readonly thumbprint: string | null;
}

/** The gate's verdict for a server's current context. */
export function gateOf(context: ServerContext): GateVerdict {
  return evaluateGate(gateInputOf(context));
}

/** Whether a copy of the CMS taken at `at` can hold the assignment (strictly after it, as the gate compares). */
export function takenAfterAssignment(oauth: OAuthAssignment | null, at: IsoTime): boolean {
  return oauth === null || epochMs(at) > epochMs(oauth.at);
}

/** What the gate reads of a server's context. */
export function gateInputOf(context: ServerContext): GateInput {
  return {
    fqdn: context.fqdn,
    role: context.role,
    step1At: context.step1At,
    oauth: context.oauth,
    evidence: context.evidence,
    override: context.override,
  };
}

/** The highest step recorded on the server (0 before Step 1); the wizard runs them in order. */
export function stepsDone(context: ServerContext): 0 | StepNumber {
  return ([4, 3, 2, 1] as const).find((s) => context.steps[s] !== undefined) ?? 0;
}

/** The wizard step the server does next (3 while it is blocked there), or null once its services run. */
export function nextStep(context: ServerContext): StepNumber | null {
  const done = stepsDone(context);
  return done === 4 ? null : ((done + 1) as StepNumber);
}

/** True when the server waits at Step 3 behind a closed gate (the machine's blocked state). */
export function isBlocked(context: ServerContext): boolean {
  return stepsDone(context) === 2 && !gateOf(context).allowed;
}
