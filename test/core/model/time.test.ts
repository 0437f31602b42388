import { describe, expect, it } from 'vitest';
import { durationWords } from '../../../renderer/core/model/time';

describe('durationWords', () => {
  it('says a length of time in at most two units', () => {
    const min = 60_000;
    expect(durationWords(45_000)).toBe('45 s');
    expect(durationWords(12 * min)).toBe('12 min');
    expect(durationWords(60 * min)).toBe('1 h');
    expect(durationWords(185 * min)).toBe('3 h 5 min');
    expect(durationWords(24 * 60 * min)).toBe('1 day');
    expect(durationWords((25 * 60 + 30) * min)).toBe('1 day 1 h');
    expect(durationWords(52 * 60 * min)).toBe('2 days 4 h');
    expect(durationWords(-12 * min)).toBe('12 min');
  });
});
