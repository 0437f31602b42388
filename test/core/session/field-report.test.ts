import { describe, expect, it } from 'vitest';
import { gateExplanation } from '../../../renderer/core/gate/gate-words';
import { serverStatus } from '../../../renderer/core/machines/status';
import type { DeploymentSession } from '../../../renderer/core/session/session';
import { fieldReportSession, must, THUMBPRINT } from '../support/deployments';

const FE = ['fe01.contoso.local', 'fe02.contoso.local', 'fe03.contoso.local'] as const;

function status(session: DeploymentSession, fqdn: string) {
  const snap = session.server(fqdn);
  if (!snap) throw new Error(`no server ${fqdn}`);
  return serverStatus(snap);
}

describe('the field report, replayed', () => {
  it('blocks the stale Front Ends, holds path B until fe01 runs, and lets path A through on evidence', () => {
    const { session, clock } = fieldReportSession();

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
      expect(gateExplanation(s.gate)).toContain('2013-03-13T09:00:00.000Z');
      expect(gateExplanation(s.gate)).toContain('2013-03-14T10:00:00.000Z');
      const refused = session.record({ type: 'step.completed', server: fe, step: 3 });
      expect(refused).toMatchObject({ ok: false });
      expect(!refused.ok && refused.message).toContain('stale local replica');
    }

    // Path B on fe02 is held until a Front End of the CMS pool runs.
    clock.set('2013-03-14T10:10:00.000Z');
    must(session, { type: 'remediation.chosen', server: FE[1], path: 'B' });
    expect(status(session, FE[1]).remediation).toMatchObject({ path: 'B', next: { id: 'cms-running' } });
    expect(status(session, FE[1]).remediation?.waitingFor).toContain(
      'fe01.contoso.local must finish Step 4: Start Services',
    );
    const held = session.record({ type: 'remediation.item.completed', server: FE[1], path: 'B', item: 'start-agent' });
    expect(held.ok).toBe(false);
    expect(!held.ok && held.message).toMatch(/Path B cannot go on yet.*fe01\.contoso\.local must finish Step 4/);

    // fe01 starts its services: path B goes on.
    clock.set('2013-03-14T10:40:00.000Z');
    must(session, { type: 'step.completed', server: FE[0], step: 4 });
    expect(status(session, FE[1]).remediation).toMatchObject({
      path: 'B',
      next: { id: 'start-agent' },
      waitingFor: null,
    });
    clock.set('2013-03-14T10:45:00.000Z');
    must(session, { type: 'remediation.item.completed', server: FE[1], path: 'B', item: 'start-agent' });
    clock.set('2013-03-14T11:05:00.000Z');
    must(session, { type: 'remediation.item.completed', server: FE[1], path: 'B', item: 'event-3038' });
    expect(status(session, FE[1]).phase).toBe('blocked');
    must(session, {
      type: 'evidence.accepted',
      server: FE[1],
      proof: { server: FE[1], upToDate: true, lastUpdate: '2013-03-14T11:02:00.000Z' },
    });
    expect(status(session, FE[1]).gate).toMatchObject({ allowed: true, rule: 'evidence' });

    // Path A on fe03 with accepted evidence unblocks it.
    must(session, { type: 'remediation.chosen', server: FE[2], path: 'A' });
    must(session, { type: 'remediation.item.completed', server: FE[2], path: 'A', item: 'export' });
    must(session, { type: 'remediation.item.completed', server: FE[2], path: 'A', item: 'import' });
    expect(status(session, FE[2]).remediation?.next?.id).toBe('verify');
    must(session, { type: 'evidence.accepted', server: FE[2], proof: { server: FE[2], thumbprints: [THUMBPRINT] } });
    expect(status(session, FE[2]).phase).toBe('ready-for-step3');

    // All three complete Steps 3 and 4.
    clock.set('2013-03-14T12:00:00.000Z');
    for (const fe of [FE[1], FE[2]]) must(session, { type: 'step.completed', server: fe, step: 3 });
    for (const fe of [FE[1], FE[2]]) must(session, { type: 'step.completed', server: fe, step: 4 });
    for (const fe of FE) expect(status(session, fe).phase).toBe('services-running');
    expect(session.server(FE[1])?.context.steps[3]?.rule).toBe('evidence');
    expect(session.server(FE[0])?.context.steps[3]?.rule).toBe('assigns-oauth');
    expect(session.server(FE[2])?.context.items.map((i) => i.item)).toEqual(['export', 'import']);
  });

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
