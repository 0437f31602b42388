/**
 * What the verification script's JSON must look like: its schema name and version, its ISO times,
 * and the zod schemas that validate it before it becomes a VerificationReport.
 */
import { z } from 'zod';
import { toIsoTime, type IsoTime } from '../model/time';
import type { VerificationReport } from './judgement';

/** The `schema` value the verification script writes. */
export const VERIFY_SCHEMA = 'lync-runbook.verify';
/** The `schemaVersion` the verification script writes, and the newest this app reads (1 is still read). */
export const VERIFY_SCHEMA_VERSION = 2;

const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 time with a zone ("Z" or an offset, up to 9 fractional digits) as canonical UTC, or null. */
export function isoInstant(text: string): IsoTime | null {
  const m = ISO.exec(text);
  if (m === null) return null;
  const [, y, mo, d, h, mi, s, frac, zone] = m.map((v) => v ?? '') as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > new Date(Date.UTC(year, month, 0)).getUTCDate() ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  )
    return null;
  const offset =
    zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  // Sub-millisecond digits are dropped (rounding down), which never moves a time past the assignment.
  const ms = Number(frac.slice(0, 3).padEnd(3, '0'));
  return toIsoTime(Date.UTC(year, month - 1, day, hour, minute, second, ms) - offset * 60_000);
}

// A time field, bounded so a hostile value costs nothing to check.
const instant = z
  .string()
  .max(64)
  .refine((t) => isoInstant(t) !== null, { message: 'must be an ISO 8601 time with a zone' });
/** The fields every version shares, read first so a newer version is told apart from a broken one. */
export const envelope = z.object({ schema: z.literal(VERIFY_SCHEMA), schemaVersion: z.number() });
const replicationV1 = z.object({
  upToDate: z.boolean().nullable(),
  lastUpdateCreation: instant.nullable(),
  lastStatusReport: instant.nullable(),
});

/** Schema version 1: times converted to UTC by the script, REPLICA Running or Stopped only. */
export const v1 = z.object({
  schema: z.literal(VERIFY_SCHEMA),
  schemaVersion: z.literal(1),
  expected: z.string().min(1).max(253),
  server: z.string().min(1).max(253),
  time: instant,
  replication: replicationV1.nullable(),
  oauthThumbprints: z.array(z.string().regex(/^[0-9A-Fa-f]{40}$/, 'must be 40 hexadecimal digits')).max(16),
  replicaService: z.enum(['Running', 'Stopped']).nullable(),
  event3038: instant.nullable(),
});

/** The names of .NET's ServiceControllerStatus, as Get-Service prints them. */
export const SERVICE_STATUSES = [
  'Stopped',
  'StartPending',
  'StopPending',
  'Running',
  'ContinuePending',
  'PausePending',
  'Paused',
] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

const LOCAL_ISO = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?)(Z|[+-]\d{2}:\d{2})?$/;

/**
 * Schema version 2: LastUpdateCreation as read, with its DateTimeKind and the server's UTC offset
 * (D8); every service status (P2); each OAuthTokenIssuer certificate as the machine store holds it (D6).
 */
export const v2 = v1.extend({
  schemaVersion: z.literal(2),
  replication: z
    .object({
      upToDate: z.boolean().nullable(),
      lastUpdateCreation: z.string().max(64).regex(LOCAL_ISO, 'must be an ISO 8601 time').nullable(),
      lastUpdateCreationKind: z.enum(['Utc', 'Local', 'Unspecified']).nullable(),
      utcOffsetMinutes: z
        .number()
        .int()
        .min(-14 * 60)
        .max(14 * 60)
        .nullable(),
      lastStatusReport: instant.nullable(),
    })
    .nullable(),
  certificates: z
    .array(
      z.object({
        thumbprint: z.string().regex(/^[0-9A-Fa-f]{40}$/, 'must be 40 hexadecimal digits'),
        inStore: z.boolean(),
        hasPrivateKey: z.boolean().nullable(),
        keySize: z.number().int().min(0).max(65536).nullable(),
        notAfter: instant.nullable(),
      }),
    )
    .max(16),
  replicaService: z.enum(SERVICE_STATUSES).nullable(),
});

type Replication = NonNullable<VerificationReport['replication']>;

/**
 * LastUpdateCreation as an instant. A time with a zone (Kind Utc or Local) is exact. Kind Unspecified
 * may be UTC or the server's local time: both readings are kept, and the earlier is the one compared
 * with the assignment, so a time that may be before it is never taken as after.
 */
function lastUpdateOf(
  raw: string,
  kind: string | null,
  offset: number | null,
): Pick<Replication, 'lastUpdateCreation' | 'lastUpdateRead'> {
  const m = LOCAL_ISO.exec(raw);
  const wall = m?.[1] ?? raw;
  const zone = m?.[2];
  if (zone !== undefined) {
    const at = isoInstant(raw);
    return { lastUpdateCreation: at, lastUpdateRead: { text: raw, kind, asUtc: at, asLocal: at } };
  }
  const asUtc = isoInstant(`${wall}Z`);
  const asLocal = offset === null || asUtc === null ? null : toIsoTime(Date.parse(asUtc) - offset * 60_000);
  const readings = [asUtc, asLocal].filter((t): t is IsoTime => t !== null).sort();
  return { lastUpdateCreation: readings[0] ?? null, lastUpdateRead: { text: raw, kind, asUtc, asLocal } };
}

/** Validated data of either version as a report, every time in canonical UTC and thumbprints upper-case. */
export function toReport(data: z.infer<typeof v1> | z.infer<typeof v2>): VerificationReport {
  const at = (t: string): IsoTime => isoInstant(t) as IsoTime;
  const opt = (t: string | null): IsoTime | null => (t === null ? null : at(t));
  const common = {
    expected: data.expected,
    server: data.server,
    time: at(data.time),
    oauthThumbprints: data.oauthThumbprints.map((t) => t.toUpperCase()),
    event3038: opt(data.event3038),
  };
  if (data.schemaVersion === 1) {
    const rep = data.replication;
    return {
      ...common,
      schemaVersion: 1,
      replication:
        rep === null
          ? null
          : {
              upToDate: rep.upToDate,
              lastUpdateCreation: opt(rep.lastUpdateCreation),
              lastUpdateRead: null,
              lastStatusReport: opt(rep.lastStatusReport),
            },
      certificates: null,
      replicaService: data.replicaService,
    };
  }
  const rep = data.replication;
  return {
    ...common,
    schemaVersion: 2,
    replication:
      rep === null
        ? null
        : {
            upToDate: rep.upToDate,
            ...(rep.lastUpdateCreation === null
              ? { lastUpdateCreation: null, lastUpdateRead: null }
              : lastUpdateOf(rep.lastUpdateCreation, rep.lastUpdateCreationKind, rep.utcOffsetMinutes)),
            lastStatusReport: opt(rep.lastStatusReport),
          },
    certificates: data.certificates.map((c) => ({
      thumbprint: c.thumbprint.toUpperCase(),
      inStore: c.inStore,
      hasPrivateKey: c.hasPrivateKey,
      keySize: c.keySize,
      notAfter: opt(c.notAfter),
    })),
    replicaService: data.replicaService,
  };
}
