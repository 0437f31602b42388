import { describe, expect, it } from 'vitest';
import { isoInstant, judgeEvidence } from '../../../renderer/core/evidence';
import { assignment, ASSIGNED_THUMBPRINT, context, expectAccepted, expectRejected, fixture } from './evidence-kit';

const AT = '2013-03-15T09:00:00.000Z';
const ctx = context({ oauth: assignment(AT) });
/** The same assignment with no thumbprint recorded: the server's own view cannot be compared with it. */
const noThumbprint = context({ oauth: assignment(AT, null) });
const OTHER_THUMBPRINT = 'AAAABBBBCCCCDDDDEEEEFFFF0000111122223333';

interface Report {
  [key: string]: unknown;
}

function report(overrides: Report = {}): Report {
  return {
    schema: 'lync-runbook.verify',
    schemaVersion: 1,
    expected: 'fe02.contoso.local',
    server: 'fe02.contoso.local',
    time: '2013-03-15T09:20:00.0000000Z',
    replication: {
      upToDate: true,
      lastUpdateCreation: '2013-03-15T09:12:00.0000000Z',
      lastStatusReport: '2013-03-15T09:15:31.0000000Z',
    },
    oauthThumbprints: [ASSIGNED_THUMBPRINT],
    replicaService: 'Running',
    event3038: '2013-03-15T09:12:00.0000000Z',
    ...overrides,
  };
}
const line = (r: Report): string =>
  `PS C:\\Users\\admin> .\\verify-fe02.ps1\n${JSON.stringify(r)}\nPS C:\\Users\\admin>`;

