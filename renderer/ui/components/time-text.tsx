import { formatTime, zoneName } from '../format';

/** A time as "14 Mar 2026 10:00 GMT": the workstation's zone, named next to it (and the UTC time in the title). */
export function TimeText({
  iso,
  timeZone,
  showZone = true,
  withSeconds = false,
}: {
  iso: string;
  timeZone: string;
  showZone?: boolean;
  withSeconds?: boolean;
}) {
  return (
    <time dateTime={iso} title={`${iso} (UTC)`}>
      {formatTime(iso, timeZone, withSeconds)}
      {showZone ? ` ${zoneName(iso, timeZone)}` : ''}
    </time>
  );
}
