import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { timelineEntries, timelineLine } from '../../../renderer/core/runbook';
import { play, scenarioArb } from '../support/arbitraries';
import { fieldReportSession, must, THUMBPRINT } from '../support/deployments';
import { fieldReportRunbookSession } from './field-report-runbook';

describe('the timeline', () => {
  const entries = timelineEntries(fieldReportRunbookSession().history);

  it('has one entry per event, numbered by position, with both times, operator and server', () => {
    expect(entries.map((e) => e.seq).sort((a, b) => a - b)).toEqual(entries.map((_, i) => i));
    expect(entries[0]).toEqual({
      seq: 0,
      at: '2013-03-13T08:00:00.000Z',
      recordedAt: '2013-03-13T08:00:00.000Z',
      backDated: false,
      operator: 'j.smith',
      server: null,
      kind: 'deployment.created',
      summary: 'Deployment "Contoso HQ" created',
      detail: 'Lync Server 2013, SIP domain contoso.com, 3 pools, 5 servers; CMS pool fepool.contoso.local',
    });
  });

  it('keeps its gate rules for a history with steps out of order, as an older build could write it', () => {
    const history = fieldReportRunbookSession().history.map((e) =>
      e.type === 'step.completed' && e.server === 'fe02.contoso.local' && e.step === 2
        ? { ...e, at: '2013-03-13T08:30:00.000Z' }
        : e,
    );
    const words = timelineEntries(history).filter((e) => e.kind === 'step.completed' && e.summary.startsWith('Step 3'));
    expect(words.map((e) => e.detail?.split('.')[0])).toEqual([
      'Gate: this server assigns (or holds) the OAuthTokenIssuer certificate',
      'Gate: accepted evidence that the local store is current',
      'Gate: accepted evidence that the local store is current',
      'Gate: override',
    ]);
  });

  it('says which gate rule let each Step 3 go ahead, and which Step 3 assigned the certificate', () => {
    const step3 = entries.filter((e) => e.kind === 'step.completed' && e.summary.startsWith('Step 3'));
    expect(step3.map((e) => [e.server, e.detail])).toEqual([
      [
        'fe01.contoso.local',
        `Gate: this server assigns (or holds) the OAuthTokenIssuer certificate. Assigned the OAuthTokenIssuer certificate for the deployment (thumbprint ${THUMBPRINT}).`,
      ],
      ['fe02.contoso.local', 'Gate: accepted evidence that the local store is current.'],
      ['fe03.contoso.local', 'Gate: accepted evidence that the local store is current.'],
      ['dir01.contoso.local', 'Gate: override.'],
    ]);
  });

  it('gives evidence its verdict, with the reason of a rejection', () => {
    const evidence = entries.filter((e) => e.verdict !== undefined);
    expect(evidence.map((e) => [e.server, e.verdict, e.summary])).toEqual([
      ['fe02.contoso.local', 'rejected', 'Evidence pasted (Get-CsManagementStoreReplicationStatus output)'],
      ['fe02.contoso.local', 'accepted', 'Evidence pasted (Get-CsManagementStoreReplicationStatus output)'],
      ['fe03.contoso.local', 'accepted', 'Evidence pasted (Get-CsCertificate output)'],
    ]);
    expect(evidence[0]!.detail).toMatch(
      /^The output names no replica \(its ReplicaFqdn is empty\), so it cannot be attributed to fe02\.contoso\.local/,
    );
    expect(evidence[1]!.detail).toBe('Proved fe02.contoso.local: up to date, last update 2013-03-14T11:02:00Z.');
  });

  it('counts runs of a step and reads as one line of plain text', () => {
    const { session, clock } = fieldReportSession('sfb2015');
    clock.set('2015-06-01T09:00:00.000Z');
    must(session, { type: 'step.completed', server: 'fe02.contoso.local', step: 1 });
    must(session, { type: 'step.completed', server: 'fe02.contoso.local', step: 1, operator: 'a.admin' });
    const [, first, second] = timelineEntries(session.history);
    expect(first!.summary).toBe('Step 1: Install Local Configuration Store completed');
    expect(second!.summary).toBe('Step 1: Install Local Configuration Store completed (run 2)');
    expect(timelineLine(second!)).toBe(
      '2015-06-01T09:00:00Z  a.admin  fe02.contoso.local  Step 1: Install Local Configuration Store completed (run 2)',
    );
  });

  it('names the changes of a topology update', () => {
    const { session } = fieldReportSession();
    const deployment = session.deployment()!;
    must(session, {
      type: 'topology.updated',
      deployment: {
        ...deployment,
        servers: [
          ...deployment.servers.filter((s) => s.fqdn !== 'fe03.contoso.local'),
          { fqdn: 'fe04.contoso.local', pool: 'fepool.contoso.local', role: 'front-end' },
        ],
      },
    });
    expect(timelineEntries(session.history)[1]).toMatchObject({
      summary: 'Topology updated',
      detail: 'servers added: fe04.contoso.local; servers removed: fe03.contoso.local',
    });
  });

  it('knows the gate rule of every Step 3 of any history, since the whole history replays', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const session = play(scenario);
        const timeline = timelineEntries(session.history);
        expect(timeline).toHaveLength(session.history.length);
        // In the order things happened: by time, events of one moment in the order they were recorded.
        for (const [a, b] of timeline.slice(1).map((e, i) => [timeline[i]!, e] as const))
          expect(Date.parse(a.at) < Date.parse(b.at) || (a.at === b.at && a.seq < b.seq)).toBe(true);
        timeline.forEach((entry) => {
          const event = session.history[entry.seq]!;
          expect(entry.kind).toBe(event.type);
          expect([entry.at, entry.recordedAt]).toEqual([event.at, event.recordedAt]);
          if (event.type === 'step.completed' && event.step === 3) expect(entry.detail).toMatch(/^Gate: /);
        });
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 100) },
    );
  });
});
