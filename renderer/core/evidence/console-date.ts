/**
 * Dates as a console prints them — in the console's culture and without a zone — read in a stated
 * locale and IANA time zone, refusing to guess when a date reads two ways.
 */
import { toIsoTime, type IsoTime } from '../model/time';
import { consoleLocale, describeConsoleLocale, type ConsoleLocale, type DateOrder } from './console-locale';
import { wallTimeToEpoch, type WallTime } from './zoned-time';

/** The locale and time zone evidence is read in, and whether the admin chose the locale. */
export interface DateSettings {
  readonly locale: string;
  readonly localeChosen: boolean;
  readonly timeZone: string;
}

/** One way of reading a date: the wall time, and the UTC instant it is in the chosen zone. */
export interface DateReading {
  readonly order: DateOrder;
  readonly wall: string;
  readonly iso: IsoTime;
}

/** A console date as read: a moment, or why it could not be taken as one. */
export type ConsoleDate =
  | {
      readonly ok: true;
      readonly text: string;
      readonly wall: string;
      readonly zone: string;
      readonly iso: IsoTime;
      readonly note: string | null;
    }
  | {
      readonly ok: false;
      readonly text: string;
      readonly problem: 'ambiguous';
      readonly readings: readonly [DateReading, DateReading];
      readonly message: string;
    }
  | { readonly ok: false; readonly text: string; readonly problem: 'unreadable' | 'no-year'; readonly message: string };

/** Reads every date of one paste consistently (one console prints all its dates one way). */
export interface DateReader {
  read(text: string): ConsoleDate;
  /** One line saying how dates were read, for the admin to check. */
  readonly summary: string;
  readonly warnings: readonly string[];
}

