// Shapes admins paste that earlier builds missed (replication-and-pools P5, P6, P7): CSV and
// Out-GridView copies, remoting's PSComputerName, and the empty result of Get-CsCertificate.
import { describe, expect, it } from 'vitest';
import { judgeEvidence } from '../../../renderer/core/evidence';
import { assignment, ASSIGNED_THUMBPRINT, context, expectAccepted, expectRejected, fixture } from './evidence-kit';

// 4:02 AM in Los Angeles (PDT, UTC-7) on 14 Mar 2013 is 11:02Z; the assignment is at 10:00Z.
const ctx = context({ oauth: assignment('2013-03-14T10:00:00.000Z') });

describe('replication status copied as CSV or from Out-GridView (P5)', () => {
  it.each([
    ['ConvertTo-Csv, with its #TYPE line and quoted fields', 'replication-status/convertto-csv.txt'],
    ['Out-GridView, tab-separated with no ruler', 'replication-status/out-gridview.txt'],
  ])('reads %s and judges the row of the server', (_, name) => {
    const text = fixture(name);
    const judgement = judgeEvidence(text, ctx);
    expect(judgement.kind).toBe('replication-status');
    expect(expectAccepted(judgement, ctx)).toEqual({
      server: 'fe02.contoso.local',
      upToDate: true,
      lastUpdate: '2013-03-14T11:02:00.000Z',
    });
    expect(judgement.read.filter((l) => l.startsWith('also listed: '))).toHaveLength(2);
    // fe03's row says UpToDate False with an update from 2012.
    expectRejected(judgeEvidence(text, context({ ...ctx, server: 'fe03.contoso.local' })), 'not-up-to-date');
  });
});

describe('Get-CsCertificate in the shapes admins paste', () => {
  it('reads a CSV copy (P5): from a remote session on the server it counts; with no machine named it does not', () => {
    const csv = fixture('certificate/convertto-csv.txt');
    const judgement = judgeEvidence(`[fe02.contoso.local]: PS C:\\> Enter-PSSession fe02.contoso.local\n${csv}`, ctx);
    expect(judgement.kind).toBe('certificate');
    expect(expectAccepted(judgement, ctx).thumbprints).toEqual([ASSIGNED_THUMBPRINT]);
    expectRejected(judgeEvidence(csv, ctx), 'no-machine');
  });

  it('attributes an object to the machine its PSComputerName names, not to the server judged (P6)', () => {
    const text = fixture('certificate/remoting-pscomputername.txt');
    const message = expectRejected(judgeEvidence(text, ctx), 'another-server');
    expect(message).toContain('PSComputerName shows it came from fe01.contoso.local, not fe02.contoso.local');
    const judgement = judgeEvidence(text.replace(/fe01/g, 'fe02'), ctx);
    expectAccepted(judgement, ctx);
    expect(judgement.read).toContain('Objects from fe02.contoso.local (their PSComputerName).');
  });

  it('refuses the empty result as its own rejection: no certificate is visible there, its store is stale (P7)', () => {
    const judgement = judgeEvidence(fixture('certificate/empty-result.txt'), ctx);
    expect(judgement.kind).toBe('certificate');
    expect(expectRejected(judgement, 'none-visible')).toContain(
      'No OAuthTokenIssuer certificate is visible on fe02.contoso.local: its local store is still stale',
    );
    // Run in a remote session on another machine, it says nothing of this server.
    const remote =
      '[fe03.contoso.local]: PS C:\\> Get-CsCertificate -Type OAuthTokenIssuer\n[fe03.contoso.local]: PS C:\\>\n';
    expectRejected(judgeEvidence(remote, ctx), 'another-server');
    // A prompt with some other command and no output is still nothing this app can judge.
    expect(judgeEvidence('PS C:\\> Get-Date\nPS C:\\>\n', ctx).kind).toBeNull();
  });
});
