import { describe, expect, it } from 'vitest';
import { judgeEvidence } from '../../../renderer/core/evidence';
import type { EvidenceJudgement } from '../../../renderer/core/evidence';
import { assignment, context, expectRejected, fixture } from './evidence-kit';

/**
 * Event 3038 only corroborates (replication-and-pools D4): an event after the assignment is read and
 * named, and the paste is refused as not enough alone.
 */
function expectCorroboration(judgement: EvidenceJudgement, newest: string): void {
  const message = expectRejected(judgement, 'corroboration-only');
  expect(message).toContain(`logged at ${newest}`);
  expect(message).toContain('no Microsoft source documents what event 3038 means');
}

// 3/15/2013 9:12:00 AM in Los Angeles (PDT, UTC-7) is 16:12Z.
const NEWEST = '2013-03-15T16:12:00.000Z';

function viewer(date: string, computer: string, extra = ''): string {
  return `Log Name:      Lync Server\nSource:        LS Replica Replicator Agent Service\nDate:          ${date}\nEvent ID:      3038\nTask Category: (1)\nLevel:         Information\nKeywords:      Classic\nUser:          N/A\nComputer:      ${computer}\nDescription:\n[message text of event 3038]\n${extra}`;
}

describe('event 3038 from Get-WinEvent', () => {
  it('reads the newest event of the table after the assignment as corroboration only, showing every event read', () => {
    const ctx = context();
    const table = fixture('event-log/get-winevent-table.txt');
    const judgement = judgeEvidence(`[fe02.contoso.local]: PS C:\\> Enter-PSSession fe02.contoso.local\n${table}`, ctx);
    expect(judgement.kind).toBe('event-log');
    expectCorroboration(judgement, NEWEST);
    const events = judgement.read.filter((l) => l.startsWith('event 3038'));
    expect(events).toHaveLength(3);
    expect(events[0]).toContain('machine not named, run on fe02.contoso.local (its prompt)');
    expect(events[0]).toContain('LS Replica Replicator Agent Service');
    // Without the remote prompt the table names no machine: the event could be any server's.
    const unnamed = judgeEvidence(table, ctx);
    expect(unnamed.read.filter((l) => l.startsWith('event 3038'))[0]).toContain('machine not named ·');
    expect(expectRejected(unnamed, 'no-machine')).toMatch(/does not name the machine it was logged on/);
  });

  it('refuses when even the newest event came before the assignment', () => {
    const message = expectRejected(
      judgeEvidence(
        fixture('event-log/get-winevent-table.txt'),
        context({ oauth: assignment('2013-03-16T00:00:00.000Z') }),
      ),
      'before-assignment',
    );
    expect(message).toContain(NEWEST);
  });

  it('reads Format-List output and checks the machine it names', () => {
    const text = fixture('event-log/get-winevent-list.txt');
    const ctx = context();
    expectCorroboration(judgeEvidence(text, ctx), NEWEST);
    expect(expectRejected(judgeEvidence(text, context({ server: 'fe03.contoso.local' })), 'another-server')).toContain(
      'fe02.contoso.local',
    );
  });

  it('refuses a remote query whose PSComputerName is another server', () => {
    const text =
      'TimeCreated             Id LevelDisplayName Message     PSComputerName\n-----------             -- ---------------- -------     --------------\n3/15/2013 9:12:00 AM  3038 Information      [message t fe03.contoso.local\n';
    expectRejected(judgeEvidence(text, context()), 'another-server');
  });

  it('ignores other events, and says so, but refuses a listing with no event 3038', () => {
    const text =
      'TimeCreated                     Id LevelDisplayName Message\n-----------                     -- ---------------- -------\n3/15/2013 9:12:00 AM          1017 Error            [message]\n';
    const judgement = judgeEvidence(text, context());
    expect(expectRejected(judgement, 'not-up-to-date')).toContain('3038');
    expect(judgement.read).toContain('1 other event not judged (ID 1017).');
  });
});

