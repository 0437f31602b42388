import { describe, expect, it } from 'vitest';
import { formatShortTime, formatTime, fromLocalInput, toLocalInput } from '../../renderer/ui/format';

describe('times typed and shown in the workstation zone', () => {
  it.each([
    ['2013-03-10T05:00', 'America/Los_Angeles', '2013-03-10T12:00:00.000Z'],
    ['2013-03-10T01:00', 'America/Los_Angeles', '2013-03-10T09:00:00.000Z'],
    ['2013-03-10T03:30', 'America/Los_Angeles', '2013-03-10T10:30:00.000Z'],
    ['2013-11-03T08:00', 'America/Los_Angeles', '2013-11-03T16:00:00.000Z'],
    ['2013-03-31T01:30', 'Europe/Berlin', '2013-03-31T00:30:00.000Z'],
    ['2013-03-31T03:30', 'Europe/Berlin', '2013-03-31T01:30:00.000Z'],
    ['2013-10-27T02:30', 'Europe/Berlin', '2013-10-27T00:30:00.000Z'],
    ['2013-03-14T10:00', 'UTC', '2013-03-14T10:00:00.000Z'],
  ])('%s in %s is %s, and reads back the same', (typed, zone, iso) => {
    expect(fromLocalInput(typed, zone)).toEqual({ ok: true, iso });
    expect(toLocalInput(iso, zone)).toBe(typed);
  });

  it('refuses a wall time the clocks skipped', () => {
    expect(fromLocalInput('2013-03-10T02:30', 'America/Los_Angeles')).toEqual({
      ok: false,
      problem:
        '2013-03-10 02:30 does not exist in America/Los_Angeles: the clocks went forward at that hour. Check the time.',
    });
    expect(fromLocalInput('2013-03-31T02:30', 'Europe/Berlin').ok).toBe(false);
  });

  it('refuses what is not a time', () => {
    expect(fromLocalInput('', 'UTC')).toEqual({ ok: false, problem: 'Enter the date and time the step finished.' });
  });

  it('shows "14 Mar 2013 10:00" and the compact "14 Mar 10:00"', () => {
    expect(formatTime('2013-03-14T10:00:00.000Z', 'UTC')).toBe('14 Mar 2013 10:00');
    expect(formatTime('2013-03-14T10:00:05.000Z', 'UTC', true)).toBe('14 Mar 2013 10:00:05');
    expect(formatShortTime('2013-03-14T10:00:00.000Z', 'Europe/Berlin')).toBe('14 Mar 11:00');
  });
});
