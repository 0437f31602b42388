// Version 2 of the verification script's output (replication-and-pools D3, D6, D8, P2): the machine
// store's copy of the certificate, LastUpdateCreation as read with its DateTimeKind, every service status.
import { describe, expect, it } from 'vitest';
import { judgeEvidence } from '../../../renderer/core/evidence';
import { assignment, ASSIGNED_THUMBPRINT, context, expectAccepted, expectRejected, fixture } from './evidence-kit';

const AT = '2013-03-15T09:00:00.000Z';
const ctx = context({ oauth: assignment(AT) });

type Report = Record<string, unknown>;

const inStore = {
  thumbprint: ASSIGNED_THUMBPRINT,
  inStore: true,
  hasPrivateKey: true,
  keySize: 2048,
  notAfter: '2015-03-15T09:00:00.0000000Z',
};

function report(overrides: Report = {}, replication: Report = {}): Report {
  return {
    schema: 'lync-runbook.verify',
    schemaVersion: 2,
    expected: 'fe02.contoso.local',
    server: 'fe02.contoso.local',
    time: '2013-03-15T09:20:00.0000000Z',
    replication: {
      upToDate: true,
      lastUpdateCreation: '2013-03-15T09:12:00.0000000Z',
      lastUpdateCreationKind: 'Utc',
      utcOffsetMinutes: 0,
      lastStatusReport: '2013-03-15T09:15:31.0000000Z',
      ...replication,
    },
    oauthThumbprints: [ASSIGNED_THUMBPRINT],
    certificates: [inStore],
    replicaService: 'Running',
    event3038: null,
    ...overrides,
  };
}
const line = (r: Report): string => JSON.stringify(r);

