// Typed, unrecorded text is kept per field (issue 15, bug 10), and all of it together is bounded:
// the texts typed longest ago go first, so fields never recorded do not fill the page's storage.
import { describe, expect, it } from 'vitest';
import type { Preferences } from '../../renderer/host/host';
import { keepText, MAX_KEPT_CHARS, MAX_KEPT_TOTAL_CHARS } from '../../renderer/ui/kept-text';

function memory(): Preferences & { keys: () => string[] } {
  const map = new Map<string, string>();
  return {
    get: (k) => map.get(k) ?? null,
    set: (k, v) => void (v === null ? map.delete(k) : map.set(k, v)),
    keys: () => [...map.keys()].filter((k) => k.startsWith('kept:')),
  };
}

describe('kept text', () => {
  it('keeps each field, lets it go when emptied, and refuses a text over the limit', () => {
    const prefs = memory();
    keepText(prefs, 'kept:a:fe01:evidence', 'Get-CsManagementStoreReplicationStatus');
    keepText(prefs, 'kept:a:fe02:override:reason', 'checked');
    expect(prefs.get('kept:a:fe01:evidence')).toBe('Get-CsManagementStoreReplicationStatus');
    keepText(prefs, 'kept:a:fe01:evidence', '');
    expect(prefs.keys()).toEqual(['kept:a:fe02:override:reason']);
    keepText(prefs, 'kept:a:fe02:override:reason', 'x'.repeat(MAX_KEPT_CHARS + 1));
    expect(prefs.keys()).toEqual([]);
  });

  it('stays under its total bound, letting the oldest go first', () => {
    const prefs = memory();
    const big = 'y'.repeat(MAX_KEPT_CHARS);
    const keys = Array.from({ length: 10 }, (_, i) => `kept:d${i}:fe01:evidence`);
    for (const key of keys) keepText(prefs, key, big);
    const total = prefs.keys().reduce((sum, k) => sum + prefs.get(k)!.length, 0);
    expect(total).toBeLessThanOrEqual(MAX_KEPT_TOTAL_CHARS);
    expect(prefs.keys()).toEqual(keys.slice(-4));
    // Typing in an old field again makes it the newest.
    keepText(prefs, keys[6]!, 'z');
    keepText(prefs, keys[0]!, big);
    expect(prefs.keys()).toEqual(expect.arrayContaining([keys[6], keys[0], keys[9], keys[8]]));
    expect(prefs.keys()).not.toContain(keys[7]);
  });
});
