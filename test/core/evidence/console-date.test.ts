import { describe, expect, it } from 'vitest';
import {
  createDateReader,
  describeDate,
  type ConsoleDate,
  type DateSettings,
} from '../../../renderer/core/evidence/console-date';

const UTC = 'UTC';
const settings = (locale: string, localeChosen: boolean, timeZone = UTC): DateSettings => ({
  locale,
  localeChosen,
  timeZone,
});
const readOne = (text: string, s: DateSettings): ConsoleDate => createDateReader(s, [text]).read(text);
const isoOf = (d: ConsoleDate): string => (d.ok ? d.iso : `${d.problem}: ${d.message}`);

describe('reading console dates in a locale and time zone', () => {
  it('reads the field report date en-US in Los Angeles, and it is not ambiguous (24 cannot be a month)', () => {
    const d = readOne('11/24/2012 8:08:05 PM', settings('en-US', false, 'America/Los_Angeles'));
    expect(isoOf(d)).toBe('2012-11-25T04:08:05.000Z');
    expect(describeDate(d)).toBe('2012-11-24 20:08:05 (America/Los_Angeles) = 2012-11-25T04:08:05Z');
  });

  it('refuses 3/4/2013 while the locale is the default, naming both readings and what to do', () => {
    const d = readOne('3/4/2013 10:00:00 AM', settings('en-US', false));
    expect(d.ok).toBe(false);
    if (d.ok || d.problem !== 'ambiguous') throw new Error('expected ambiguous');
    expect(d.readings.map((r) => r.wall)).toEqual(['2013-03-04 10:00:00', '2013-04-03 10:00:00']);
    expect(d.message).toContain('2013-03-04 10:00:00');
    expect(d.message).toContain('2013-04-03 10:00:00');
    expect(d.message).toMatch(/choose the console's locale/i);
  });

  it('reads 3/4/2013 month first once en-US is chosen, day first once en-GB is chosen', () => {
    expect(isoOf(readOne('3/4/2013 10:00:00 AM', settings('en-US', true)))).toBe('2013-03-04T10:00:00.000Z');
    expect(isoOf(readOne('03/04/2013 10:00:00', settings('en-GB', true)))).toBe('2013-04-03T10:00:00.000Z');
    expect(isoOf(readOne('03/04/2013 10:00:00', settings('fr-FR', true)))).toBe('2013-04-03T10:00:00.000Z');
    expect(isoOf(readOne('04.03.2013 10:00:00', settings('de-DE', true)))).toBe('2013-03-04T10:00:00.000Z');
    expect(isoOf(readOne('4-3-2013 10:00:00', settings('nl-NL', true)))).toBe('2013-03-04T10:00:00.000Z');
  });

  it('refuses a date whose shape contradicts the chosen locale when both readings are real', () => {
    // AM/PM in a 24-hour culture
    expect(readOne('3/4/2013 10:00:00 AM', settings('en-GB', true))).toMatchObject({ ok: false, problem: 'ambiguous' });
    // no AM/PM where en-US always prints it
    expect(readOne('03/04/2013 10:00:00', settings('en-US', true))).toMatchObject({ ok: false, problem: 'ambiguous' });
    // another separator than the culture's
    expect(readOne('04.03.2013 10:00:00', settings('en-GB', true))).toMatchObject({ ok: false, problem: 'ambiguous' });
    const d = readOne('3/4/2013 10:00:00 AM', settings('en-GB', true));
    expect(d.ok ? '' : d.message).toContain('AM/PM');
  });

  it('reads en-US output correctly even when en-GB was chosen, when only one reading exists, and says why', () => {
    const d = readOne('11/24/2012 8:08:05 PM', settings('en-GB', true, 'America/Los_Angeles'));
    expect(isoOf(d)).toBe('2012-11-25T04:08:05.000Z');
    expect(d.ok && d.note).toMatch(/24 cannot be a month/);
  });

  it('reads en-GB output whatever the default locale says when its day is over 12', () => {
    expect(isoOf(readOne('24/11/2012 20:08:05', settings('en-US', false)))).toBe('2012-11-24T20:08:05.000Z');
  });

  it('settles the order of a whole paste from the one date that can be read only one way', () => {
    const texts = ['3/14/2013 10:02:11 AM', '3/4/2013 10:00:00 AM'];
    const reader = createDateReader(settings('en-US', false), texts);
    expect(isoOf(reader.read('3/4/2013 10:00:00 AM'))).toBe('2013-03-04T10:00:00.000Z');
    expect(reader.summary).toContain('3/14/2013 10:02:11 AM');
    const gb = createDateReader(settings('en-US', false), ['14/03/2013 10:02:11', '04/03/2013 10:00:00']);
    expect(isoOf(gb.read('04/03/2013 10:00:00'))).toBe('2013-03-04T10:00:00.000Z');
  });

  it('warns when the dates of one paste disagree on the order', () => {
    const reader = createDateReader(settings('en-US', false), ['3/14/2013 10:00:00 AM', '14/3/2013 10:00:00']);
    expect(reader.warnings.join(' ')).toMatch(/disagree/);
    expect(reader.read('3/4/2013 10:00:00 AM')).toMatchObject({ ok: false, problem: 'ambiguous' });
  });

  it('does not call a date ambiguous when both readings are the same day', () => {
    expect(isoOf(readOne('4/4/2013 10:00:00 AM', settings('en-US', false)))).toBe('2013-04-04T10:00:00.000Z');
  });

  it('reads ISO-like dates in any locale, and exact ISO times with their zone', () => {
    expect(isoOf(readOne('2013-03-04 10:00:00', settings('en-US', false)))).toBe('2013-03-04T10:00:00.000Z');
    expect(isoOf(readOne('2013-03-04 10:00:00', settings('de-DE', true, 'Europe/Berlin')))).toBe(
      '2013-03-04T09:00:00.000Z',
    );
    const exact = readOne('2012-11-25T04:08:05.0000000Z', settings('en-US', false, 'America/Los_Angeles'));
    expect(isoOf(exact)).toBe('2012-11-25T04:08:05.000Z');
    expect(exact.ok && exact.zone).toBe('UTC');
    expect(isoOf(readOne('2013-03-15T10:12:00+01:00', settings('en-US', false)))).toBe('2013-03-15T09:12:00.000Z');
  });

  it('reads 12 AM as midnight and 12 PM as noon', () => {
    expect(isoOf(readOne('11/24/2012 12:05:00 AM', settings('en-US', true)))).toBe('2012-11-24T00:05:00.000Z');
    expect(isoOf(readOne('11/24/2012 12:05:00 PM', settings('en-US', true)))).toBe('2012-11-24T12:05:00.000Z');
  });

  it('notes the repeated hour when clocks go back', () => {
    const d = readOne('11/3/2013 1:30:00 AM', settings('en-US', true, 'America/Los_Angeles'));
    expect(isoOf(d)).toBe('2013-11-03T08:30:00.000Z');
    expect(d.ok && d.note).toMatch(/twice/);
  });

  it('refuses what is not a real date and time, saying so', () => {
    for (const text of [
      'yesterday',
      '2/30/2013 10:00:00 AM',
      '13/13/2013 10:00:00',
      '11/24/12 8:08:05 PM',
      '11/24/2012 13:08:05 PM',
      '11/24/2012',
      '',
    ]) {
      const d = readOne(text, settings('en-US', true));
      expect(d.ok, text).toBe(false);
      expect(d.ok ? '' : d.message.length, text).toBeGreaterThan(0);
    }
    expect(readOne('11/24/12 8:08:05 PM', settings('en-US', true))).toMatchObject({ problem: 'unreadable' });
    expect(readOne('Mar 15 09:12', settings('en-US', true))).toMatchObject({ problem: 'no-year' });
  });

  it('assumes no order for an unknown locale: two readings are refused, one is read', () => {
    expect(readOne('3/4/2013 10:00:00', settings('not a locale!!', true))).toMatchObject({
      ok: false,
      problem: 'ambiguous',
    });
    expect(isoOf(readOne('24/11/2012 20:08:05', settings('not a locale!!', true)))).toBe('2012-11-24T20:08:05.000Z');
  });

  it('refuses an unknown time zone with its name', () => {
    const d = readOne('11/24/2012 8:08:05 PM', settings('en-US', true, 'Nowhere/Atlantis'));
    expect(d.ok ? '' : d.message).toContain('Nowhere/Atlantis');
  });
});
