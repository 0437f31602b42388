import { describe, expect, it } from 'vitest';
import { consoleLines } from '../../../renderer/core/evidence/console-text';
import { eventId, looksLikeEventViewer, rawEvents } from '../../../renderer/core/evidence/event-log-shapes';
import { fixture } from './evidence-kit';

describe('event log shapes', () => {
  it('takes the event ID from Id, or from the low 16 bits of InstanceID', () => {
    expect(eventId('3038', undefined)).toBe(3038);
    expect(eventId(undefined, '1073744862')).toBe(3038);
    expect(eventId(undefined, '3038')).toBe(3038);
    expect(eventId('x', 'y')).toBeNull();
  });

  it('reads each shape into the same fields', () => {
    const shapes = [
      'event-log/get-winevent-table.txt',
      'event-log/get-winevent-list.txt',
      'event-log/get-eventlog-table.txt',
      'event-log/event-viewer-3038.txt',
    ].map((f) => rawEvents(consoleLines(fixture(f)))[0]);
    expect(shapes.map((e) => [e?.shape, e?.id, e?.timeText, e?.machine])).toEqual([
      ['get-winevent-table', 3038, '3/15/2013 9:12:00 AM', null],
      ['list', 3038, '3/15/2013 9:12:00 AM', 'fe02.contoso.local'],
      ['get-eventlog-table', 3038, 'Mar 15 09:12', null],
      ['event-viewer', 3038, '3/15/2013 9:12:00 AM', 'fe02.contoso.local'],
    ]);
    expect(shapes[0]?.source).toBe('LS Replica Replicator Agent Service');
    expect(shapes[3]?.logName).toBe('Lync Server');
  });

  it('does not take description text that looks like labels for a new event', () => {
    const text =
      'Log Name: Lync Server\nSource: LS Replica Replicator Agent Service\nDate: 3/15/2013 9:12:00 AM\nEvent ID: 3038\nComputer: fe02.contoso.local\nDescription:\nSource: quoted in the text\nComputer: fe09.contoso.local\n';
    expect(looksLikeEventViewer(consoleLines(text))).toBe(true);
    const events = rawEvents(consoleLines(text));
    expect(events).toHaveLength(1);
    expect(events[0]?.machine).toBe('fe02.contoso.local');
  });
});
