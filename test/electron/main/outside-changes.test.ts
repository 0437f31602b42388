import { describe, expect, it } from 'vitest';
import { eventsOnlyOnDisk, historyOf } from '../../../electron/main/outside-changes';
import { documentVersions } from '../support/documents';

const [V0, V1, V2] = documentVersions();

/** The same document with the keys of every event written in reverse order. */
function reordered(text: string): string {
  const doc = JSON.parse(text) as { history: Record<string, unknown>[] };
  doc.history = doc.history.map((event) => Object.fromEntries(Object.entries(event).reverse()));
  return JSON.stringify(doc);
}

describe('events a save would lose', () => {
  it('none when the file on disk holds the same history or an earlier part of it', () => {
    const [h0, h1, h2] = [V0, V1, V2].map((t) => historyOf(t)!);
    expect(eventsOnlyOnDisk(h2!, h2!)).toBe(0);
    expect(eventsOnlyOnDisk(h0!, h2!)).toBe(0);
    expect(eventsOnlyOnDisk(h1!, h2!)).toBe(0);
    // Another writer may spell the same events with their keys in another order.
    expect(eventsOnlyOnDisk(historyOf(reordered(V1))!, h2!)).toBe(0);
  });

  it('counts the events recorded into the file that the window does not have', () => {
    const [h0, h1, h2] = [V0, V1, V2].map((t) => historyOf(t)!);
    expect(eventsOnlyOnDisk(h2!, h1!)).toBe(2);
    expect(eventsOnlyOnDisk(h2!, h0!)).toBe(3);
    // Diverging after the first event: every event of the file from there on is missing.
    const other = [
      ...h0!,
      { type: 'step.completed', server: 'fe02.contoso.local', step: 1, at: '2013-03-14T10:00:00.000Z' },
    ];
    expect(eventsOnlyOnDisk(h2!, other)).toBe(h2!.length - h0!.length);
  });

  it('reads the history of a document, and nothing from text that has none', () => {
    expect(historyOf(V1)).toEqual(JSON.parse(V1).history);
    for (const text of ['', 'not json', '[]', 'null', '{"format":"lync-runbook"}', '{"history":"events"}'])
      expect(historyOf(text), text).toBeNull();
  });
});
