import { describe, expect, it } from 'vitest';
import { serverStatus } from '../../../renderer/core/machines/status';
import { DeploymentSession } from '../../../renderer/core/session/session';
import { fieldReportSession, must, THUMBPRINT } from '../support/deployments';

const [FE1, FE2, FE3] = ['fe01.contoso.local', 'fe02.contoso.local', 'fe03.contoso.local'];
const DIR = 'dir01.contoso.local';
const EDGE = 'edge01.perimeter.contoso.com';

function phase(session: DeploymentSession, fqdn: string) {
  const snap = session.server(fqdn)!;
  return serverStatus(snap).phase;
}

/** fe01 through Steps 1–3 (assigning the certificate at 10:00 on 14 March); the others through Steps 1–2 the day before. */
function assignedOnFe01(): { session: DeploymentSession; clock: ReturnType<typeof fieldReportSession>['clock'] } {
  const { session, clock } = fieldReportSession();
  clock.set('2013-03-13T09:00:00.000Z');
  for (const s of [FE1, FE2, FE3]) must(session, { type: 'step.completed', server: s, step: 1 });
  for (const s of [FE1, FE2, FE3]) must(session, { type: 'step.completed', server: s, step: 2 });
  clock.set('2013-03-14T10:00:00.000Z');
  must(session, { type: 'step.completed', server: FE1, step: 3, thumbprint: THUMBPRINT });
  return { session, clock };
}

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

  it('does not let an Edge Server assign the OAuth certificate before any Front End', () => {
    const { session } = fieldReportSession();
    for (const s of [1, 2, 3] as const) must(session, { type: 'step.completed', server: EDGE, step: s });
    expect(session.snapshot().context.oauth).toBeNull();
    const refused = session.record({ type: 'oauth.assigned', server: EDGE, thumbprint: THUMBPRINT });
    expect(!refused.ok && refused.message).toContain(
      'assign the OAuthTokenIssuer certificate on a Front End or Standard Edition server',
    );
  });

  it('allows an override with a written reason and keeps it visible; refuses one without', () => {
    const { session } = assignedOnFe01();
    const empty = session.record({ type: 'override.recorded', server: FE2, reason: '   ' });
    expect(empty).toEqual({
      ok: false,
      message: 'An override needs a written reason: say why Step 3 may go ahead on a stale local store.',
    });
    expect(phase(session, FE2)).toBe('blocked');
    must(session, {
      type: 'override.recorded',
      server: FE2,
      reason: 'Certificate imported by hand on fe02 (change CHG-1234).',
    });
    const s = session.server(FE2)!;
    expect(serverStatus(s).gate).toMatchObject({ allowed: true, rule: 'override' });
    must(session, { type: 'step.completed', server: FE2, step: 3 });
    expect(session.server(FE2)!.context.steps[3]!.rule).toBe('override');
    expect(session.server(FE2)!.context.override).toMatchObject({
      reason: 'Certificate imported by hand on fe02 (change CHG-1234).',
      operator: 'j.smith',
    });
    expect(session.history.filter((e) => e.type === 'override.recorded')).toHaveLength(1);
  });

  it('refuses an override on a server that is not blocked', () => {
    const { session } = assignedOnFe01();
    const r = session.record({ type: 'override.recorded', server: FE1, reason: 'because' });
    expect(!r.ok && r.message).toBe('fe01.contoso.local is not blocked, so there is nothing to override.');
  });

  it('unblocks through path C once Step 1 is run again, after replication completed', () => {
    const { session, clock } = assignedOnFe01();
    must(session, { type: 'remediation.chosen', server: FE3, path: 'C' });
    const early = session.record({ type: 'remediation.item.completed', server: FE3, path: 'C', item: 'rerun-step1' });
    expect(!early.ok && early.message).toBe(
      'Next on path C is "Check that CMS replication has completed"; do the items in order.',
    );
    clock.set('2013-03-14T10:30:00.000Z');
    must(session, { type: 'remediation.item.completed', server: FE3, path: 'C', item: 'replication-complete' });
    expect(phase(session, FE3)).toBe('blocked');
    clock.set('2013-03-14T10:35:00.000Z');
    must(session, { type: 'step.completed', server: FE3, step: 1 });
    expect(phase(session, FE3)).toBe('ready-for-step3');
    const ctx = session.server(FE3)!.context;
    expect(ctx.step1At).toBe('2013-03-14T10:35:00.000Z');
    expect(ctx.steps[1]!.runs).toBe(2);
    expect(ctx.items.map((i) => i.item)).toEqual(['replication-complete', 'rerun-step1']);
    must(session, { type: 'step.completed', server: FE3, step: 3 });
    expect(session.server(FE3)!.context.steps[3]!.rule).toBe('replica-current');
  });

  it('keeps a server blocked when Step 1 is recorded again with a time before the assignment', () => {
    const { session } = assignedOnFe01();
    must(session, { type: 'step.completed', server: FE3, step: 1, at: '2013-03-13T12:00:00.000Z' });
    expect(phase(session, FE3)).toBe('blocked');
  });

  it('records switching path, with from and to', () => {
    const { session } = assignedOnFe01();
    must(session, { type: 'remediation.chosen', server: FE2, path: 'B' });
    must(session, { type: 'remediation.chosen', server: FE2, path: 'A' });
    const same = session.record({ type: 'remediation.chosen', server: FE2, path: 'A' });
    expect(!same.ok && same.message).toBe('Path A is already the chosen path on fe02.contoso.local.');
    expect(session.server(FE2)!.context.switches.map((s) => [s.from, s.to])).toEqual([
      [null, 'B'],
      ['B', 'A'],
    ]);
    expect(session.server(FE2)!.value).toEqual({ awaitingStep3: { blocked: { pathA: 'export' } } });
  });

  it('refuses evidence that does not cover the assignment and keeps the server blocked', () => {
    const { session } = assignedOnFe01();
    const before = session.history.length;
    const stale = session.record({
      type: 'evidence.accepted',
      server: FE2,
      proof: { server: FE2, upToDate: true, lastUpdate: '2013-03-14T09:59:00.000Z' },
    });
    expect(stale.ok).toBe(false);
    const other = session.record({
      type: 'evidence.accepted',
      server: FE2,
      proof: { server: FE3, upToDate: true, lastUpdate: '2013-03-14T11:00:00.000Z' },
    });
    expect(other.ok).toBe(false);
    const wrongThumb = session.record({
      type: 'evidence.accepted',
      server: FE2,
      proof: { server: FE2, thumbprints: ['F'.repeat(40)] },
    });
    expect(wrongThumb.ok).toBe(false);
    expect(session.history.length).toBe(before);
    expect(phase(session, FE2)).toBe('blocked');
  });

  it('accepts evidence even when no path was chosen (replication caught up by itself)', () => {
    const { session } = assignedOnFe01();
    must(session, {
      type: 'evidence.accepted',
      server: FE2,
      proof: { server: FE2, event3038At: '2013-03-14T10:20:00.000Z' },
    });
    expect(phase(session, FE2)).toBe('ready-for-step3');
    expect(session.server(FE2)!.context.path).toBeNull();
    expect(session.server(FE2)!.context.refreshedAt).toBe('2013-03-14T10:20:00.000Z');
  });

  it('blocks a server waiting for Step 3 when the certificate is assigned elsewhere meanwhile', () => {
    const { session, clock } = fieldReportSession();
    clock.set('2013-03-13T09:00:00.000Z');
    for (const s of [FE1, FE2])
      for (const step of [1, 2] as const) must(session, { type: 'step.completed', server: s, step });
    expect(phase(session, FE2)).toBe('ready-for-step3');
    clock.set('2013-03-14T10:00:00.000Z');
    must(session, { type: 'oauth.assigned', server: FE1, thumbprint: THUMBPRINT });
    expect(phase(session, FE2)).toBe('blocked');
    expect(phase(session, FE1)).toBe('ready-for-step3');
    const again = session.record({ type: 'oauth.assigned', server: FE2 });
    expect(!again.ok && again.message).toContain('already assigned');
  });

  it('refuses a step dated before one already recorded on the server, and a time in the future', () => {
    const { session, clock } = assignedOnFe01();
    // The typo the gate must not swallow: fe01's Step 3 dated before its own Step 1 would make every store look current.
    const early = session.record({ type: 'step.completed', server: FE1, step: 4, at: '2013-03-12T10:00:00.000Z' });
    expect(!early.ok && early.message).toBe(
      'Step 4: Start Services on fe01.contoso.local is dated 2013-03-12T10:00:00.000Z, before Step 1: Install Local Configuration Store recorded there at 2013-03-13T09:00:00.000Z. Steps are recorded in the order they happened: check the date and time.',
    );
    clock.set('2013-03-14T11:00:00.000Z');
    const future = session.record({ type: 'step.completed', server: DIR, step: 1, at: '2099-01-01T00:00:00.000Z' });
    expect(!future.ok && future.message).toBe(
      'The time 2099-01-01T00:00:00.000Z is in the future (now is 2013-03-14T11:00:00.000Z). Enter when it actually happened.',
    );
    expect(session.record({ type: 'step.completed', server: DIR, step: 1, at: '2013-03-14T11:00:30.000Z' }).ok).toBe(
      true,
    );
  });

  it('still opens a history whose steps were recorded out of order before that check existed', () => {
    const { session, clock } = assignedOnFe01();
    clock.set('2013-03-14T11:00:00.000Z');
    must(session, { type: 'step.completed', server: DIR, step: 1 });
    must(session, { type: 'step.completed', server: DIR, step: 2 });
    // As an earlier build could have written it: dir01's Step 2 dated before its Step 1.
    const history = session.history.map((e) =>
      e.type === 'step.completed' && e.server === DIR && e.step === 2 ? { ...e, at: '2013-03-14T10:59:00.000Z' } : e,
    );
    const replayed = DeploymentSession.replay(history, { clock, operator: 'reader' });
    expect(replayed.ok).toBe(true);
    if (!replayed.ok) return;
    expect(replayed.session.server(DIR)!.context.steps[2]?.at).toBe('2013-03-14T10:59:00.000Z');
    // New commands are still checked.
    const again = replayed.session.record({
      type: 'step.completed',
      server: DIR,
      step: 3,
      at: '2013-03-14T10:30:00.000Z',
    });
    expect(!again.ok && again.message).toMatch(
      /is dated 2013-03-14T10:30:00.000Z, before Step 1: Install Local Configuration Store recorded there at 2013-03-14T11:00:00.000Z/,
    );
  });

  it('takes the thumbprint of an assignment recorded without one, once, on the server that assigned it', () => {
    const { session, clock } = fieldReportSession();
    clock.set('2013-03-13T09:00:00.000Z');
    for (const s of [FE1, FE2]) must(session, { type: 'step.completed', server: s, step: 1 });
    for (const s of [FE1, FE2]) must(session, { type: 'step.completed', server: s, step: 2 });
    const tooEarly = session.record({ type: 'oauth.thumbprint.recorded', server: FE1, thumbprint: THUMBPRINT });
    expect(!tooEarly.ok && tooEarly.message).toMatch(/No OAuthTokenIssuer certificate is assigned yet/);
    clock.set('2013-03-14T10:00:00.000Z');
    must(session, { type: 'step.completed', server: FE1, step: 3 });
    expect(session.snapshot().context.oauth).toMatchObject({
      server: FE1,
      thumbprint: null,
      at: '2013-03-14T10:00:00.000Z',
    });
    // Without the thumbprint, the certificate fe02 shows proves nothing.
    const proof = { server: FE2, thumbprints: [THUMBPRINT] };
    expect(session.record({ type: 'evidence.accepted', server: FE2, proof }).ok).toBe(false);

    clock.set('2013-03-14T10:20:00.000Z');
    const elsewhere = session.record({ type: 'oauth.thumbprint.recorded', server: FE2, thumbprint: THUMBPRINT });
    expect(!elsewhere.ok && elsewhere.message).toBe(
      'The OAuthTokenIssuer certificate was assigned on fe01.contoso.local, not on fe02.contoso.local; record its thumbprint there.',
    );
    must(session, {
      type: 'oauth.thumbprint.recorded',
      server: 'FE01.contoso.local',
      thumbprint: THUMBPRINT.toLowerCase().replace(/(.{8})/g, '$1 '),
    });
    // The assignment keeps its time (the gate's fact); every server now knows the thumbprint.
    expect(session.snapshot().context.oauth).toMatchObject({
      server: FE1,
      thumbprint: THUMBPRINT,
      at: '2013-03-14T10:00:00.000Z',
    });
    expect(session.server(FE2)!.context.oauth?.thumbprint).toBe(THUMBPRINT);
    expect(phase(session, FE2)).toBe('blocked');
    const again = session.record({ type: 'oauth.thumbprint.recorded', server: FE1, thumbprint: THUMBPRINT });
    expect(!again.ok && again.message).toMatch(/already recorded \(0123456789ABCDEF/);

    // Now the certificate on fe02 is proof, and its Step 3 may go ahead.
    must(session, { type: 'evidence.accepted', server: FE2, proof });
    must(session, { type: 'step.completed', server: FE2, step: 3 });
    expect(session.server(FE2)!.context.steps[3]!.rule).toBe('evidence');
    // And the history replays to the same state.
    const replayed = DeploymentSession.replay(session.history, { clock, operator: 'reader' });
    expect(replayed.ok && replayed.session.snapshot().context.oauth).toEqual(session.snapshot().context.oauth);
  });

  it('does not let a step recorded in the future lock its server, compares typed times within the minute, and checks the real time', () => {
    const { session, clock } = assignedOnFe01();
    // As an older build or a wrong clock could have written it: dir01's Step 1 a year ahead.
    const history = [
      ...session.history,
      {
        type: 'step.completed' as const,
        server: DIR,
        step: 1 as const,
        at: '2014-03-14T11:00:00.000Z',
        operator: 'j.smith',
      },
    ];
    clock.set('2013-03-14T11:00:30.000Z');
    const replayed = DeploymentSession.replay(history, { clock, operator: 'j.smith' });
    if (!replayed.ok) throw new Error(replayed.message);
    must(replayed.session, { type: 'step.completed', server: DIR, step: 1 });
    // Recorded at 11:00:30; Step 2 typed as 11:00 (the time field has whole minutes) is the same minute.
    must(replayed.session, { type: 'step.completed', server: DIR, step: 2, at: '2013-03-14T11:00:00.000Z' });
    // A time given with the command (the command line's --at) is checked against the real time.
    const stamped = DeploymentSession.replay(session.history, { clock, operator: 'j.smith' });
    if (!stamped.ok) throw new Error(stamped.message);
    const future = stamped.session.record({
      type: 'step.completed',
      server: DIR,
      step: 1,
      at: '2099-01-01T00:00:00.000Z',
    });
    expect(!future.ok && future.message).toBe(
      'The time 2099-01-01T00:00:00.000Z is in the future (now is 2013-03-14T11:00:30.000Z). Enter when it actually happened.',
    );
  });

  it('refuses events for servers that are not in the deployment', () => {
    const { session } = fieldReportSession();
    const r = session.record({ type: 'step.completed', server: 'fe09.contoso.local', step: 1 });
    expect(r).toEqual({ ok: false, message: 'There is no server fe09.contoso.local in this deployment.' });
  });

  it('lets Step 3 run again on a server that is done, through the gate', () => {
    const { session, clock } = assignedOnFe01();
    clock.set('2013-03-14T10:40:00.000Z');
    must(session, { type: 'step.completed', server: FE1, step: 4 });
    must(session, { type: 'step.completed', server: FE1, step: 3 });
    expect(session.server(FE1)!.context.steps[3]!.runs).toBe(2);
    const twice = session.record({ type: 'step.completed', server: FE1, step: 4 });
    expect(twice.ok).toBe(false);
  });

  it('keeps servers with recorded steps in the topology, in their pool and role', () => {
    const { session } = assignedOnFe01();
    const d = session.deployment()!;
    const removed = session.record({
      type: 'topology.updated',
      deployment: { ...d, servers: d.servers.filter((s) => s.fqdn !== FE2) },
    });
    expect(!removed.ok && removed.message).toBe(
      'fe02.contoso.local has recorded steps, so it cannot be removed from the topology.',
    );
    const moved = session.record({
      type: 'topology.updated',
      deployment: {
        ...d,
        pools: [...d.pools, { fqdn: 'fepool2.contoso.local', kind: 'enterprise-front-end' }],
        servers: d.servers.map((s) => (s.fqdn === FE3 ? { ...s, pool: 'fepool2.contoso.local' } : s)),
      },
    });
    expect(!moved.ok && moved.message).toBe(
      'fe03.contoso.local has recorded steps, so its pool and role cannot change.',
    );
  });

  it('spawns and stops server machines when the topology changes', () => {
    const { session, clock } = assignedOnFe01();
    clock.set('2013-03-14T10:30:00.000Z');
    const d = session.deployment()!;
    must(session, {
      type: 'topology.updated',
      deployment: {
        ...d,
        servers: [
          ...d.servers.filter((s) => s.fqdn !== DIR),
          { fqdn: 'fe04.contoso.local', pool: 'fepool.contoso.local', role: 'front-end' },
        ],
      },
    });
    expect(session.server(DIR)).toBeUndefined();
    expect(session.server('fe04.contoso.local')!.context.oauth?.server).toBe(FE1);
    expect(phase(session, FE2)).toBe('blocked');
    must(session, { type: 'step.completed', server: 'fe04.contoso.local', step: 1 });
    must(session, { type: 'step.completed', server: 'fe04.contoso.local', step: 2 });
    expect(phase(session, 'fe04.contoso.local')).toBe('ready-for-step3');
  });
});
