import { describe, expect, it } from 'vitest';
import { isKnownTimeZone, wallTimeToEpoch, type WallTime } from '../../../renderer/core/evidence/zoned-time';

const wall = (year: number, month: number, day: number, hour: number, minute = 0, second = 0): WallTime => ({
  year,
  month,
  day,
  hour,
  minute,
  second,
  millisecond: 0,
});
const iso = (r: ReturnType<typeof wallTimeToEpoch>): string => (r.ok ? new Date(r.epoch).toISOString() : r.problem);

describe('wall time to UTC in an IANA zone', () => {
  it('reads the field report time in Los Angeles winter time (UTC-8)', () => {
    expect(iso(wallTimeToEpoch(wall(2012, 11, 24, 20, 8, 5), 'America/Los_Angeles'))).toBe('2012-11-25T04:08:05.000Z');
  });

  it('applies summer time (London BST is UTC+1)', () => {
    expect(iso(wallTimeToEpoch(wall(2013, 7, 15, 10), 'Europe/London'))).toBe('2013-07-15T09:00:00.000Z');
    expect(iso(wallTimeToEpoch(wall(2013, 1, 15, 10), 'Europe/London'))).toBe('2013-01-15T10:00:00.000Z');
  });

  it('takes the earlier instant in the repeated hour when clocks go back, and names the later', () => {
    const r = wallTimeToEpoch(wall(2013, 11, 3, 1, 30), 'America/Los_Angeles');
    expect(r.ok && r.fold).toBe('overlap');
    expect(iso(r)).toBe('2013-11-03T08:30:00.000Z');
    if (r.ok && r.fold === 'overlap') expect(new Date(r.laterEpoch).toISOString()).toBe('2013-11-03T09:30:00.000Z');
  });

  it('reads a time skipped when clocks go forward with the offset before the jump', () => {
    const r = wallTimeToEpoch(wall(2013, 3, 10, 2, 30), 'America/Los_Angeles');
    expect(r.ok && r.fold).toBe('gap');
    expect(iso(r)).toBe('2013-03-10T10:30:00.000Z');
  });

  it('refuses a zone Intl does not know, without throwing', () => {
    const r = wallTimeToEpoch(wall(2013, 3, 10, 2, 30), 'Mars/Olympus_Mons');
    expect(r.ok).toBe(false);
    expect(iso(r)).toContain('Mars/Olympus_Mons');
    expect(isKnownTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isKnownTimeZone('Europe/Amsterdam')).toBe(true);
    expect(isKnownTimeZone('')).toBe(false);
  });
});
