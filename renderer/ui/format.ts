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
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** The ISO time of a `datetime-local` value read in the given zone (null when it is not a time). */
export function fromLocalInput(value: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (m === null) return null;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  // The zone's offset at that wall time: format the guess in the zone and correct by the difference.
  const shown = toLocalInput(new Date(guess).toISOString(), timeZone);
  const [sy, smo, sd, sh, smi] = shown.split(/[-T:]/).map(Number) as [number, number, number, number, number];
  const offset = Date.UTC(sy, smo - 1, sd, sh, smi) - guess;
  return new Date(guess - offset).toISOString();
}
