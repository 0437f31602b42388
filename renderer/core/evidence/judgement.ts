/**
 * What judging pasted evidence produces: what was read (shown to the admin before the verdict, so a
 * misparse is visible), the records parsed, warnings, and the verdict with its proof or reason.
 */
import { type EvidenceInput, type EvidenceKind, type EvidenceProof } from '../events/schema';
import type { OAuthAssignment } from '../gate/gate';
import type { IsoTime } from '../model/time';
import type { ConsoleDate } from './console-date';
import { truncateUtf8, utf8Bytes } from '../model/utf8';

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
  /**
   * False while the zone is the workstation's, not one the admin chose: a console time close enough to
   * the assignment that the zone decides which came first is then refused.
   */
  readonly zoneChosen: boolean;
}

/** Why evidence was refused. */
export type EvidenceRejection =
  | 'another-server'
  | 'not-up-to-date'
  | 'before-assignment'
  | 'thumbprint-mismatch'
  | 'ambiguous-date'
  /** A console time so close to the assignment that the time zone, not yet chosen, decides the order. */
  | 'zone-not-chosen'
  /** A listing that names no machine, so it could have come from any server. */
  | 'no-machine'
  | 'unrecognised'
  | 'no-assignment'
  | 'incomplete'
  /** What the paste shows can only support other evidence (event 3038). */
  | 'corroboration-only'
  /** The server's own view shows no OAuthTokenIssuer certificate at all. */
  | 'none-visible'
  /** The certificate is named by the configuration but not usable in the machine's store. */
  | 'not-in-store'
  | 'unsupported-version'
  /** What it proves is refused by the deployment now (a time it shows is after the clock's). */
  | 'not-recordable';

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
  /** The machine the object came from, when remoting added PSComputerName. */
  readonly machine: string | null;
  readonly line: number;
}

/** The shapes of event log output that are read. */
export type EventLogShape = 'get-winevent-table' | 'get-eventlog-table' | 'list' | 'event-viewer' | 'xml';

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

/** LastUpdateCreation as the verification script read it (version 2), and its two possible readings. */
export interface LastUpdateRead {
  /** As printed by the script (`DateTime.ToString('o')`). */
  readonly text: string;
  /** Its DateTimeKind: Utc, Local or Unspecified. */
  readonly kind: string | null;
  /** Read as UTC, and as the server's local time (the same when the text carries its zone). */
  readonly asUtc: IsoTime | null;
  readonly asLocal: IsoTime | null;
}

/** One OAuthTokenIssuer certificate as the server's machine store holds it (version 2). */
export interface StoreCertificate {
  readonly thumbprint: string;
  readonly inStore: boolean;
  readonly hasPrivateKey: boolean | null;
  readonly keySize: number | null;
  readonly notAfter: IsoTime | null;
}

/** The verification script's output (schemaVersion 1 or 2), times normalised to UTC. */
export interface VerificationReport {
  readonly schemaVersion: 1 | 2;
  readonly expected: string;
  readonly server: string;
  readonly time: IsoTime;
  readonly replication: {
    readonly upToDate: boolean | null;
    /** The instant compared with the assignment: for a time without a zone, the earlier reading. */
    readonly lastUpdateCreation: IsoTime | null;
    /** How it was read (version 2); null for version 1, whose script converted it to UTC itself. */
    readonly lastUpdateRead: LastUpdateRead | null;
    readonly lastStatusReport: IsoTime | null;
  } | null;
  readonly oauthThumbprints: readonly string[];
  /** Each OAuthTokenIssuer certificate in the machine store (version 2); null for version 1. */
  readonly certificates: readonly StoreCertificate[] | null;
  /** Any ServiceControllerStatus name (version 1: Running or Stopped). */
  readonly replicaService: string | null;
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
  // Only a rejected paste can be this long (the judge reads at most MAX_TEXT bytes): what is kept says it was cut.
  const kept = truncateUtf8(text, MAX_TEXT);
  const cutNote = kept.cut
    ? [
        `The paste was ${utf8Bytes(text).toLocaleString('en-US')} bytes; only its first ${MAX_TEXT.toLocaleString('en-US')} bytes are recorded.`,
      ]
    : [];
  return {
    kind: judgement.kind ?? 'unrecognised',
    text: kept.text,
    locale: ctx.locale.slice(0, 40),
    timeZone: ctx.timeZone.slice(0, 80),
    read: [...cutNote, ...judgement.read]
      .slice(0, MAX_READ_LINES)
      .map((l) => (l.length > MAX_READ_LINE ? `${l.slice(0, MAX_READ_LINE - 1)}…` : l)),
  };
}
