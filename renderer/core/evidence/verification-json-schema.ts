/**
 * What the verification script's JSON must look like: its schema name and version, its ISO times,
 * and the zod schemas that validate it before it becomes a VerificationReport.
 */
import { z } from 'zod';
import { toIsoTime, type IsoTime } from '../model/time';
import type { VerificationReport } from './judgement';

/** The `schema` value the verification script writes. */
export const VERIFY_SCHEMA = 'lync-runbook.verify';
/** The newest `schemaVersion` this app reads. */
export const VERIFY_SCHEMA_VERSION = 1;

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
/** Schema version 1, the one this app reads. */
export const v1 = z.object({
  schema: z.literal(VERIFY_SCHEMA),
  schemaVersion: z.literal(1),
  expected: z.string().min(1).max(253),
  server: z.string().min(1).max(253),
  time: instant,
  replication: z
    .object({
      upToDate: z.boolean().nullable(),
      lastUpdateCreation: instant.nullable(),
      lastStatusReport: instant.nullable(),
    })
    .nullable(),
  oauthThumbprints: z.array(z.string().regex(/^[0-9A-Fa-f]{40}$/, 'must be 40 hexadecimal digits')).max(16),
  replicaService: z.enum(['Running', 'Stopped']).nullable(),
  event3038: instant.nullable(),
});

/** Validated version-1 data as a report, with every time in canonical UTC and thumbprints upper-case. */
export function toReport(data: z.infer<typeof v1>): VerificationReport {
  const at = (t: string): IsoTime => isoInstant(t) as IsoTime;
  const opt = (t: string | null): IsoTime | null => (t === null ? null : at(t));
  return {
    schemaVersion: 1,
    expected: data.expected,
    server: data.server,
    time: at(data.time),
    replication:
      data.replication === null
        ? null
        : {
            upToDate: data.replication.upToDate,
            lastUpdateCreation: opt(data.replication.lastUpdateCreation),
            lastStatusReport: opt(data.replication.lastStatusReport),
          },
    oauthThumbprints: data.oauthThumbprints.map((t) => t.toUpperCase()),
    replicaService: data.replicaService,
    event3038: opt(data.event3038),
  };
}
