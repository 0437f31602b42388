/**
 * Local wall-clock times (as a console prints them, without a zone) turned into UTC in a named
 * IANA time zone, with Intl only: the core has no other source of time-zone rules.
 */

/** A wall-clock time: what a console printed, before any zone is applied. */
export interface WallTime {
  readonly year: number;
  readonly month: number; // 1-12
  readonly day: number;
  readonly hour: number; // 0-23
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
}

/**
 * How a wall time maps to UTC in a zone. DST is resolved the way Temporal's 'compatible'
 * disambiguation does, so the result is deterministic: in the repeated hour after clocks go back
 * the earlier instant is taken (the conservative one when evidence must be *after* something),
 * and a time skipped when clocks go forward is read with the offset in force before the jump.
 */
export type ZonedResult =
  | { readonly ok: true; readonly epoch: number; readonly fold: 'none' }
  | { readonly ok: true; readonly epoch: number; readonly fold: 'overlap'; readonly laterEpoch: number }
  | { readonly ok: true; readonly epoch: number; readonly fold: 'gap' }
  | { readonly ok: false; readonly problem: string };

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  const cached = formatters.get(timeZone);
  if (cached !== undefined) return cached;
  let made: Intl.DateTimeFormat | null;
  try {
    made = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    // Intl throws a RangeError for a zone it does not know; the caller turns null into a message.
    made = null;
  }
  if (formatters.size > 200) formatters.clear();
  formatters.set(timeZone, made);
  return made;
}

/** True when Intl knows the IANA time zone name. */
export function isKnownTimeZone(timeZone: string): boolean {
  return timeZone.length > 0 && timeZone.length <= 80 && formatterFor(timeZone) !== null;
}

/** The zone's offset from UTC (ms, east positive) at an instant. */
function offsetAt(format: Intl.DateTimeFormat, epoch: number): number {
  const parts = format.formatToParts(new Date(epoch));
  const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value ?? NaN);
  const hour = get('hour') % 24;
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), hour, get('minute'), get('second'));
  return asUtc - Math.floor(epoch / 1000) * 1000;
}

/** The UTC instant of a wall time in an IANA zone, with how DST folds were resolved. */
export function wallTimeToEpoch(wall: WallTime, timeZone: string): ZonedResult {
  const format = formatterFor(timeZone);
  if (format === null) return { ok: false, problem: `the time zone "${timeZone.slice(0, 80)}" is not known` };
  const naive = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.millisecond);
  if (!Number.isFinite(naive)) return { ok: false, problem: 'the date is out of range' };
  // Real zones never change offset twice within two days, so the offsets a day either side are the
  // only candidates; each is kept only if it really is in force at the instant it gives.
  const before = offsetAt(format, naive - DAY_MS);
  const after = offsetAt(format, naive + DAY_MS);
  const valid = [...new Set([before, after])].map((o) => naive - o).filter((t) => offsetAt(format, t) === naive - t);
  if (valid.length === 0) return { ok: true, epoch: naive - before, fold: 'gap' };
  const sorted = [...new Set(valid)].sort((a, b) => a - b);
  const first = sorted[0] as number;
  const last = sorted[sorted.length - 1] as number;
  if (first !== last) return { ok: true, epoch: first, fold: 'overlap', laterEpoch: last };
  return { ok: true, epoch: first, fold: 'none' };
}
