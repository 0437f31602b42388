/**
 * The shape of a console date — its numbers, separator, clock and any zone — and which day/month
 * orders it allows, alone or together with the other dates of its paste.
 */
import type { ConsoleLocale, DateOrder } from './console-locale';
import type { WallTime } from './zoned-time';

/** The parts of a date as written, before any day/month order is chosen for them. */
export interface Shape {
  readonly first: number;
  readonly second: number;
  readonly third: number;
  readonly yearFirst: boolean;
  readonly separator: '/' | '.' | '-';
  readonly hour: number;
  readonly minute: number;
  readonly second_: number;
  readonly millisecond: number;
  readonly meridiem: 'AM' | 'PM' | null;
  /** Minutes east of UTC when the text carries its own zone (ISO "Z" or "+01:00"). */
  readonly offsetMinutes: number | null;
}

// Bounded by the length check before it, and free of nested quantifiers: linear on any input.
const DATE =
  /^(\d{1,4})([./-])(\d{1,2})\2(\d{1,4})(?:[ T,]{1,3}(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:[.,](\d{1,9}))?)?)?\s?(?:([AaPp])\.?\s?[Mm]\.?)?\s?(Z|[+-]\d{2}:?\d{2})?$/;
/** A Unix-style "Nov 24 20:08" date, which has no year to read. */
export const NO_YEAR = /^[^\d\s]{2,12}\s{1,3}\d{1,2}\s{1,3}\d{1,2}:\d{2}$/;
/** Longest text read as a date; longer text is refused before any regular expression runs. */
export const MAX_DATE_TEXT = 64;

/** The parts of a date and time as written, 'no-time' for a date alone, or null when it is not a date. */
export function shapeOf(text: string): Shape | 'no-time' | null {
  if (text.length > MAX_DATE_TEXT) return null;
  const m = DATE.exec(text);
  if (m === null) return null;
  const [, a, sep, b, c, h, mi, s, frac, mer, zone] = m;
  if (h === undefined || mi === undefined) return 'no-time';
  const yearFirst = (a as string).length === 4;
  let offsetMinutes: number | null = null;
  if (zone !== undefined) {
    if (zone === 'Z') offsetMinutes = 0;
    else {
      const digits = zone.replace(':', '');
      const sign = digits.startsWith('-') ? -1 : 1;
      offsetMinutes = sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
    }
  }
  return {
    first: Number(a),
    second: Number(b),
    third: Number(c),
    yearFirst,
    separator: sep as '/' | '.' | '-',
    hour: Number(h),
    minute: Number(mi),
    second_: s === undefined ? 0 : Number(s),
    millisecond: frac === undefined ? 0 : Number(frac.slice(0, 3).padEnd(3, '0')),
    meridiem: mer === undefined ? null : mer.toUpperCase() === 'A' ? 'AM' : 'PM',
    offsetMinutes,
  };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The wall time for one order, or null when that order gives no real date and time. */
export function wallFor(shape: Shape, order: DateOrder): WallTime | null {
  let year: number;
  let month: number;
  let day: number;
  if (order === 'YMD') [year, month, day] = [shape.first, shape.second, shape.third];
  else if (order === 'MDY') [month, day, year] = [shape.first, shape.second, shape.third];
  else [day, month, year] = [shape.first, shape.second, shape.third];
  if (year < 1970 || year > 2200 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  let hour = shape.hour;
  if (shape.meridiem !== null) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (shape.meridiem === 'PM' ? 12 : 0);
  }
  if (hour > 23 || shape.minute > 59 || shape.second_ > 59) return null;
  return { year, month, day, hour, minute: shape.minute, second: shape.second_, millisecond: shape.millisecond };
}

/** Which of day-first and month-first a shape allows (year-first shapes allow only themselves). */
export function validOrders(shape: Shape): DateOrder[] {
  if (shape.yearFirst) return wallFor(shape, 'YMD') === null ? [] : ['YMD'];
  if (String(shape.third).length !== 4) return [];
  return (['MDY', 'DMY'] as const).filter((o) => wallFor(shape, o) !== null);
}

/** Where the text's shape contradicts the locale: AM/PM in a 24-hour culture, another separator. */
export function contradiction(shape: Shape, locale: ConsoleLocale): string | null {
  if (locale.clock === 24 && shape.meridiem !== null)
    return `it has AM/PM, which consoles in ${locale.id} do not print`;
  if (locale.clock === 12 && shape.meridiem === null) return `it has no AM/PM, which consoles in ${locale.id} print`;
  if (locale.separator !== null && !shape.yearFirst && shape.separator !== locale.separator) {
    return `it uses "${shape.separator}" between day and month, where consoles in ${locale.id} use "${locale.separator}"`;
  }
  return null;
}

/**
 * The order every date of a paste follows, when one of its dates can be read only one way (a
 * console prints all dates alike), or null when none decides it or they disagree.
 */
export function pasteOrder(
  texts: readonly string[],
): { order: 'MDY' | 'DMY'; because: string } | { conflict: string } | null {
  let onlyMdy: string | null = null;
  let onlyDmy: string | null = null;
  for (const text of texts) {
    const shape = shapeOf(text.trim());
    if (shape === null || shape === 'no-time' || shape.yearFirst) continue;
    const orders = validOrders(shape);
    if (orders.length !== 1) continue;
    if (orders[0] === 'MDY') onlyMdy ??= text.trim();
    else onlyDmy ??= text.trim();
  }
  if (onlyMdy !== null && onlyDmy !== null)
    return { conflict: `"${onlyMdy}" is month-first but "${onlyDmy}" is day-first` };
  if (onlyMdy !== null) return { order: 'MDY', because: onlyMdy };
  if (onlyDmy !== null) return { order: 'DMY', because: onlyDmy };
  return null;
}