describe('the verification script output', () => {
  it('accepts a good report, with every part in the proof', () => {
    const judgement = judgeEvidence(line(report()), ctx);
    expect(judgement.kind).toBe('verification-json');
    expect(expectAccepted(judgement, ctx)).toEqual({
      server: 'fe02.contoso.local',
      upToDate: true,
      lastUpdate: '2013-03-15T09:12:00.000Z',
      thumbprints: [ASSIGNED_THUMBPRINT],
      event3038At: '2013-03-15T09:12:00.000Z',
    });
    expect(judgement.read.join('\n')).toContain('run at 2013-03-15T09:20:00.000Z on fe02.contoso.local');
  });

  it('re-joins a line the console wrapped at its width', () => {
    const judgement = judgeEvidence(fixture('verification/wrapped.txt'), ctx);
    expectAccepted(judgement, ctx);
    expect(judgement.warnings.join(' ')).toMatch(/Re-joined 4 lines/);
  });

  it('accepts times with an offset', () => {
    const r = report({
      time: '2013-03-15T10:20:00+01:00',
      replication: { upToDate: true, lastUpdateCreation: '2013-03-15T10:12:00.0000000+01:00', lastStatusReport: null },
      event3038: null,
    });
    expect(expectAccepted(judgeEvidence(line(r), ctx), ctx).lastUpdate).toBe('2013-03-15T09:12:00.000Z');
  });

  it('refuses a report run on another server than the script was made for', () => {
    expect(
      expectRejected(judgeEvidence(line(report({ server: 'fe03.contoso.local' })), ctx), 'another-server'),
    ).toContain('fe03.contoso.local');
  });

  it("refuses another server's report", () => {
    const other = report({ expected: 'fe03.contoso.local', server: 'FE03.contoso.local' });
    expect(expectRejected(judgeEvidence(line(other), ctx), 'another-server')).toContain('fe03.contoso.local');
  });

  it('refuses an old report made before the assignment', () => {
    const old = report({
      time: '2013-03-15T08:00:00.0000000Z',
      replication: { upToDate: true, lastUpdateCreation: '2013-03-15T07:00:00.0000000Z', lastStatusReport: null },
      event3038: null,
    });
    expect(expectRejected(judgeEvidence(line(old), ctx), 'before-assignment')).toMatch(/again/);
  });

  it('refuses a recent report whose last update and event 3038 predate the assignment', () => {
    const stale = report({
      replication: { upToDate: true, lastUpdateCreation: '2013-03-15T08:00:00.0000000Z', lastStatusReport: null },
      event3038: '2013-03-15T08:00:00.0000000Z',
      oauthThumbprints: [OTHER_THUMBPRINT],
    });
    expectRejected(judgeEvidence(line(stale), noThumbprint), 'before-assignment');
  });

  it('refuses UpToDate false when nothing else shows the assignment', () => {
    const behind = report({
      replication: { upToDate: false, lastUpdateCreation: '2013-03-15T08:00:00.0000000Z', lastStatusReport: null },
      event3038: null,
      oauthThumbprints: [OTHER_THUMBPRINT],
    });
    expectRejected(judgeEvidence(line(behind), noThumbprint), 'not-up-to-date');
  });

  it('accepts on the matching thumbprint alone, and refuses a mismatching one alone', () => {
    const onlyCert = report({ replication: null, event3038: null });
    expect(expectAccepted(judgeEvidence(line(onlyCert), ctx), ctx).thumbprints).toEqual([ASSIGNED_THUMBPRINT]);
    const wrong = report({
      replication: null,
      event3038: null,
      oauthThumbprints: ['aaaabbbbccccddddeeeeffff0000111122223333'],
    });
    expect(expectRejected(judgeEvidence(line(wrong), ctx), 'thumbprint-mismatch')).toContain(
      'AAAABBBBCCCCDDDDEEEEFFFF0000111122223333',
    );
  });

  it('never accepts on event 3038 alone (replication-and-pools D4)', () => {
    // Only the event after the assignment, and a certificate that cannot be compared (no thumbprint recorded).
    const onlyEvent = report({ replication: null, oauthThumbprints: [OTHER_THUMBPRINT] });
    const message = expectRejected(judgeEvidence(line(onlyEvent), noThumbprint), 'incomplete');
    expect(message).toContain('event 3038 is not enough alone');
    // With no certificate at all, the server's own view says its store is stale.
    expectRejected(
      judgeEvidence(line(report({ replication: null, oauthThumbprints: [] })), noThumbprint),
      'none-visible',
    );
  });

  it('refuses a report that proves nothing', () => {
    expectRejected(
      judgeEvidence(
        line(report({ replication: null, oauthThumbprints: [OTHER_THUMBPRINT], event3038: null })),
        noThumbprint,
      ),
      'incomplete',
    );
  });

  it('refuses a report one of whose parts contradicts the rest, and warns about a stopped agent', () => {
    const mixed = report({ oauthThumbprints: ['AAAABBBBCCCCDDDDEEEEFFFF0000111122223333'], replicaService: 'Stopped' });
    const judgement = judgeEvidence(line(mixed), ctx);
    expect(expectRejected(judgement, 'thumbprint-mismatch')).toContain(`not ${ASSIGNED_THUMBPRINT}`);
    expect(judgement.warnings.join('\n')).toMatch(/REPLICA\) is Stopped/);
    const stopped = judgeEvidence(line(report({ replicaService: 'Stopped' })), ctx);
    expectAccepted(stopped, ctx);
    expect(stopped.warnings.join('\n')).toMatch(/REPLICA\) is Stopped/);
  });

  it("takes UpToDate False with a last update after the assignment as a warning when the server's own view shows the certificate (D3)", () => {
    const base = report();
    const pending = report({ replication: { ...(base.replication as object), upToDate: false } });
    const judgement = judgeEvidence(line(pending), ctx);
    const proof = expectAccepted(judgement, ctx);
    expect(proof.upToDate).toBe(false);
    expect(proof.lastUpdate).toBe('2013-03-15T09:12:00.000Z');
    expect(judgement.warnings.join(' ')).toContain('a newer change is pending');
    // With an older last update, or without the server's own view, False still refutes.
    const older = report({
      replication: {
        ...(base.replication as object),
        upToDate: false,
        lastUpdateCreation: '2013-03-15T08:00:00.0000000Z',
      },
    });
    expectRejected(judgeEvidence(line(older), ctx), 'not-up-to-date');
    expectRejected(judgeEvidence(line(pending), noThumbprint), 'not-up-to-date');
  });

  it('refuses a last update before the assignment even when an event 3038 came after it, unless the store shows the assigned thumbprint', () => {
    const base = report();
    const old = report({
      replication: {
        ...(base.replication as object),
        upToDate: true,
        lastUpdateCreation: '2013-03-14T09:00:00.0000000Z',
      },
      event3038: '2013-03-15T09:10:00.0000000Z',
      oauthThumbprints: [OTHER_THUMBPRINT],
    });
    expectRejected(judgeEvidence(line(old), noThumbprint), 'before-assignment');
    // The recorded time is when Step 3 was marked done; a store that took the certificate just before shows its thumbprint.
    const holds = report({
      replication: {
        ...(base.replication as object),
        upToDate: true,
        lastUpdateCreation: '2013-03-15T08:58:00.0000000Z',
      },
    });
    const judgement = judgeEvidence(line(holds), ctx);
    const proof = expectAccepted(judgement, ctx);
    expect(proof.lastUpdate).toBeUndefined();
    expect(proof.thumbprints).toEqual([ASSIGNED_THUMBPRINT]);
    expect(judgement.warnings.join(' ')).toContain('the certificate reached it before Step 3 was marked done');
  });

  it('says to record the thumbprint when nothing else proves the store current', () => {
    const base = report();
    const bare = report({
      replication: { ...(base.replication as object), upToDate: true, lastUpdateCreation: null },
      event3038: null,
      oauthThumbprints: [ASSIGNED_THUMBPRINT],
    });
    const judgement = judgeEvidence(line(bare), context({ oauth: assignment(AT, null) }));
    expectRejected(judgement, 'incomplete');
    expect(!judgement.verdict.accepted && judgement.verdict.message).toContain('Record its thumbprint…');
  });

  it('does not hold the CMS master’s LastStatusReport clock against the report', () => {
    const base = report();
    const skewed = report({
      replication: { ...(base.replication as object), lastStatusReport: '2013-03-15T09:45:00.0000000Z' },
    });
    expectAccepted(judgeEvidence(line(skewed), ctx), ctx);
  });

  it('refuses a report with no OAuthTokenIssuer certificate as its own rejection (P7)', () => {
    expect(expectRejected(judgeEvidence(line(report({ oauthThumbprints: [] })), ctx), 'none-visible')).toContain(
      'No OAuthTokenIssuer certificate is visible on fe02.contoso.local: its local store is still stale',
    );
  });

  it('refuses times later than the script’s own run time', () => {
    const base = report();
    const edited = report({
      replication: { ...(base.replication as object), lastUpdateCreation: '2013-03-20T09:00:00.0000000Z' },
    });
    expect(expectRejected(judgeEvidence(line(edited), ctx), 'unrecognised')).toMatch(/later than when the script ran/);
  });

  it('refuses a newer schemaVersion with a clear message', () => {
    const message = expectRejected(
      judgeEvidence(line(report({ schemaVersion: 3, somethingNew: true })), ctx),
      'unsupported-version',
    );
    expect(message).toContain('schemaVersion 3');
    expect(message).toMatch(/Update the app/);
  });

  it('refuses malformed reports, naming the field at fault', () => {
    expect(
      expectRejected(
        judgeEvidence(
          line(report({ replication: { upToDate: 'yes', lastUpdateCreation: null, lastStatusReport: null } })),
          ctx,
        ),
        'unrecognised',
      ),
    ).toContain('replication.upToDate');
    expect(expectRejected(judgeEvidence(line(report({ oauthThumbprints: ['ABC'] })), ctx), 'unrecognised')).toContain(
      'oauthThumbprints',
    );
    expect(expectRejected(judgeEvidence(line(report({ time: '2013-03-15 09:20:00' })), ctx), 'unrecognised')).toContain(
      'time',
    );
    expect(expectRejected(judgeEvidence(line(report({ schemaVersion: 0 })), ctx), 'unrecognised')).toContain(
      'schemaVersion',
    );
    expectRejected(
      judgeEvidence('{"schema":"lync-runbook.verify","schemaVersion":1,"expected":"fe02.contoso.local",,}', ctx),
      'unrecognised',
    );
    expectRejected(judgeEvidence('{"schema":"something.else","schemaVersion":1}', ctx), 'unrecognised');
  });

  it('refuses a report cut off before its closing brace', () => {
    const json = JSON.stringify(report());
    expectRejected(judgeEvidence(json.slice(0, 150), ctx), 'incomplete');
  });

  it('judges the last of several reports in one paste, and says so', () => {
    const old = report({ time: '2013-03-15T08:00:00.0000000Z' });
    const judgement = judgeEvidence(`${line(old)}\n${line(report())}`, ctx);
    expectAccepted(judgement, ctx);
    expect(judgement.warnings.join(' ')).toMatch(/2 verification outputs/);
  });

  it('asks for an assignment when none is recorded', () => {
    expectRejected(judgeEvidence(line(report()), context({ oauth: null })), 'no-assignment');
  });

  it('reads ISO times only when they are real and carry a zone', () => {
    expect(isoInstant('2013-03-15T09:12:00.1234567Z')).toBe('2013-03-15T09:12:00.123Z');
    expect(isoInstant('2013-02-30T09:12:00Z')).toBeNull();
    expect(isoInstant('2013-03-15T09:12:00')).toBeNull();
    expect(isoInstant('2013-03-15T09:12:00-05:30')).toBe('2013-03-15T14:42:00.000Z');
  });
});
