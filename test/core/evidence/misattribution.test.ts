// Evidence that could be mis-attributed (issue 13, item 3): each paste the attack accepted for the
// wrong server is now refused, with the message the admin sees.
import { describe, expect, it } from 'vitest';
import { judgeEvidence } from '../../../renderer/core/evidence';
import { repeatedKey } from '../../../renderer/core/evidence/verification-json';
import { assignment, ASSIGNED_THUMBPRINT, context, expectRejected } from './evidence-kit';

const ctx = context({ oauth: assignment('2013-03-14T10:00:00.000Z'), timeZone: 'UTC' });
const block = (fqdnLine: string) =>
  `UpToDate           : True\n${fqdnLine}\nLastStatusReport   : 3/14/2013 11:04:10 AM\nLastUpdateCreation : 3/14/2013 11:02:00 AM\nProductVersion     : 5.0.8308.0\n`;

describe('evidence that names another machine, or none, is not counted for this one', () => {
  it.each([
    ['U+2028', '\u2028'],
    ['U+2029', '\u2029'],
    ['U+0085 (NEL)', '\u0085'],
  ])('a %s after the ReplicaFqdn value ends the line: the block stays fe03’s', (_, separator) => {
    const text = block(`ReplicaFqdn        : fe03.contoso.local${separator}`);
    expect(expectRejected(judgeEvidence(text, ctx), 'another-server')).toContain('fe03.contoso.local');
  });

  it('a block that shows ReplicaFqdn twice is read by neither value', () => {
    const text = `UpToDate           : True\nReplicaFqdn        : fe03.contoso.local\nReplicaFqdn        : fe02.contoso.local\nLastStatusReport   : 3/14/2013 11:04:10 AM\nLastUpdateCreation : 3/14/2013 11:02:00 AM\n`;
    expect(expectRejected(judgeEvidence(text, ctx), 'unrecognised')).toContain(
      'The block at line 3 shows ReplicaFqdn a second time with no blank line between',
    );
  });

  it('a block with no ReplicaFqdn line at all is not taken as an empty name', () => {
    const text = `UpToDate           : True\nLastStatusReport   : 3/14/2013 11:04:10 AM\nLastUpdateCreation : 3/14/2013 11:02:00 AM\nProductVersion     : 5.0.8308.0\n`;
    expect(expectRejected(judgeEvidence(text, ctx), 'incomplete')).toContain('has no ReplicaFqdn line at all');
  });

  it('a console time read in the workstation’s zone, within 26 hours of the assignment, needs the server’s zone chosen', () => {
    // A Berlin server's 10:30 is 09:30 UTC, before the 10:00 UTC assignment; read in UTC it would pass.
    const berlin = `UpToDate           : True\nReplicaFqdn        : fe02.contoso.local\nLastStatusReport   : 3/14/2013 10:32:00 AM\nLastUpdateCreation : 3/14/2013 10:30:00 AM\n`;
    const unchosen = context({ oauth: assignment('2013-03-14T10:00:00.000Z'), timeZone: 'UTC', zoneChosen: false });
    expect(expectRejected(judgeEvidence(berlin, unchosen), 'zone-not-chosen')).toBe(
      "LastUpdateCreation 2013-03-14 10:30:00 carries no time zone and lies within 26 hours of the OAuthTokenIssuer assignment on fe01.contoso.local at 2013-03-14T10:00:00Z, so whether it came after depends on fe02.contoso.local's time zone, which has not been chosen (it was read in this workstation's, UTC). Choose the server's time zone, then judge again.",
    );
    // With the zone chosen, Berlin's 10:30 is before the assignment; 28 hours later it is after in any zone.
    expectRejected(
      judgeEvidence(berlin, { ...unchosen, timeZone: 'Europe/Berlin', zoneChosen: true }),
      'before-assignment',
    );
    const dayLater = berlin.replace('3/14/2013 10:30:00 AM', '3/15/2013 2:30:00 PM');
    expect(judgeEvidence(dayLater, unchosen).verdict.accepted).toBe(true);
  });

  it('a certificate listing copied from fe01 (no prompt, no PSComputerName) is not fe02’s', () => {
    const listing = `PS C:\\Users\\admin> Get-CsCertificate -Type OAuthTokenIssuer\n\nSubject    : CN=contoso.com\nThumbprint : ${ASSIGNED_THUMBPRINT}\nUse        : OAuthTokenIssuer\n`;
    expect(expectRejected(judgeEvidence(listing, ctx), 'no-machine')).toMatch(
      /^The listing shows the assigned certificate .*, but it does not name the machine it came from \(no PSComputerName, and no prompt naming fe02.contoso.local\), so it could be another server's, such as fe01.contoso.local, where the certificate always shows\. Paste fe02.contoso.local's own view: the verification script's output/,
    );
  });

  it('an event 3038 listing that names no machine is not fe02’s', () => {
    const table = `TimeCreated                     Id ProviderName\n-----------                     -- ------------\n3/14/2013 11:12:00 AM         3038 LS Replica Replicator Agent Service\n`;
    expect(expectRejected(judgeEvidence(table, ctx), 'no-machine')).toContain(
      'but the listing does not name the machine it was logged on (no MachineName, and no prompt naming fe02.contoso.local), so it could be another server',
    );
  });

  it('verification output that gives "server" twice is read by neither value', () => {
    const json = `{"schema":"lync-runbook.verify","schemaVersion":1,"expected":"fe02.contoso.local","server":"fe03.contoso.local","server":"fe02.contoso.local","time":"2013-03-14T11:20:00Z","replication":null,"oauthThumbprints":["${ASSIGNED_THUMBPRINT}"],"replicaService":"Running","event3038":null}`;
    expect(expectRejected(judgeEvidence(json, ctx), 'unrecognised')).toContain('gives "server" twice');
    // The same key spelled with an escape is the same key.
    expect(repeatedKey('{"server":1,"\\u0073erver":2}')).toBe('server');
    expect(repeatedKey('{"a":{"server":1},"server":2,"b":[{"server":3}]}')).toBeNull();
  });
});
