/**
 * The runbook as plain data: what every export format (and the UI's timeline and preview) shows.
 * Times are the history's ISO 8601 UTC strings; renderers decide how to print them.
 */
import type { CertificateUse, DomainEventType, EvidenceInput, ChangeRecord } from '../events/schema';
import type { GateRule } from '../gate/gate';
import type { ServerPhase } from '../machines/server.context';
import type { ChecklistItemId, RemediationPath } from '../model/remediation';
import type { PoolKind, ServerRole } from '../model/deployment';
import type { ProductVersion, StepNumber } from '../model/product';
import type { IsoTime } from '../model/time';

/** The export formats of a runbook. */
export const RUNBOOK_FORMATS = ['md', 'html', 'json'] as const;
/** One export format. */
export type RunbookFormat = (typeof RUNBOOK_FORMATS)[number];

/** A verdict on pasted evidence, as the timeline shows it. */
export type EvidenceVerdictWord = 'accepted' | 'rejected';

/** One line of the timeline: one event of the history, in words. */
export interface TimelineEntry {
  /** Position in the history (0 is the creation of the deployment). */
  readonly seq: number;
  /** When it happened. */
  readonly at: IsoTime;
  /** When it was recorded (stamped by the app). */
  readonly recordedAt: IsoTime;
  /** Recorded well after it happened (events/times.ts): marked wherever it is shown. */
  readonly backDated: boolean;
  readonly operator: string;
  /** The server the event is about, or null for deployment-wide events. */
  readonly server: string | null;
  readonly kind: DomainEventType;
  /** What happened, in one sentence. */
  readonly summary: string;
  /** More about it (the gate rule, the proof, the reason), when there is more to say. */
  readonly detail?: string;
  /** For evidence: whether it was accepted. */
  readonly verdict?: EvidenceVerdictWord;
}

/** Deployment-wide facts at the top of the runbook. */
export interface RunbookHeader {
  readonly name: string;
  readonly product: ProductVersion;
  readonly productName: string;
  readonly sipDomain: string;
  readonly cmsPool: string | null;
  /** Everyone recorded as doing something, in order of first appearance. */
  readonly operators: readonly string[];
  /** When the deployment was created (its first event). */
  readonly startedAt: IsoTime;
  /** The latest time in the history. */
  readonly lastEventAt: IsoTime;
  /** When the last server started its services, once every server has; null while in progress. */
  readonly finishedAt: IsoTime | null;
  readonly complete: boolean;
  /** "Complete: all 5 servers run their services." or "In progress: 2 of 5 servers done; 1 blocked." */
  readonly statusText: string;
  readonly oauth: {
    readonly server: string;
    readonly thumbprint: string | null;
    readonly at: IsoTime;
    readonly operator: string;
  } | null;
  /** The time zone times are given in (always UTC: the operators' own zone is not recorded yet). */
  readonly timeZone: 'UTC';
  readonly timeZoneNote: string;
  /** When the runbook was produced, when the caller says. */
  readonly exportedAt: IsoTime | null;
  readonly eventCount: number;
  /** The change it is carried out under (the latest change record), or null when none was recorded. */
  readonly change: ChangeRecord | null;
  /** Every sign-off, oldest first; `whole` when nothing was recorded after it. */
  readonly signOffs: readonly {
    readonly by: string;
    readonly as: string;
    readonly at: IsoTime;
    readonly events: number;
    readonly fingerprint: string;
    readonly whole: boolean;
  }[];
  /**
   * The head of the hash chain (document/fingerprint.ts) of the whole history this runbook was made
   * from: the copy filed with the change proves any later edit of the file.
   */
  readonly chainHead: string;
  /** When the file's history does not match its chain: the warning every runbook made from it carries. */
  readonly integrityWarning: string | null;
}

/** A pool, with the servers the deployment lists in it. */
export interface RunbookPool {
  readonly fqdn: string;
  readonly kind: PoolKind;
  readonly kindLabel: string;
  readonly hostsCms: boolean;
  readonly servers: readonly string[];
  /** When and how the pool started, or what its start waits for; per-server Step 4 for other pools. */
  readonly start: string;
}

/** A server of the topology. */
export interface RunbookServer {
  readonly fqdn: string;
  readonly pool: string;
  readonly role: ServerRole;
  readonly roleLabel: string;
}

/** The topology as it stands after the history. */
export interface RunbookTopology {
  readonly pools: readonly RunbookPool[];
  readonly servers: readonly RunbookServer[];
}

/** One wizard step of one server. */
export interface StepSummary {
  readonly step: StepNumber;
  readonly title: string;
  /** The latest run, or null when never done. */
  readonly at: IsoTime | null;
  /** When the latest run was recorded, and whether it was entered well afterwards (events/times.ts). */
  readonly recordedAt: IsoTime | null;
  readonly backDated: boolean;
  readonly operator: string | null;
  readonly runs: number;
  /** For Step 3: the gate rule that let it go ahead, and its words. */
  readonly rule?: GateRule;
  readonly ruleLabel?: string;
}

