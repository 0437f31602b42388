/**
 * Dates as a console prints them — in the console's culture and without a zone — read in a stated
 * locale and IANA time zone, refusing to guess when a date reads two ways.
 */
import { toIsoTime, utcText, type IsoTime } from '../model/time';
import { formatWall, orderWord, zoneLabel } from './console-date-format';
import {
  contradiction,
  MAX_DATE_TEXT,
  NO_YEAR,
  pasteOrder,
  shapeOf,
  validOrders,
  wallFor,
  type Shape,
} from './console-date-parse';
import { consoleLocale, describeConsoleLocale, type DateOrder } from './console-locale';
import { wallTimeToEpoch, type WallTime } from './zoned-time';

/** How a wall time is shown, re-exported so this module stays the one place console dates come from. */
export { formatWall } from './console-date-format';

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
      /** True when the text carried its own UTC offset; false when it was placed in the chosen time zone. */
      readonly zoned: boolean;
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
        zoned: true,
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
    return {
      ok: true,
      text,
      wall: formatWall(wall),
      zone: settings.timeZone,
      zoned: false,
      iso: toIsoTime(zoned.epoch),
      note,
    };
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
  if (date.ok) return `${date.wall} (${date.zone}) = ${utcText(date.iso)}`;
  if (date.problem === 'ambiguous')
    return `"${date.text}" ambiguous: ${date.readings[0].wall} or ${date.readings[1].wall}`;
  return date.problem === 'no-year' ? `"${date.text}" (no year)` : `"${date.text}" unreadable`;
}
