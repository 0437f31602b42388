/**
 * What judging pasted evidence produces: what was read (shown to the admin before the verdict, so a
 * misparse is visible), the records parsed, warnings, and the verdict with its proof or reason.
 */
import { type EvidenceInput, type EvidenceKind, type EvidenceProof } from '../events/schema';
import type { OAuthAssignment } from '../gate/gate';
import type { IsoTime } from '../model/time';
import type { ConsoleDate } from './console-date';

/** Where evidence is judged: for which server, against which assignment, read how. */
export interface EvidenceContext {
  /** FQDN of the server the evidence must be about. */
  readonly server: string;
  readonly oauth: OAuthAssignment | null;
  /** The console's locale, e.g. 'en-US'. */
  readonly locale: string;
  /** False while the default locale is in use: a date that reads two ways is then refused. */
  readonly localeChosen: boolean;
  /** IANA zone the console's times are in (the workstation's by default, passed in by the caller). */
  readonly timeZone: string;
}

/** Why evidence was refused. */
export type EvidenceRejection =
  | 'another-server'
  | 'not-up-to-date'
  | 'before-assignment'
  | 'thumbprint-mismatch'
  | 'ambiguous-date'
  | 'unrecognised'
  | 'no-assignment'
  | 'incomplete'
  | 'unsupported-version';

/** The verdict: accepted with what it proves, or refused with a reason and what to do. */
export type EvidenceVerdict =
  | { readonly accepted: true; readonly proof: EvidenceProof }
  | { readonly accepted: false; readonly reason: EvidenceRejection; readonly message: string };

/** One replica's line of `Get-CsManagementStoreReplicationStatus`. */
export interface ReplicaRecord {
  /** As printed; empty when the output left it empty (the command run on the server itself). */
  readonly replicaFqdn: string;
  readonly upToDate: boolean | null;
  readonly lastStatusReport: ConsoleDate | null;
  readonly lastUpdateCreation: ConsoleDate | null;
  readonly productVersion: string | null;
  readonly line: number;
  /** Properties the record should show but does not (a cut-off paste). */
  readonly missing: readonly string[];
  /** True when a table shortened the FQDN with "...". */
  readonly fqdnTruncated: boolean;
}

/** One certificate of `Get-CsCertificate`. */
export interface CertificateRecord {
  /** 40 upper-case hex digits, or null when missing or unreadable. */
  readonly thumbprint: string | null;
  readonly thumbprintText: string | null;
  readonly previousThumbprint: string | null;
  readonly use: string | null;
  readonly subject: string | null;
  readonly issuer: string | null;
  readonly notAfter: ConsoleDate | null;
  readonly line: number;
}

/** The shapes of event log output that are read. */
export type EventLogShape = 'get-winevent-table' | 'get-eventlog-table' | 'list' | 'event-viewer';

/** One event of an event log listing. */
export interface EventRecord {
  readonly shape: EventLogShape;
  /** The event ID (from InstanceID, its low 16 bits), or null when unreadable. */
  readonly id: number | null;
  readonly time: ConsoleDate | null;
  readonly machine: string | null;
  readonly source: string | null;
  readonly logName: string | null;
  readonly line: number;
}

/** The verification script's output (schemaVersion 1), times normalised to UTC. */
export interface VerificationReport {
  readonly schemaVersion: 1;
  readonly expected: string;
  readonly server: string;
  readonly time: IsoTime;
  readonly replication: {
    readonly upToDate: boolean | null;
    readonly lastUpdateCreation: IsoTime | null;
    readonly lastStatusReport: IsoTime | null;
  } | null;
  readonly oauthThumbprints: readonly string[];
  readonly replicaService: 'Running' | 'Stopped' | null;
  readonly event3038: IsoTime | null;
}

/** The records parsed from the paste, by kind. */
export type EvidenceRecords =
  | { readonly kind: 'replication-status'; readonly replicas: readonly ReplicaRecord[] }
  | { readonly kind: 'certificate'; readonly certificates: readonly CertificateRecord[] }
  | { readonly kind: 'event-log'; readonly events: readonly EventRecord[] }
  | { readonly kind: 'verification-json'; readonly report: VerificationReport | null };

/** Everything judging a paste gives the UI and the runbook. */
export interface EvidenceJudgement {
  readonly kind: EvidenceKind | null;
  /** One line per fact read, shown before the verdict. */
  readonly read: readonly string[];
  readonly records: EvidenceRecords | null;
  readonly warnings: readonly string[];
  readonly verdict: EvidenceVerdict;
}

/** The judgement of a paste once its verdict is known: what was read, its records and the warnings. */
export function judgementOf(
  read: readonly string[],
  records: EvidenceRecords,
  warnings: readonly string[],
): (verdict: EvidenceVerdict) => EvidenceJudgement {
  return (verdict) => ({ kind: records.kind, read, records, warnings, verdict });
}

const MAX_TEXT = 1_000_000;
const MAX_READ_LINES = 500;
const MAX_READ_LINE = 2000;

/**
 * The `input` record of an `evidence.accepted` (or `evidence.rejected`) event for a judgement, cut
 * to the limits of the event schema; a paste with nothing recognisable is recorded as 'unrecognised'.
 */
export function toEvidenceInput(judgement: EvidenceJudgement, text: string, ctx: EvidenceContext): EvidenceInput {
  return {
    kind: judgement.kind ?? 'unrecognised',
    text: text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text,
    locale: ctx.locale.slice(0, 40),
    timeZone: ctx.timeZone.slice(0, 80),
    read: judgement.read
      .slice(0, MAX_READ_LINES)
      .map((l) => (l.length > MAX_READ_LINE ? `${l.slice(0, MAX_READ_LINE - 1)}…` : l)),
  };
}
