import { describe, expect, it } from 'vitest';
import { judgeEvidence, toEvidenceInput } from '../../../renderer/core/evidence';
import { judgingContext } from '../support/evidence';
import { nextAction } from '../../../renderer/core/machines/next-action';
import { gateExplanation } from '../../../renderer/core/gate/gate-words';
import { serverStatus } from '../../../renderer/core/machines/status';
import type { DeploymentSession } from '../../../renderer/core/session/session';
import { fieldReportSession, must, THUMBPRINT } from '../support/deployments';

const FE = ['fe01.contoso.local', 'fe02.contoso.local', 'fe03.contoso.local'] as const;

/** The verification script's output on a server after path A: its own view, and the master's record lagging. */
function verification(server: string, lastUpdate: string): string {
  return JSON.stringify({
    schema: 'lync-runbook.verify',
    schemaVersion: 2,
    expected: server,
    server,
    time: '2013-03-14T10:45:00.0000000Z',
    replication: {
      upToDate: false,
      lastUpdateCreation: lastUpdate,
      lastUpdateCreationKind: 'Utc',
      utcOffsetMinutes: 0,
      lastStatusReport: lastUpdate,
    },
    oauthThumbprints: [THUMBPRINT],
    certificates: [{ thumbprint: THUMBPRINT, inStore: true, hasPrivateKey: true, keySize: 2048, notAfter: null }],
    replicaService: 'Running',
    event3038: null,
  });
}

function status(session: DeploymentSession, fqdn: string) {
  const snap = session.server(fqdn);
  if (!snap) throw new Error(`no server ${fqdn}`);
  return serverStatus(snap);
}

