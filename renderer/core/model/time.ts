/** Times in documents and events: UTC, ISO 8601, always with a zone. */

/** An ISO 8601 UTC timestamp, e.g. "2013-03-14T10:00:00.000Z". */
export type IsoTime = string;

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;

/**
 * True when `value` is an ISO 8601 UTC timestamp that names a real moment: a day the month has and a
 * time of day that exists (Date.parse alone takes 30 February as 2 March, and 24:00 as the next day).
 */
export function isIsoTime(value: unknown): value is IsoTime {
  if (typeof value !== 'string' || !ISO_UTC.test(value)) return false;
  const ms = Date.parse(value);
  // The calendar date and the time of day, as written, must be what the moment reads back as.
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 19) === value.slice(0, 19);
}

/** Milliseconds since the epoch for an ISO time (NaN when it is not one). */
export function epochMs(time: IsoTime): number {
  return Date.parse(time);
}

/** The later of two times (either may be null). */
export function latest(a: IsoTime | null, b: IsoTime | null): IsoTime | null {
  if (a === null) return b;
  if (b === null) return a;
  return epochMs(b) > epochMs(a) ? b : a;
}

/** Normalizes any ISO time with a zone to the canonical UTC form with milliseconds. */
export function toIsoTime(epoch: number): IsoTime {
  return new Date(epoch).toISOString();
}

/** Where the core gets "now": injected, so replays and tests are deterministic. */
export interface Clock {
  now(): IsoTime;
}

/**
 * Whether `at` is before the minute of `limit`: typed times have whole minutes, so a time typed as
 * 10:38 is not before a step recorded at 10:38:47 (time.rules.ts and the server's rules compare so).
 */
export function beforeItsMinute(at: IsoTime, limit: IsoTime): boolean {
  const ms = epochMs(limit);
  return epochMs(at) < ms - (((ms % 60_000) + 60_000) % 60_000);
}

/** A length of time as an admin reads it: "45 s", "12 min", "3 h 5 min", "2 days 4 h" (two units at most). */
export function durationWords(ms: number): string {
  const s = Math.round(Math.abs(ms) / 1000);
  if (s < 60) return `${s} s`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 24) return min % 60 === 0 ? `${h} h` : `${h} h ${min % 60} min`;
  const days = Math.floor(h / 24);
  const unit = days === 1 ? 'day' : 'days';
  return h % 24 === 0 ? `${days} ${unit}` : `${days} ${unit} ${h % 24} h`;
}

/**
 * A time as messages, the command line and the runbook write it: ISO 8601 in UTC, to the second
 * ("2013-03-14T10:00:00Z"; milliseconds only when there are some). The screens show the
 * workstation's zone instead (ui/format.ts).
 */
export function utcText(time: IsoTime): string {
  return time.replace(/\.000Z$/, 'Z');
}
