import { wallTimeToEpoch } from '../core/evidence/zoned-time';

/** How times read in the UI: "14 Mar 2026 10:00" in the workstation's zone, with the zone named. */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, withSeconds: boolean): Intl.DateTimeFormat {
  const key = `${timeZone}|${withSeconds}`;
  let f = formatters.get(key);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      ...(withSeconds ? { second: '2-digit' } : {}),
      hourCycle: 'h23',
    });
    formatters.set(key, f);
  }
  return f;
}

/** "14 Mar 2026 10:00" for an ISO time, in the given IANA zone. */
export function formatTime(iso: string, timeZone: string, withSeconds = false): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatter(timeZone, withSeconds).format(date).replace(',', '');
}

/** "13 Mar 09:00": the compact form for dense tables (the full form stays in the label). */
export function formatShortTime(iso: string, timeZone: string): string {
  const full = formatTime(iso, timeZone);
  return full.replace(/^(\d{1,2} \w{3}) \d{4} /, '$1 ');
}

/** The zone's short name at that moment ("GMT", "CET", "GMT-5"), for labels next to times. */
export function zoneName(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'short' }).formatToParts(new Date(iso));
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

/** The value of a `datetime-local` input for an ISO time, in the given zone ("2026-03-14T10:00"). */
export function toLocalInput(iso: string, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/**
 * The ISO time of a `datetime-local` value read in the given zone, or why it is not one. A wall time
 * skipped when the clocks went forward is refused; one that happened twice (clocks went back) is
 * read as the earlier of the two, the cautious reading for a Step 1 time.
 */
export function fromLocalInput(
  value: string,
  timeZone: string,
): { ok: true; iso: string } | { ok: false; problem: string } {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (m === null) return { ok: false, problem: 'Enter the date and time the step finished.' };
  const [, year, month, day, hour, minute] = m.map(Number) as [number, number, number, number, number, number];
  const result = wallTimeToEpoch({ year, month, day, hour, minute, second: 0, millisecond: 0 }, timeZone);
  if (!result.ok) return { ok: false, problem: `That time cannot be read: ${result.problem}.` };
  if (result.fold === 'gap')
    return {
      ok: false,
      problem: `${value.replace('T', ' ')} does not exist in ${timeZone}: the clocks went forward at that hour. Check the time.`,
    };
  return { ok: true, iso: new Date(result.epoch).toISOString() };
}