interface Shape {
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
const NO_YEAR = /^[^\d\s]{2,12}\s{1,3}\d{1,2}\s{1,3}\d{1,2}:\d{2}$/;
const MAX_DATE_TEXT = 64;

function shapeOf(text: string): Shape | 'no-time' | null {
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
function wallFor(shape: Shape, order: DateOrder): WallTime | null {
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

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** "2012-11-24 20:08:05" — a wall time as shown to the admin. */
export function formatWall(w: WallTime): string {
  const ms = w.millisecond === 0 ? '' : `.${pad(w.millisecond, 3)}`;
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${ms}`;
}

function orderWord(order: DateOrder): string {
  return order === 'MDY' ? 'month first' : order === 'DMY' ? 'day first' : 'year first';
}

/** Which of day-first and month-first a shape allows (year-first shapes allow only themselves). */
function validOrders(shape: Shape): DateOrder[] {
  if (shape.yearFirst) return wallFor(shape, 'YMD') === null ? [] : ['YMD'];
  if (String(shape.third).length !== 4) return [];
  return (['MDY', 'DMY'] as const).filter((o) => wallFor(shape, o) !== null);
}

/** Where the text's shape contradicts the locale: AM/PM in a 24-hour culture, another separator. */
function contradiction(shape: Shape, locale: ConsoleLocale): string | null {
  if (locale.clock === 24 && shape.meridiem !== null)
    return `it has AM/PM, which a ${locale.id} console does not print`;
  if (locale.clock === 12 && shape.meridiem === null) return `it has no AM/PM, which a ${locale.id} console prints`;
  if (locale.separator !== null && !shape.yearFirst && shape.separator !== locale.separator) {
    return `it uses "${shape.separator}" between day and month, where a ${locale.id} console uses "${locale.separator}"`;
  }
  return null;
}

/**
 * The order every date of a paste follows, when one of its dates can be read only one way (a
 * console prints all dates alike), or null when none decides it or they disagree.
 */
function pasteOrder(texts: readonly string[]): { order: 'MDY' | 'DMY'; because: string } | { conflict: string } | null {
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

function zoneLabel(offsetMinutes: number): string {
  if (offsetMinutes === 0) return 'UTC';
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** A reader for the dates of one paste, given all of them so their order can be settled together. */
export function createDateReader(settings: DateSettings, texts: readonly string[]): DateReader {
  const locale = consoleLocale(settings.locale);
  const warnings: string[] = [];
  const settled = pasteOrder(texts);
  const hint = settled !== null && 'order' in settled ? settled : null;
  if (settled !== null && 'conflict' in settled) {
    warnings.push(
      `The dates in this paste disagree on day/month order (${settled.conflict}): were two consoles pasted together?`,
    );
  }
  const localeText =
    locale === null
      ? `Dates read in time zone ${settings.timeZone.slice(0, 80)}; the locale "${settings.locale.slice(0, 40)}" is not known, so no day/month order is assumed.`
      : `Dates read as ${locale.id} (${describeConsoleLocale(locale)}) in time zone ${settings.timeZone.slice(0, 80)}.${settings.localeChosen ? '' : ` ${locale.id} is the default: choose the console's locale if it differs.`}`;
  let summary = localeText;
  if (hint !== null) {
    const against = locale !== null && settings.localeChosen && locale.order !== hint.order && locale.order !== 'YMD';
    summary += ` This paste's dates are ${orderWord(hint.order)}: "${hint.because}" can be read no other way${against ? `, although ${locale.id} reads ${orderWord(locale.order)}` : ''}.`;
  }

  function toReading(shape: Shape, order: DateOrder, text: string): ConsoleDate {
    const wall = wallFor(shape, order) as WallTime;
    if (shape.offsetMinutes !== null) {
      const epoch =
        Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.millisecond) -
        shape.offsetMinutes * 60_000;
      return {
        ok: true,
        text,
        wall: formatWall(wall),
        zone: zoneLabel(shape.offsetMinutes),
        iso: toIsoTime(epoch),
        note: null,
      };
    }
    const zoned = wallTimeToEpoch(wall, settings.timeZone);
    if (!zoned.ok)
      return {
        ok: false,
        text,
        problem: 'unreadable',
        message: `"${text}" cannot be placed in time: ${zoned.problem}.`,
      };
    let note: string | null = null;
    if (zoned.fold === 'overlap') {
      note = `${formatWall(wall)} happens twice in ${settings.timeZone} (clocks go back): read as the earlier, ${toIsoTime(zoned.epoch)}; the later would be ${toIsoTime(zoned.laterEpoch)}.`;
    } else if (zoned.fold === 'gap') {
      note = `${formatWall(wall)} does not exist in ${settings.timeZone} (clocks go forward): read with the offset before the change, as ${toIsoTime(zoned.epoch)}. Check the time zone.`;
    }
    return { ok: true, text, wall: formatWall(wall), zone: settings.timeZone, iso: toIsoTime(zoned.epoch), note };
  }

  function read(raw: string): ConsoleDate {
    const text = raw.trim();
    const shown = text.length > MAX_DATE_TEXT ? `${text.slice(0, MAX_DATE_TEXT)}…` : text;
    if (NO_YEAR.test(text)) {
      return {
        ok: false,
        text: shown,
        problem: 'no-year',
        message: `"${shown}" has no year (and no seconds), so it cannot be compared with the OAuth assignment.`,
      };
    }
    const shape = shapeOf(text);
    if (shape === 'no-time')
      return { ok: false, text: shown, problem: 'unreadable', message: `"${shown}" has a date but no time of day.` };
    if (shape === null)
      return {
        ok: false,
        text: shown,
        problem: 'unreadable',
        message: `"${shown}" is not a date and time this app can read.`,
      };
    const orders = validOrders(shape);
    if (orders.length === 0) {
      const why = !shape.yearFirst && String(shape.third).length !== 4 ? ' (the year must have four digits)' : '';
      return {
        ok: false,
        text: shown,
        problem: 'unreadable',
        message: `"${shown}" is not a real date and time${why}.`,
      };
    }
    if (orders.length === 1) {
      const only = orders[0] as DateOrder;
      const result = toReading(shape, only, shown);
      if (
        result.ok &&
        locale !== null &&
        settings.localeChosen &&
        only !== 'YMD' &&
        locale.order !== 'YMD' &&
        only !== locale.order
      ) {
        const bigger = only === 'MDY' ? shape.second : shape.first;
        return {
          ...result,
          note: `Read ${orderWord(only)} although ${locale.id} reads ${orderWord(locale.order)}: ${bigger} cannot be a month.`,
        };
      }
      return result;
    }
    const [mdy, dmy] = [toReading(shape, 'MDY', shown), toReading(shape, 'DMY', shown)];
    if (!mdy.ok) return mdy;
    if (!dmy.ok) return dmy;
    if (mdy.iso === dmy.iso) return mdy;
    let chosen: DateOrder | null = null;
    if (hint !== null) chosen = hint.order;
    else if (
      locale !== null &&
      settings.localeChosen &&
      locale.order !== 'YMD' &&
      contradiction(shape, locale) === null
    )
      chosen = locale.order;
    if (chosen !== null) return chosen === 'MDY' ? mdy : dmy;
    const why =
      locale === null
        ? 'the locale is not known'
        : settings.localeChosen && locale.order === 'YMD'
          ? `${locale.id} prints the year first and this date does not`
          : !settings.localeChosen
            ? `the locale is still the default (${locale.id})`
            : `its shape does not match ${locale.id}: ${contradiction(shape, locale) ?? 'its order is unknown'}`;
    return {
      ok: false,
      text: shown,
      problem: 'ambiguous',
      readings: [
        { order: 'MDY', wall: mdy.wall, iso: mdy.iso },
        { order: 'DMY', wall: dmy.wall, iso: dmy.iso },
      ],
      message: `"${shown}" can be read month first as ${mdy.wall} or day first as ${dmy.wall}, and ${why}. Choose the console's locale, then judge again.`,
    };
  }

  // Intl is slow next to everything else here, and a long paste repeats the same few dates.
  const memo = new Map<string, ConsoleDate>();
  const readOnce = (raw: string): ConsoleDate => {
    const known = memo.get(raw);
    if (known !== undefined) return known;
    const result = read(raw);
    if (memo.size < 10_000) memo.set(raw, result);
    return result;
  };
  return { read: readOnce, summary, warnings };
}

/** "2012-11-24 20:08:05 (America/Los_Angeles) = 2012-11-25T04:08:05.000Z" — a date as read. */
export function describeDate(date: ConsoleDate): string {
  if (date.ok) return `${date.wall} (${date.zone}) = ${date.iso}`;
  if (date.problem === 'ambiguous')
    return `"${date.text}" ambiguous: ${date.readings[0].wall} or ${date.readings[1].wall}`;
  return date.problem === 'no-year' ? `"${date.text}" (no year)` : `"${date.text}" unreadable`;
}
