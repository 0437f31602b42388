import { describe, expect, it } from 'vitest';
import { judgeEvidence } from '../../../renderer/core/evidence';
import { assignment, context, expectAccepted, expectRejected, fixture } from './evidence-kit';

const FIELD_REPORT = fixture('replication-status/single-from-field-report.txt');
const POOL = fixture('replication-status/pool-mixed.txt');
/** The field report's block with its replica named, as -ReplicaFqdn prints it (the blog's empty name is refused). */
const NAMED = FIELD_REPORT.replace('ReplicaFqdn        :', 'ReplicaFqdn        : fe02.contoso.local');

function block(fqdn: string, upToDate: string, lastUpdate: string): string {
  return `UpToDate           : ${upToDate}\nReplicaFqdn        : ${fqdn}\nLastStatusReport   : ${lastUpdate}\nLastUpdateCreation : ${lastUpdate}\nProductVersion     : 5.0.8308.0\n`;
}

describe('the field report output (UpToDate True, ReplicaFqdn empty, 11/24/2012 8:08:05 PM, en-US)', () => {
  // 8:08:05 PM in Los Angeles (PST, UTC-8) is 2012-11-25T04:08:05Z.
  const la = (at: string) => context({ oauth: assignment(at), timeZone: 'America/Los_Angeles' });

  it('is not attributed to any server by guesswork: its ReplicaFqdn is empty (replication-and-pools P1)', () => {
    const ctx = la('2012-11-25T04:00:00.000Z');
    const judgement = judgeEvidence(FIELD_REPORT, ctx);
    expect(judgement.kind).toBe('replication-status');
    const message = expectRejected(judgement, 'incomplete');
    expect(message).toContain("Run Get-CsManagementStoreReplicationStatus -ReplicaFqdn 'fe02.contoso.local'");
    expect(message).toContain("or paste the server's own view");
  });

  it('is accepted, named, for a server whose OAuth assignment came before that time', () => {
    const ctx = la('2012-11-25T04:00:00.000Z');
    const judgement = judgeEvidence(NAMED, ctx);
    expect(expectAccepted(judgement, ctx)).toEqual({
      server: 'fe02.contoso.local',
      upToDate: true,
      lastUpdate: '2012-11-25T04:08:05.000Z',
    });
    expect(judgement.read.join('\n')).toContain('fe02.contoso.local (this server)');
    expect(judgement.read.join('\n')).toContain('2012-11-24 20:08:05 (America/Los_Angeles) = 2012-11-25T04:08:05Z');
  });

  it('is rejected as before-assignment when the assignment came after it', () => {
    const message = expectRejected(judgeEvidence(NAMED, la('2012-11-25T04:10:00.000Z')), 'before-assignment');
    expect(message).toContain('2012-11-25T04:08:05.000Z');
    expect(message).toContain('fe01.contoso.local');
  });

  it('is rejected when the assignment is at the very same second (the update must come strictly after)', () => {
    expectRejected(judgeEvidence(NAMED, la('2012-11-25T04:08:05.000Z')), 'before-assignment');
  });

  it('reads the same text in UTC as 20:08:05Z', () => {
    const before = context({ oauth: assignment('2012-11-24T20:00:00.000Z'), timeZone: 'UTC' });
    expect(expectAccepted(judgeEvidence(NAMED, before), before).lastUpdate).toBe('2012-11-24T20:08:05.000Z');
    expectRejected(
      judgeEvidence(NAMED, context({ oauth: assignment('2012-11-24T20:10:00.000Z'), timeZone: 'UTC' })),
      'before-assignment',
    );
  });

  it('is not ambiguous with the default locale, and is read the same with en-GB chosen', () => {
    const ctx = context({
      oauth: assignment('2012-11-24T20:00:00.000Z'),
      timeZone: 'UTC',
      locale: 'en-GB',
      localeChosen: true,
    });
    const judgement = judgeEvidence(NAMED, ctx);
    expect(expectAccepted(judgement, ctx).lastUpdate).toBe('2012-11-24T20:08:05.000Z');
  });

  it('asks for an assignment when none is recorded', () => {
    expectRejected(judgeEvidence(FIELD_REPORT, context({ oauth: null })), 'no-assignment');
  });
});

