/**
 * How a Windows console prints dates in a given culture: the order of day, month and year, the
 * date separator and whether the clock is 12-hour. Only what the evidence parsers need to tell
 * two readings of a date apart.
 */

/** The order of the numeric parts of a short date. */
export type DateOrder = 'MDY' | 'DMY' | 'YMD';

/** A console culture's short date and time shape. */
export interface ConsoleLocale {
  readonly id: string;
  readonly label: string;
  readonly order: DateOrder;
  /** null when not known (a locale derived from Intl): the separator then says nothing. */
  readonly separator: '/' | '.' | '-' | null;
  /** null when not known: the presence of AM/PM then says nothing. */
  readonly clock: 12 | 24 | null;
  /** How the field report's LastUpdateCreation reads in that console. */
  readonly example: string;
}

/** The console cultures the evidence reader knows exactly (.NET short date + long time). */
export const CONSOLE_LOCALES: readonly ConsoleLocale[] = [
  {
    id: 'en-US',
    label: 'English (United States)',
    order: 'MDY',
    separator: '/',
    clock: 12,
    example: '11/24/2012 8:08:05 PM',
  },
  {
    id: 'en-GB',
    label: 'English (United Kingdom)',
    order: 'DMY',
    separator: '/',
    clock: 24,
    example: '24/11/2012 20:08:05',
  },
  {
    id: 'de-DE',
    label: 'Deutsch (Deutschland)',
    order: 'DMY',
    separator: '.',
    clock: 24,
    example: '24.11.2012 20:08:05',
  },
  { id: 'fr-FR', label: 'Français (France)', order: 'DMY', separator: '/', clock: 24, example: '24/11/2012 20:08:05' },
  {
    id: 'nl-NL',
    label: 'Nederlands (Nederland)',
    order: 'DMY',
    separator: '-',
    clock: 24,
    example: '24-11-2012 20:08:05',
  },
];

/** The locale assumed until the admin chooses one (the field report's console). */
export const DEFAULT_CONSOLE_LOCALE = 'en-US';

/**
 * The console shape for a locale id: exact for the known cultures, otherwise the date order Intl
 * gives for it (separator and clock unknown), or null when Intl does not accept the id.
 */
export function consoleLocale(id: string): ConsoleLocale | null {
  const known = CONSOLE_LOCALES.find((l) => l.id.toLowerCase() === id.trim().toLowerCase());
  if (known !== undefined) return known;
  if (id.length === 0 || id.length > 40) return null;
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat(id, {
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      timeZone: 'UTC',
    }).formatToParts(new Date(Date.UTC(2012, 10, 24)));
  } catch {
    return null;
  }
  const letters = parts
    .filter((p) => p.type === 'year' || p.type === 'month' || p.type === 'day')
    .map((p) => (p.type === 'year' ? 'Y' : p.type === 'month' ? 'M' : 'D'))
    .join('');
  const order: DateOrder = letters === 'MDY' ? 'MDY' : letters.startsWith('Y') ? 'YMD' : 'DMY';
  return { id, label: id, order, separator: null, clock: null, example: '' };
}

/** "month/day/year, 12-hour clock" — how a locale's shape reads in the UI. */
export function describeConsoleLocale(locale: ConsoleLocale): string {
  const order =
    locale.order === 'MDY' ? 'month/day/year' : locale.order === 'DMY' ? 'day/month/year' : 'year/month/day';
  const clock = locale.clock === null ? '' : `, ${locale.clock}-hour clock`;
  return `${order}${clock}`;
}