/** A remediation path taken on a server, with its checklist items done. */
export interface RemediationSummary {
  readonly path: RemediationPath;
  readonly title: string;
  readonly chosenAt: IsoTime;
  readonly operator: string;
  /** The path it replaced, when the admin switched. */
  readonly switchedFrom: RemediationPath | null;
  readonly items: readonly {
    readonly item: ChecklistItemId;
    readonly title: string;
    readonly at: IsoTime;
    readonly operator: string;
  }[];
}

/** What is still to do on a server that is not finished. */
export interface OpenItem {
  readonly server: string;
  readonly phase: ServerPhase;
  /** The next thing to do, in words. */
  readonly next: string;
  /** Why Step 3 is blocked (the gate's explanation), when it is. */
  readonly blocked: string | null;
  /** The remediation under way: "Path B: Let replication bring it". */
  readonly remediation: string | null;
  /** What the remediation waits for (path B before a CMS-pool Front End runs). */
  readonly waitingFor: string | null;
}

/** Everything the runbook says about one server. */
export interface ServerSummary {
  readonly fqdn: string;
  readonly pool: string;
  readonly role: ServerRole;
  readonly roleLabel: string;
  readonly phase: ServerPhase;
  /** "done: services running", "blocked: stale local replica", "next: Step 2: …". */
  readonly statusText: string;
  readonly steps: readonly StepSummary[];
  /** The gate as it stands now: allowed by which rule, or blocked. */
  readonly gate: {
    readonly allowed: boolean;
    readonly rule: GateRule | null;
    readonly label: string;
    readonly explanation: string;
  };
  readonly remediations: readonly RemediationSummary[];
  /** The accepted evidence the server holds (the latest), in words. */
  readonly evidence: { readonly at: IsoTime; readonly operator: string; readonly proof: string } | null;
  readonly override: { readonly at: IsoTime; readonly operator: string; readonly reason: string } | null;
  /** True when Step 3 went ahead on the override (shown as such everywhere). */
  readonly overridden: boolean;
  readonly open: OpenItem | null;
  /**
   * The certificates the server held per use when Step 3 was recorded (its Get-CsCertificate listing),
   * with what to look at in them as of that time; null when Step 3 recorded none.
   */
  readonly certificates: { readonly uses: readonly CertificateUse[]; readonly warnings: readonly string[] } | null;
}

/** A script as it was shown, with every time it was copied. */
export interface ScriptCopy {
  readonly server: string | null;
  /** Where it runs, when that is another server. */
  readonly runOn: string | null;
  readonly scriptId: string;
  readonly title: string;
  readonly text: string;
  /**
   * False when this version does not build this text for it (the file was edited, or an older version
   * made it): the runbook shows it as text that does not match, never as a script to run.
   */
  readonly matches: boolean;
  readonly copies: readonly { readonly seq: number; readonly at: IsoTime; readonly operator: string }[];
}

/** One server's verdict on a paste. */
export interface EvidenceServerVerdict {
  readonly seq: number;
  readonly server: string;
  readonly verdict: EvidenceVerdictWord;
  /** For a rejection: why. */
  readonly reason: string | null;
  /** For an acceptance: what it proved, in words. */
  readonly proof: string | null;
}

/**
 * One paste of evidence, as read and judged. A paste judged for several servers (a replication
 * status of the whole deployment) is one entry with a verdict for each; the fields of the verdict
 * itself are those of the server it was pasted for, the first.
 */
export interface EvidenceEntry {
  readonly seq: number;
  readonly at: IsoTime;
  readonly operator: string;
  readonly server: string;
  readonly verdict: EvidenceVerdictWord;
  readonly kind: EvidenceInput['kind'] | null;
  readonly kindLabel: string;
  readonly locale: string | null;
  readonly timeZone: string | null;
  readonly read: readonly string[];
  /** The pasted text, when it was recorded. */
  readonly text: string | null;
  /** For a rejection: why. */
  readonly reason: string | null;
  /** For an acceptance: what it proved, in words. */
  readonly proof: string | null;
  /** Every server's verdict on this paste, the first being the fields above (one for most pastes). */
  readonly verdicts: readonly EvidenceServerVerdict[];
}

/** An override of the gate, with its reason. */
export interface OverrideEntry {
  readonly seq: number;
  readonly at: IsoTime;
  readonly operator: string;
  readonly server: string;
  /** What was checked. */
  readonly reason: string;
  /** The change or ticket it was approved under (model/override.ts for an older file's). */
  readonly change: string;
  /** True when the server's Step 3 then went ahead on this override. */
  readonly usedForStep3: boolean;
  /** Its withdrawal, when it was withdrawn before a Step 3 used it. */
  readonly withdrawn: {
    readonly seq: number;
    readonly at: IsoTime;
    readonly operator: string;
    readonly reason: string;
  } | null;
}

/** The whole runbook of a deployment. */
export interface Runbook {
  readonly header: RunbookHeader;
  readonly topology: RunbookTopology;
  readonly servers: readonly ServerSummary[];
  readonly open: readonly OpenItem[];
  readonly timeline: readonly TimelineEntry[];
  readonly scripts: readonly ScriptCopy[];
  readonly evidence: readonly EvidenceEntry[];
  readonly overrides: readonly OverrideEntry[];
}