describe('replication status of a pool', () => {
  it('judges the block of the server and shows the others briefly', () => {
    const ctx = context({ server: 'fe03.contoso.local' });
    const judgement = judgeEvidence(POOL, ctx);
    expect(expectAccepted(judgement, ctx).lastUpdate).toBe('2013-03-14T17:01:58.000Z');
    expect(judgement.read.filter((l) => l.startsWith('also listed: '))).toHaveLength(3);
    expect(judgement.read.join('\n')).toContain('fe03.contoso.local (this server) · UpToDate True');
    expect(judgement.read).toContain('Stepped over 1 prompt line.');
    if (judgement.records?.kind !== 'replication-status') throw new Error('records');
    expect(judgement.records.replicas.map((r) => r.replicaFqdn)).toEqual([
      'fe01.contoso.local',
      'fe02.contoso.local',
      'fe03.contoso.local',
      'edge01.perimeter.contoso.com',
    ]);
    const edge = judgement.records.replicas[3]!;
    expect([edge.lastStatusReport, edge.productVersion]).toEqual([null, null]);
  });

  it('refuses a server that reports UpToDate False, saying what to start', () => {
    const message = expectRejected(judgeEvidence(POOL, context()), 'not-up-to-date');
    expect(message).toContain('Replica Replicator Agent');
    expect(message).toContain("paste fe02.contoso.local's own view (its verification script), which decides");
  });

  it('matches the server name case-insensitively', () => {
    const ctx = context({ server: 'FE03.Contoso.Local' });
    expectAccepted(judgeEvidence(POOL, ctx), ctx);
  });

  it('refuses output about other servers, naming them', () => {
    const message = expectRejected(judgeEvidence(POOL, context({ server: 'fe04.contoso.local' })), 'another-server');
    expect(message).toContain('fe01.contoso.local');
    expect(message).toContain("-ReplicaFqdn 'fe04.contoso.local'");
  });

  it('reads many replicas and keeps the read list short', () => {
    const blocks = Array.from({ length: 120 }, (_, i) =>
      block(`fe${String(i).padStart(3, '0')}.contoso.local`, 'True', '3/14/2013 10:01:58 AM'),
    ).join('\n');
    const ctx = context({ server: 'fe077.contoso.local' });
    const judgement = judgeEvidence(blocks, ctx);
    expectAccepted(judgement, ctx);
    expect(judgement.read.filter((l) => l.startsWith('also listed: '))).toHaveLength(40);
    expect(judgement.read).toContain('… and 79 more replicas.');
  });

  it('does not take an empty ReplicaFqdn as this server when other replicas are listed', () => {
    const text =
      block('', 'True', '3/14/2013 10:01:58 AM') + '\n' + block('fe01.contoso.local', 'True', '3/14/2013 10:01:58 AM');
    expect(expectRejected(judgeEvidence(text, context()), 'another-server')).toContain('not fe02.contoso.local');
  });

  it('refuses an empty ReplicaFqdn wherever it was run: where the command runs does not name the replica', () => {
    const remote = `[fe01.contoso.local]: PS C:\\> Get-CsManagementStoreReplicationStatus\n\n${block('', 'True', '3/14/2013 10:01:58 AM')}`;
    const local = `[fe02.contoso.local]: PS C:\\> Get-CsManagementStoreReplicationStatus\n\n${block('', 'True', '3/14/2013 10:01:58 AM')}`;
    for (const text of [remote, local])
      expect(expectRejected(judgeEvidence(text, context()), 'incomplete')).toContain('cannot be attributed');
  });

  it('refuses a paste that lists the server as both up to date and not (two runs mixed), and says why', () => {
    const text =
      block('fe02.contoso.local', 'False', '3/13/2013 10:01:58 AM') +
      '\n' +
      block('FE02.contoso.local', 'True', '3/14/2013 10:01:58 AM');
    expect(expectRejected(judgeEvidence(text, context()), 'not-up-to-date')).toMatch(
      /listed 2 times, with UpToDate both True and False/,
    );
  });

  it('judges the last block when the server is listed twice alike, and says so', () => {
    const text =
      block('fe02.contoso.local', 'True', '3/14/2013 10:01:58 AM') +
      '\n' +
      block('fe02.contoso.local', 'True', '3/14/2013 10:01:58 AM');
    const ctx = context();
    const judgement = judgeEvidence(text, ctx);
    expectAccepted(judgement, ctx);
    expect(judgement.warnings.join(' ')).toMatch(/listed 2 times/);
  });

  it('refuses an empty LastUpdateCreation as not up to date', () => {
    const text =
      'UpToDate           : True\nReplicaFqdn        : fe02.contoso.local\nLastStatusReport   :\nLastUpdateCreation :\nProductVersion     :\n';
    expectRejected(judgeEvidence(text, context()), 'not-up-to-date');
  });

  it('refuses an UpToDate that is neither True nor False', () => {
    expectRejected(
      judgeEvidence(block('fe02.contoso.local', 'Perhaps', '3/14/2013 10:01:58 AM'), context()),
      'unrecognised',
    );
  });
});