describe('the verification script output, version 2', () => {
  it("accepts the server's own view: the assigned thumbprint, in the machine store with its private key", () => {
    const judgement = judgeEvidence(line(report()), ctx);
    expect(expectAccepted(judgement, ctx).thumbprints).toEqual([ASSIGNED_THUMBPRINT]);
    const read = judgement.read.join('\n');
    expect(read).toContain('schemaVersion 2');
    expect(read).toContain(
      `machine store: ${ASSIGNED_THUMBPRINT}: in the machine store · with private key · 2048-bit key`,
    );
  });

  it('refuses a certificate the configuration names but the machine store lacks, or holds without its key (D6)', () => {
    const missing = report({
      certificates: [{ ...inStore, inStore: false, hasPrivateKey: null, keySize: null, notAfter: null }],
    });
    expect(expectRejected(judgeEvidence(line(missing), ctx), 'not-in-store')).toContain(
      'machine store (Cert:\\LocalMachine\\My) does not hold it',
    );
    expectRejected(judgeEvidence(line(report({ certificates: [] })), ctx), 'not-in-store');
    const noKey = report({ certificates: [{ ...inStore, hasPrivateKey: false }] });
    expect(expectRejected(judgeEvidence(line(noKey), ctx), 'not-in-store')).toContain('without its private key');
  });

  it('warns about a short key and an expired certificate', () => {
    const weak = report({ certificates: [{ ...inStore, keySize: 1024, notAfter: '2013-03-01T00:00:00.0000000Z' }] });
    const judgement = judgeEvidence(line(weak), ctx);
    expectAccepted(judgement, ctx);
    expect(judgement.warnings.join(' ')).toContain('1024 bits');
    expect(judgement.warnings.join(' ')).toContain('expired');
  });

  it('keeps LastUpdateCreation as read with its DateTimeKind, and compares the earlier reading when the kind is Unspecified (D8)', () => {
    const noThumbprint = context({ oauth: assignment(AT, null) });
    // 09:30 with no zone, on a server at UTC+01:00: 09:30Z if UTC, 08:30Z if local. The earlier is before 09:00Z.
    const unspecified = report(
      {},
      {
        lastUpdateCreation: '2013-03-15T09:30:00.0000000',
        lastUpdateCreationKind: 'Unspecified',
        utcOffsetMinutes: 60,
      },
    );
    const judgement = judgeEvidence(line(unspecified), noThumbprint);
    expectRejected(judgement, 'before-assignment');
    expect(judgement.read.join('\n')).toContain(
      "2013-03-15T09:30:00.0000000 (DateTimeKind Unspecified: 2013-03-15T09:30:00.000Z if UTC, 2013-03-15T08:30:00.000Z if the server's local time; the earlier is compared)",
    );
    // The server's own view outweighs the unsure time: accepted, the time left out of the proof.
    const own = judgeEvidence(line(unspecified), ctx);
    expect(expectAccepted(own, ctx).lastUpdate).toBeUndefined();
    // Both readings after the assignment: the earlier one is the proof's last update.
    const later = report(
      { time: '2013-03-15T10:40:00.0000000Z' },
      {
        lastUpdateCreation: '2013-03-15T10:30:00.0000000',
        lastUpdateCreationKind: 'Unspecified',
        utcOffsetMinutes: 60,
      },
    );
    expect(expectAccepted(judgeEvidence(line(later), noThumbprint), noThumbprint).lastUpdate).toBe(
      '2013-03-15T09:30:00.000Z',
    );
    // A time with its offset (Kind Local) is exact.
    const local = report(
      {},
      {
        lastUpdateCreation: '2013-03-15T10:12:00.0000000+01:00',
        lastUpdateCreationKind: 'Local',
        utcOffsetMinutes: 60,
      },
    );
    const exact = judgeEvidence(line(local), ctx);
    expect(expectAccepted(exact, ctx).lastUpdate).toBe('2013-03-15T09:12:00.000Z');
    expect(exact.read.join('\n')).toContain('(DateTimeKind Local) = 2013-03-15T09:12:00.000Z');
  });

  it('reads every Windows service status, and warns when REPLICA is not running (P2)', () => {
    for (const status of ['Stopped', 'StartPending', 'StopPending', 'ContinuePending', 'PausePending', 'Paused']) {
      const judgement = judgeEvidence(line(report({ replicaService: status })), ctx);
      expectAccepted(judgement, ctx);
      expect(judgement.warnings.join(' ')).toContain('REPLICA');
    }
    expectRejected(judgeEvidence(line(report({ replicaService: 'Starting' })), ctx), 'unrecognised');
  });

  it('still reads version 1, and says what it does not show', () => {
    const judgement = judgeEvidence(fixture('verification/wrapped.txt'), ctx);
    expectAccepted(judgement, ctx);
    expect(judgement.read.join('\n')).toContain('machine store: not reported (schemaVersion 1)');
    expect(judgement.warnings.join(' ')).toContain('older verification script (schemaVersion 1)');
  });

  it('refuses a version 2 report without the fields version 2 adds', () => {
    const { certificates: _omitted, ...withoutCertificates } = report();
    expect(expectRejected(judgeEvidence(line(withoutCertificates), ctx), 'unrecognised')).toContain('certificates');
  });
});

describe('the fixtures of each rule (replication-and-pools D3, D6, D8, P2)', () => {
  it("v2-pending-change: UpToDate False after the assignment, the server's own view proves it, REPLICA starting", () => {
    const judgement = judgeEvidence(fixture('verification/v2-pending-change.txt'), ctx);
    expect(expectAccepted(judgement, ctx)).toMatchObject({ upToDate: false, lastUpdate: '2013-03-15T09:12:00.000Z' });
    expect(judgement.warnings.join(' ')).toContain('a newer change is pending');
    expect(judgement.warnings.join(' ')).toContain('still starting on fe02.contoso.local (StartPending)');
  });

  it('v2-not-in-store: the configuration names the certificate, the machine store lacks it', () => {
    expectRejected(judgeEvidence(fixture('verification/v2-not-in-store.txt'), ctx), 'not-in-store');
  });

  it('v2-unspecified-kind: a time without a zone is compared by its earlier reading; the own view decides', () => {
    const judgement = judgeEvidence(fixture('verification/v2-unspecified-kind.txt'), ctx);
    // 09:30 unspecified at UTC+01:00 reads 08:30Z at the earliest: before 09:00Z, so it is left out of the proof.
    const proof = expectAccepted(judgement, ctx);
    expect(proof.lastUpdate).toBeUndefined();
    expect(proof.event3038At).toBe('2013-03-15T09:31:00.000Z');
    expect(judgement.read.join('\n')).toContain('DateTimeKind Unspecified');
    expect(judgement.warnings.join(' ')).toContain('one is after the assignment and one is not, so it is left out');
  });
});
