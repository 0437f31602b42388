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

  it('verification output that gives "server" twice is read by neither value', () => {
    const json = `{"schema":"lync-runbook.verify","schemaVersion":1,"expected":"fe02.contoso.local","server":"fe03.contoso.local","server":"fe02.contoso.local","time":"2013-03-14T11:20:00Z","replication":null,"oauthThumbprints":["${ASSIGNED_THUMBPRINT}"],"replicaService":"Running","event3038":null}`;
    expect(expectRejected(judgeEvidence(json, ctx), 'unrecognised')).toContain('gives "server" twice');
    // The same key spelled with an escape is the same key.
    expect(repeatedKey('{"server":1,"\\u0073erver":2}')).toBe('server');
    expect(repeatedKey('{"a":{"server":1},"server":2,"b":[{"server":3}]}')).toBeNull();
  });
});