describe('event 3038 from Get-EventLog', () => {
  it('reads the table but refuses its yearless times as incomplete, pointing to a query that shows them whole', () => {
    const judgement = judgeEvidence(fixture('event-log/get-eventlog-table.txt'), context());
    expect(judgement.kind).toBe('event-log');
    expect(judgement.read.filter((l) => l.startsWith('event 3038'))).toHaveLength(2);
    expect(expectRejected(judgement, 'incomplete')).toContain('Get-WinEvent');
  });

  it('reads Format-List output, taking the event ID from the low bits of InstanceId', () => {
    const text =
      'Index              : 48213\nEntryType          : Information\nInstanceId         : 1073744862\nMachineName        : fe02.contoso.local\nMessage            : [message text of event 3038]\nSource             : LS Replica Replicator Agent Service\nTimeGenerated      : 3/15/2013 9:12:00 AM\nTimeWritten        : 3/15/2013 9:12:00 AM\n';
    const ctx = context();
    expectCorroboration(judgeEvidence(text, ctx), NEWEST);
  });
});

describe("event 3038 as Event Viewer's copied text", () => {
  it('reads the event of this computer after the assignment as corroboration only', () => {
    const ctx = context();
    const judgement = judgeEvidence(fixture('event-log/event-viewer-3038.txt'), ctx);
    expectCorroboration(judgement, NEWEST);
    expect(judgement.read.join('\n')).toContain('on fe02.contoso.local');
  });

  it('refuses the event of another computer', () => {
    expectRejected(
      judgeEvidence(fixture('event-log/event-viewer-3038.txt'), context({ server: 'fe03.contoso.local' })),
      'another-server',
    );
  });

  it('refuses an ambiguous Date line while the locale is the default', () => {
    const message = expectRejected(
      judgeEvidence(
        viewer('3/4/2013 10:00:00 AM', 'fe02.contoso.local'),
        context({ oauth: assignment('2013-03-01T00:00:00.000Z') }),
      ),
      'ambiguous-date',
    );
    expect(message).toContain('2013-04-03 10:00:00');
  });

  it("prefers the exact UTC SystemTime of the event's XML to the local Date line", () => {
    const xml =
      'Event Xml:\n<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">\n  <System>\n    <Provider Name="LS Replica Replicator Agent Service" />\n    <EventID Qualifiers="16384">3038</EventID>\n    <TimeCreated SystemTime="2013-03-04T18:00:00.000000000Z" />\n    <Channel>Lync Server</Channel>\n    <Computer>fe02.contoso.local</Computer>\n  </System>\n</Event>\n';
    const ctx = context({ oauth: assignment('2013-03-01T00:00:00.000Z') });
    expectCorroboration(
      judgeEvidence(viewer('3/4/2013 10:00:00 AM', 'fe02.contoso.local', xml), ctx),
      '2013-03-04T18:00:00.000Z',
    );
  });

  it('refuses an event 3038 that does not come from the Lync Server log', () => {
    const text = viewer('3/15/2013 9:12:00 AM', 'fe02.contoso.local')
      .replace('Lync Server', 'Application')
      .replace('LS Replica Replicator Agent Service', 'SomeOtherApp');
    expect(expectRejected(judgeEvidence(text, context()), 'unrecognised')).toContain('SomeOtherApp');
  });

  it('reads several copied events and judges the newest of this computer', () => {
    const text = [
      viewer('3/14/2013 8:00:00 AM', 'fe02.contoso.local'),
      viewer('3/15/2013 9:12:00 AM', 'fe02.contoso.local'),
      viewer('3/16/2013 9:12:00 AM', 'fe03.contoso.local'),
    ].join('\n');
    const ctx = context();
    const judgement = judgeEvidence(text, ctx);
    expectCorroboration(judgement, NEWEST);
    expect(judgement.read.filter((l) => l.startsWith('event 3038'))).toHaveLength(3);
  });

  it('asks for an assignment when none is recorded', () => {
    expectRejected(
      judgeEvidence(fixture('event-log/event-viewer-3038.txt'), context({ oauth: null })),
      'no-assignment',
    );
  });
});