describe('the field report, replayed', () => {
  it.each(['lync2013', 'sfb2015'] as const)(
    '%s: blocks the stale members, never asks one member to start alone, and starts the pool once all three are proven',
    (product) => {
      const { session, clock } = fieldReportSession(product);

      // Steps 1 and 2 on all three Front Ends, the day before the certificate.
      clock.set('2013-03-13T09:00:00.000Z');
      for (const fe of FE) must(session, { type: 'step.completed', server: fe, step: 1 });
      clock.set('2013-03-13T11:00:00.000Z');
      for (const fe of FE) must(session, { type: 'step.completed', server: fe, step: 2 });

      // Step 3 on fe01 assigns the OAuthTokenIssuer certificate.
      clock.set('2013-03-14T10:00:00.000Z');
      expect(status(session, FE[0]).gate).toMatchObject({ allowed: true, rule: 'assigns-oauth' });
      must(session, { type: 'step.completed', server: FE[0], step: 3, thumbprint: THUMBPRINT });
      expect(session.snapshot().context.oauth).toEqual({
        server: FE[0],
        thumbprint: THUMBPRINT,
        at: '2013-03-14T10:00:00.000Z',
        operator: 'j.smith',
      });

      // fe02 and fe03 are blocked as stale, with both times.
      for (const fe of [FE[1], FE[2]]) {
        const s = status(session, fe);
        expect(s.phase).toBe('blocked');
        expect(s.gate).toMatchObject({
          allowed: false,
          reason: 'stale-replica',
          step1At: '2013-03-13T09:00:00.000Z',
          assignedAt: '2013-03-14T10:00:00.000Z',
          assignedOn: FE[0],
        });
        expect(gateExplanation(s.gate)).toContain('2013-03-13T09:00:00Z');
        expect(gateExplanation(s.gate)).toContain('2013-03-14T10:00:00Z');
        const refused = session.record({ type: 'step.completed', server: fe, step: 3 });
        expect(refused).toMatchObject({ ok: false });
        expect(!refused.ok && refused.message).toContain('stale local replica');
      }

      // Path B on fe02 cannot go first: fe02 is one of the three members the new CMS pool needs for its first start.
      clock.set('2013-03-14T10:10:00.000Z');
      must(session, { type: 'remediation.chosen', server: FE[1], path: 'B' });
      expect(status(session, FE[1]).remediation).toMatchObject({ path: 'B', next: { id: 'cms-started' } });
      expect(status(session, FE[1]).remediation?.waitingFor).toContain(
        'This server is one of the members fepool.contoso.local needs for its first start (3 of 3); replication cannot reach it first — use path A or C.',
      );
      const held = session.record({
        type: 'remediation.item.completed',
        server: FE[1],
        path: 'B',
        item: 'replication-services',
      });
      expect(held.ok).toBe(false);
      expect(!held.ok && held.message).toMatch(/Path B cannot go on yet.*replication cannot reach it first/);
      // fe01 alone cannot start the pool, and is never asked to.
      const alone = session.record({ type: 'step.completed', server: FE[0], step: 4 });
      expect(!alone.ok && alone.message).toContain('is the first start of its pool, not of fe01.contoso.local alone');
      expect(nextAction(session.snapshot())?.text).not.toMatch(/fe01.*Start Services/);

      // Path A on fe02 and fe03, proved from each server's own view.
      must(session, { type: 'remediation.chosen', server: FE[1], path: 'A' });
      for (const fe of [FE[1], FE[2]]) {
        if (fe === FE[2]) must(session, { type: 'remediation.chosen', server: fe, path: 'A' });
        for (const item of ['export', 'import', 'start-agent'] as const)
          must(session, { type: 'remediation.item.completed', server: fe, path: 'A', item });
        expect(status(session, fe).remediation?.next?.id).toBe('verify');
        clock.set('2013-03-14T10:50:00.000Z');
        // The verification script on the server: its own view shows the certificate, while the CMS master's
        // record still says UpToDate False (REPLICA has not reported since the import) with a later update.
        const text = verification(fe, '2013-03-14T10:40:00.0000000Z');
        const ctx = judgingContext(fe, session.snapshot().context.oauth);
        const judged = judgeEvidence(text, ctx);
        if (!judged.verdict.accepted) throw new Error(judged.verdict.message);
        expect(judged.verdict.proof).toMatchObject({ upToDate: false, thumbprints: [THUMBPRINT] });
        expect(judged.warnings.join(' ')).toContain('a newer change is pending');
        must(session, {
          type: 'evidence.accepted',
          server: fe,
          proof: judged.verdict.proof,
          input: toEvidenceInput(judged, text, ctx),
        });
        expect(status(session, fe).phase).toBe('ready-for-step3');
      }

      // Steps 3 on fe02 and fe03; then the pool's first start of all three, which records Step 4 on each.
      clock.set('2013-03-14T12:00:00.000Z');
      for (const fe of [FE[1], FE[2]]) must(session, { type: 'step.completed', server: fe, step: 3 });
      expect(nextAction(session.snapshot())?.text).toContain('fepool.contoso.local: start the pool');
      const short = session.record({ type: 'pool.started', pool: 'fepool.contoso.local', servers: [FE[0], FE[1]] });
      expect(!short.ok && short.message).toContain('3 of its 3 Front Ends must be running together');
      clock.set('2013-03-14T12:10:00.000Z');
      must(session, { type: 'pool.started', pool: 'fepool.contoso.local', servers: [...FE] });
      for (const fe of FE) {
        expect(status(session, fe).phase).toBe('services-running');
        expect(session.server(fe)?.context.steps[4]?.at).toBe('2013-03-14T12:10:00.000Z');
      }
      expect(session.snapshot().context.cms.startedAt).toBe('2013-03-14T12:10:00.000Z');
      expect(session.server(FE[1])?.context.steps[3]?.rule).toBe('evidence');
      expect(session.server(FE[0])?.context.steps[3]?.rule).toBe('assigns-oauth');
      expect(session.server(FE[2])?.context.items.map((i) => i.item)).toEqual(['export', 'import', 'start-agent']);
    },
  );

  it('records every accepted command, stamped with time and operator, and nothing refused', () => {
    const { session, clock } = fieldReportSession();
    clock.set('2013-03-13T09:00:00.000Z');
    must(session, { type: 'step.completed', server: FE[0], step: 1 });
    const refused = session.record({ type: 'step.completed', server: FE[0], step: 4 });
    expect(refused).toEqual({
      ok: false,
      message:
        'Step 4: Start Services on fe01.contoso.local needs Step 2: Setup or Remove Lync Server Components first.',
    });
    session.setRecorder({ clock, operator: 'a.admin' });
    clock.set('2013-03-13T12:00:00.000Z');
    must(session, { type: 'step.completed', server: 'FE01.Contoso.Local', step: 2, at: '2013-03-13T09:30:00.000Z' });
    expect(session.history.map((e) => [e.type, e.at, e.operator])).toEqual([
      ['deployment.created', '2013-03-13T08:00:00.000Z', 'j.smith'],
      ['step.completed', '2013-03-13T09:00:00.000Z', 'j.smith'],
      ['step.completed', '2013-03-13T09:30:00.000Z', 'a.admin'],
    ]);
    expect(session.history[2]).toMatchObject({ server: 'fe01.contoso.local' });
  });

  it('uses the Skype for Business wording for Skype for Business deployments', () => {
    const { session } = fieldReportSession('sfb2019');
    const refused = session.record({ type: 'step.completed', server: FE[0], step: 2 });
    expect(!refused.ok && refused.message).toBe(
      'Step 2: Setup or Remove Skype for Business Server Components on fe01.contoso.local needs Step 1: Install Local Configuration Store first.',
    );
  });
});
