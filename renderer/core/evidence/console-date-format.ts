/** Dates, orders and zones put into words, so every message and summary shows them the same way. */
import type { DateOrder } from './console-locale';
import type { WallTime } from './zoned-time';

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** "2012-11-24 20:08:05" — a wall time as shown to the admin. */
export function formatWall(w: WallTime): string {
  const ms = w.millisecond === 0 ? '' : `.${pad(w.millisecond, 3)}`;
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${ms}`;
}

/** A day/month order as the words messages use for it. */
export function orderWord(order: DateOrder): string {
  return order === 'MDY' ? 'month first' : order === 'DMY' ? 'day first' : 'year first';
}

/** A fixed offset the text carried itself, named as UTC±hh:mm (or plain UTC) where an IANA zone would go. */
export function zoneLabel(offsetMinutes: number): string {
  if (offsetMinutes === 0) return 'UTC';
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
