import { describe, expect, it } from 'vitest';
import {
  CONSOLE_LOCALES,
  consoleLocale,
  DEFAULT_CONSOLE_LOCALE,
  describeConsoleLocale,
} from '../../../renderer/core/evidence/console-locale';

describe('console locales', () => {
  it('knows the required cultures exactly, en-US first as the default', () => {
    expect(CONSOLE_LOCALES.map((l) => [l.id, l.order, l.separator, l.clock])).toEqual([
      ['en-US', 'MDY', '/', 12],
      ['en-GB', 'DMY', '/', 24],
      ['de-DE', 'DMY', '.', 24],
      ['fr-FR', 'DMY', '/', 24],
      ['nl-NL', 'DMY', '-', 24],
    ]);
    expect(DEFAULT_CONSOLE_LOCALE).toBe('en-US');
    expect(describeConsoleLocale(CONSOLE_LOCALES[0]!)).toBe('month/day/year, 12-hour clock');
  });

  it('matches ids case-insensitively and derives only the order of others from Intl', () => {
    expect(consoleLocale('EN-gb')?.id).toBe('en-GB');
    expect(consoleLocale('sv-SE')).toMatchObject({ order: 'YMD', separator: null, clock: null });
    expect(consoleLocale('it-IT')?.order).toBe('DMY');
    expect(consoleLocale('not a locale!!')).toBeNull();
    expect(consoleLocale('')).toBeNull();
  });
});