describe('replication status in other locales and shapes', () => {
  const gbBlock =
    'UpToDate           : True\nReplicaFqdn        : fe02.contoso.local\nLastStatusReport   : 04/03/2013 10:05:27\nLastUpdateCreation : 04/03/2013 10:04:00\nProductVersion     : 5.0.8308.0\n';
  const early = assignment('2013-03-04T10:00:00.000Z');

  it('refuses 04/03/2013 while the locale is the default, naming both readings', () => {
    const message = expectRejected(
      judgeEvidence(gbBlock, context({ oauth: early, timeZone: 'Europe/London' })),
      'ambiguous-date',
    );
    expect(message).toContain('2013-04-03 10:04:00');
    expect(message).toContain('2013-03-04 10:04:00');
    expect(message).toMatch(/locale/);
  });

  it('reads it as 4 March once en-GB is chosen', () => {
    const ctx = context({ oauth: early, timeZone: 'Europe/London', locale: 'en-GB', localeChosen: true });
    expect(expectAccepted(judgeEvidence(gbBlock, ctx), ctx).lastUpdate).toBe('2013-03-04T10:04:00.000Z');
  });

  it('refuses it when en-US is chosen, since en-US would print AM/PM', () => {
    expectRejected(
      judgeEvidence(gbBlock, context({ oauth: early, timeZone: 'Europe/London', locale: 'en-US', localeChosen: true })),
      'ambiguous-date',
    );
  });

  it('reads an en-GB table, settling the order from 14/03/2013', () => {
    const text = fixture('replication-status/table-en-gb.txt');
    const ctx = context({ oauth: early, timeZone: 'Europe/London' });
    const judgement = judgeEvidence(text, ctx);
    expect(expectAccepted(judgement, ctx).lastUpdate).toBe('2013-03-04T10:04:00.000Z');
    expect(judgement.read[0]).toContain('day first');
    const later = context({ oauth: assignment('2013-03-05T00:00:00.000Z'), timeZone: 'Europe/London' });
    expectRejected(judgeEvidence(text, later), 'before-assignment');
  });

  it('reads de-DE, fr-FR and nl-NL consoles', () => {
    for (const [locale, date] of [
      ['de-DE', '04.03.2013 10:04:00'],
      ['fr-FR', '04/03/2013 10:04:00'],
      ['nl-NL', '4-3-2013 10:04:00'],
    ] as const) {
      const ctx = context({ oauth: early, timeZone: 'UTC', locale, localeChosen: true });
      const text = block('fe02.contoso.local', 'True', date);
      expect(expectAccepted(judgeEvidence(text, ctx), ctx).lastUpdate, locale).toBe('2013-03-04T10:04:00.000Z');
    }
  });

  it('refuses a table too narrow to show LastUpdateCreation, asking for the list form', () => {
    const text =
      'UpToDate ReplicaFqdn        LastStatusReport\n-------- -----------        ----------------\n    True fe02.contoso.local 3/14/2013 10:02:11 AM\n';
    const judgement = judgeEvidence(text, context());
    expect(expectRejected(judgement, 'incomplete')).toContain('Format-List');
    expect(judgement.warnings.join(' ')).toMatch(/no LastUpdateCreation, ProductVersion column/);
  });

  it('refuses a table that cut the server name short, asking for the list form', () => {
    const text =
      'UpToDate ReplicaFqdn       LastUpdateCreation\n-------- -----------       ------------------\n    True fe02.contoso.lo... 3/14/2013 10:01:58 AM\n';
    expect(expectRejected(judgeEvidence(text, context()), 'incomplete')).toContain('Format-List');
  });
});

describe('a paste with prompts, errors, and a second run cut off half-way', () => {
  const text = fixture('replication-status/cut-off-with-errors.txt');

  it('steps over the prompts and the error, and refuses the cut-off block as incomplete', () => {
    const judgement = judgeEvidence(text, context());
    expectRejected(judgement, 'incomplete');
    expect(judgement.warnings.join('\n')).toContain('The output looks cut off after LastStatusReport');
    expect(judgement.warnings.join('\n')).toContain('Cannot find replica');
    expect(judgement.read).toContain('Stepped over 2 prompt lines and 1 PowerShell error.');
  });

  it('still judges a complete block of the same paste', () => {
    const ctx = context({ server: 'fe01.contoso.local' });
    expectAccepted(judgeEvidence(text, ctx), ctx);
  });

  it('refuses a value cut off in the middle of its date', () => {
    const cut =
      'UpToDate           : True\nReplicaFqdn        : fe02.contoso.local\nLastStatusReport   : 11/24/2012 8:15:36 PM\nLastUpdateCreation : 11/24/2012 8:0';
    expect(expectRejected(judgeEvidence(cut, context()), 'incomplete')).toContain('cut off');
  });

  it('refuses a paste cut off after its first line', () => {
    expectRejected(
      judgeEvidence('PS C:\\> Get-CsManagementStoreReplicationStatus\n\nUpToDate           : True', context()),
      'incomplete',
    );
  });
});
