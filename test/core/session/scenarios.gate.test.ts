import { describe, expect, it } from 'vitest';
import { serverStatus } from '../../../renderer/core/machines/status';
import { fieldReportSession, must, THUMBPRINT } from '../support/deployments';
import { assignedOnFe01, DIR, EDGE, FE1, FE2, FE3, phase } from './support';

describe('the Step 3 gate in other situations', () => {
  it('never blocks a server whose Step 1 came after the assignment', () => {
    const { session, clock } = assignedOnFe01();
    clock.set('2013-03-14T11:00:00.000Z');
    must(session, { type: 'step.completed', server: DIR, step: 1 });
    must(session, { type: 'step.completed', server: DIR, step: 2 });
    expect(phase(session, DIR)).toBe('ready-for-step3');
    must(session, { type: 'step.completed', server: DIR, step: 3 });
    expect(session.server(DIR)!.context.steps[3]!.rule).toBe('replica-current');
  });

  it('does not gate an Edge Server, even with a local store older than the assignment', () => {
    const { session, clock } = fieldReportSession();
    clock.set('2013-03-13T09:00:00.000Z');
    must(session, { type: 'step.completed', server: EDGE, step: 1 });
    must(session, { type: 'step.completed', server: EDGE, step: 2 });
    for (const s of [1, 2] as const) must(session, { type: 'step.completed', server: FE1, step: s });
    clock.set('2013-03-14T10:00:00.000Z');
    must(session, { type: 'step.completed', server: FE1, step: 3, thumbprint: THUMBPRINT });
    expect(phase(session, EDGE)).toBe('ready-for-step3');
    must(session, { type: 'step.completed', server: EDGE, step: 3 });
    expect(session.server(EDGE)!.context.steps[3]!.rule).toBe('no-oauth-needed');
    // An Edge Server's Step 3 never assigns the global certificate.
    expect(session.snapshot().context.oauth?.server).toBe(FE1);
  });

  it('allows an override with a written reason and keeps it visible; refuses one without', () => {
    const { session } = assignedOnFe01();
    const empty = session.record({ type: 'override.recorded', change: 'CHG-0001', server: FE2, reason: '   ' });
    expect(empty).toEqual({
      ok: false,
      message:
        'Say what was checked, in at least 20 characters (for example "Get-CsCertificate on fe02 shows the OAuthTokenIssuer thumbprint"): an override is read by whoever approves the change.',
    });
    expect(phase(session, FE2)).toBe('blocked');
    must(session, {
      type: 'override.recorded',
      server: FE2,
      reason: 'Certificate imported by hand on fe02.',
      change: 'CHG-1234',
    });
    const s = session.server(FE2)!;
    expect(serverStatus(s).gate).toMatchObject({ allowed: true, rule: 'override' });
    must(session, { type: 'step.completed', server: FE2, step: 3 });
    expect(session.server(FE2)!.context.steps[3]!.rule).toBe('override');
    expect(session.server(FE2)!.context.override).toMatchObject({
      reason: 'Certificate imported by hand on fe02.',
      change: 'CHG-1234',
      operator: 'j.smith',
    });
    expect(session.history.filter((e) => e.type === 'override.recorded')).toHaveLength(1);
  });

  it('refuses an override on a server that is not blocked', () => {
    const { session } = assignedOnFe01();
    const r = session.record({ type: 'override.recorded', change: 'CHG-0001', server: FE1, reason: 'because' });
    expect(!r.ok && r.message).toBe('fe01.contoso.local is not blocked, so there is nothing to override.');
  });

  it('lets Step 3 run again on a server that is done, through the gate', () => {
    const { session, clock } = assignedOnFe01();
    // fe02 and fe03 take a fresh copy (Step 1 again) and finish Step 3; the pool starts with all three.
    clock.set('2013-03-14T10:30:00.000Z');
    for (const s of [FE2, FE3]) must(session, { type: 'step.completed', server: s, step: 1 });
    for (const s of [FE2, FE3]) must(session, { type: 'step.completed', server: s, step: 3 });
    clock.set('2013-03-14T10:40:00.000Z');
    must(session, { type: 'pool.started', pool: 'fepool.contoso.local', servers: [FE1, FE2, FE3] });
    must(session, { type: 'step.completed', server: FE1, step: 3 });
    expect(session.server(FE1)!.context.steps[3]!.runs).toBe(2);
    const twice = session.record({ type: 'step.completed', server: FE1, step: 4 });
    expect(twice.ok).toBe(false);
  });
});
