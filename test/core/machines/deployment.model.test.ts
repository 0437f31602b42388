import { describe, expect, it } from 'vitest';
import { fromTransition, type SnapshotFrom } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import type { DomainEvent } from '../../../renderer/core/events/schema';
import { hasRecorded } from '../../../renderer/core/machines/deployment.context';
import { firstStartNeed } from '../../../renderer/core/model/pool-start';
import { currentItem } from '../../../renderer/core/machines/status';
import type { PoolSnapshot } from '../../../renderer/core/machines/pool.machine';
import { stepsDone } from '../../../renderer/core/machines/server.context';
import { cmsFrontEnds, type Deployment } from '../../../renderer/core/model/deployment';
import { refusalOf } from '../../../renderer/core/session/refusal';
import { DeploymentSession } from '../../../renderer/core/session/session';

/**
 * Model-based test of the deployment machine with its spawned server machines: every shortest path
 * over a representative event set (topology changes among them), walked on real actors, checking on
 * every step what the deployment promises its servers: one machine per pool and under it one per
 * server of the pool, the
 * OAuth assignment as every server is told it and the CMS pool's state as the servers waiting for
 * it are told it, the servers it records as having steps exactly those that have, a server with recorded steps never removed or moved, and an
 * event refused exactly when nothing changes.
 */

const T = (h: string) => `2013-03-14T${h}:00:00.000Z`;
const FE1 = 'fe01.contoso.local';
const FE2 = 'fe02.contoso.local';
const DIR = 'dir01.contoso.local';
const THUMB = 'AB'.repeat(20);
const DEPTH = 6;
const op = { operator: 'model' };

const DEPLOYMENT: Deployment = {
  name: 'Model',
  product: 'sfb2015',
  sipDomain: 'contoso.com',
  cmsPool: 'fepool.contoso.local',
  pools: [
    { fqdn: 'fepool.contoso.local', kind: 'enterprise-front-end' },
    { fqdn: 'dirpool.contoso.local', kind: 'director' },
  ],
  servers: [
    { fqdn: FE1, pool: 'fepool.contoso.local', role: 'front-end' },
    { fqdn: FE2, pool: 'fepool.contoso.local', role: 'front-end' },
    { fqdn: DIR, pool: 'dirpool.contoso.local', role: 'director' },
  ],
};
const WITHOUT_DIRECTOR: Deployment = { ...DEPLOYMENT, servers: DEPLOYMENT.servers.filter((s) => s.fqdn !== DIR) };
const MOVED: Deployment = {
  ...DEPLOYMENT,
  pools: [...DEPLOYMENT.pools, { fqdn: 'fepool2.contoso.local', kind: 'enterprise-front-end' }],
  servers: DEPLOYMENT.servers.map((s) => (s.fqdn === FE2 ? { ...s, pool: 'fepool2.contoso.local' } : s)),
};
const WITH_FE3: Deployment = {
  ...DEPLOYMENT,
  servers: [...DEPLOYMENT.servers, { fqdn: 'fe03.contoso.local', pool: 'fepool.contoso.local', role: 'front-end' }],
};

const step = (server: string, n: 1 | 2 | 3 | 4, at: string): DomainEvent => ({
  type: 'step.completed',
  server,
  step: n,
  at,
  recordedAt: at,
  ...op,
});

const EVENTS: DomainEvent[] = [
  { type: 'deployment.created', deployment: DEPLOYMENT, at: T('08'), recordedAt: T('08'), ...op },
  step(FE1, 1, T('09')),
  step(FE1, 2, T('09')),
  { type: 'step.completed', server: FE1, step: 3, at: T('10'), recordedAt: T('10'), ...op },
  // A two-Front-End Enterprise pool starts with one of them (Microsoft's table); its own Step 4 is refused.
  step(FE1, 4, T('11')),
  { type: 'pool.started', pool: 'fepool.contoso.local', servers: [FE1], at: T('11'), recordedAt: T('11'), ...op },
  step(FE2, 4, T('12')),
  step(FE2, 1, T('09')),
  step(FE2, 1, T('12')),
  step(FE2, 2, T('12')),
  step(FE2, 3, T('12')),
  step(DIR, 1, T('09')),
  { type: 'oauth.assigned', server: FE2, thumbprint: THUMB, at: T('10'), recordedAt: T('10'), ...op },
  { type: 'oauth.thumbprint.recorded', server: FE1, thumbprint: THUMB, at: T('11'), recordedAt: T('11'), ...op },
  { type: 'remediation.chosen', server: FE2, path: 'B', at: T('11'), recordedAt: T('11'), ...op },
  {
    type: 'override.recorded',
    server: FE2,
    reason: 'checked the local store by hand',
    change: 'CHG-1',
    at: T('11'),
    recordedAt: T('11'),
    ...op,
  },
  { type: 'topology.updated', deployment: WITHOUT_DIRECTOR, at: T('11'), recordedAt: T('11'), ...op },
  { type: 'topology.updated', deployment: MOVED, at: T('11'), recordedAt: T('11'), ...op },
  { type: 'topology.updated', deployment: WITH_FE3, at: T('11'), recordedAt: T('11'), ...op },
  {
    type: 'script.copied',
    server: DIR,
    scriptId: 'verify',
    title: 'Verify',
    text: 'x',
    at: T('11'),
    recordedAt: T('11'),
    ...op,
  },
];

/** A deployment as a transition function over its history, so that xstate/graph can walk real actors. */
const logic = fromTransition(
  (history: readonly DomainEvent[], event: DomainEvent) => {
    const session = fresh(history);
    if (session.replayOne(event) !== null) return history;
    const next = [...history, event];
    sessions.set(JSON.stringify(next), session);
    return next;
  },
  [] as readonly DomainEvent[],
);
type Snap = SnapshotFrom<typeof logic>;

/** The sessions of the histories walked, read only once made (a transition replays afresh). */
const sessions = new Map<string, DeploymentSession>();

/** The machines after a history (their rules only: the event set's fixed times are not in every order possible). */
function fresh(history: readonly DomainEvent[]): DeploymentSession {
  const session = DeploymentSession.empty();
  for (const event of history) {
    const refusal = session.replayOne(event);
    if (refusal !== null) throw new Error(refusal);
  }
  return session;
}

function replayed(history: readonly DomainEvent[]): DeploymentSession {
  const key = JSON.stringify(history);
  const session = sessions.get(key) ?? fresh(history);
  sessions.set(key, session);
  return session;
}

/** Everything observable of a deployment: its machine and every server machine. */
function observable(session: DeploymentSession): string {
  return JSON.stringify(session.actor.getPersistedSnapshot());
}

/** What the deployment promises its servers, in one state. */
function checkState(session: DeploymentSession): void {
  const context = session.snapshot().context;
  const deployment = context.deployment;
  if (deployment === null) return;
  // One machine per pool, and under it one per server of the pool.
  const pools = session.snapshot().children as Record<string, { getSnapshot(): PoolSnapshot }>;
  expect(Object.keys(pools).sort()).toEqual(deployment.pools.map((p) => `pool:${p.fqdn}`).sort());
  for (const pool of deployment.pools) {
    const servers = Object.keys(pools[`pool:${pool.fqdn}`]!.getSnapshot().children).sort();
    const inPool = deployment.servers.filter((s) => s.pool === pool.fqdn).map((s) => `server:${s.fqdn}`);
    expect(servers, pool.fqdn).toEqual(inPool.sort());
  }
  // The CMS pool's state, worked out from the servers and the history rather than from what the deployment keeps.
  const frontEnds = cmsFrontEnds(deployment).map((s) => s.fqdn);
  const start = session.history.find((e) => e.type === 'pool.started' && e.pool === deployment.cmsPool);
  expect(context.cms.frontEnds).toEqual(frontEnds);
  expect(context.cms.ready).toEqual(frontEnds.filter((f) => stepsDone(session.server(f)!.context) >= 3));
  expect(context.cms.startedAt).toBe(start?.at ?? null);
  // No pool is on record as started below its first-start number, and only its members started have Step 4.
  let topology = deployment;
  for (const event of session.history) {
    if (event.type === 'deployment.created' || event.type === 'topology.updated') topology = event.deployment;
    if (event.type !== 'pool.started') continue;
    // Against the pool's size when it started (a member may be added later).
    const size = topology.servers.filter((s) => s.pool === event.pool).length;
    expect(event.servers.length).toBeGreaterThanOrEqual(firstStartNeed(topology.product, size).needed);
    for (const fqdn of frontEnds) {
      if (
        !event.servers.includes(fqdn) &&
        !session.history.some((e) => e.type === 'step.completed' && e.step === 4 && e.server === fqdn)
      )
        expect(session.server(fqdn)!.context.steps[4], fqdn).toBeUndefined();
    }
  }
  for (const server of deployment.servers) {
    const snapshot = session.server(server.fqdn)!;
    const child = snapshot.context;
    expect(child.oauth, server.fqdn).toEqual(context.oauth);
    // A server whose checklist waits for the CMS pool knows its state as the deployment holds it.
    if (currentItem(snapshot) === 'cms-started') expect(child.cms, server.fqdn).toEqual(context.cms);
    expect(child.role).toBe(server.role);
    expect(hasRecorded(context.recorded, server)).toBe(stepsDone(child) > 0);
  }
}

/** Walks a path on fresh actors: refused exactly when nothing changes; servers with steps stay where they were. */
function walk(steps: readonly { event: DomainEvent }[]): void {
  const session = DeploymentSession.empty();
  for (const { event } of steps) {
    if ((event.type as string) === 'xstate.init') continue;
    const before = observable(session);
    const recorded = session.snapshot().context.recorded;
    const servers = session.deployment()?.servers ?? [];
    const refusal = refusalOf(session.snapshot(), event);
    const applied = session.replayOne(event) === null;
    expect(applied).toBe(refusal === null);
    const changed = observable(session) !== before;
    // Kept in the history only (the runbook reads them): they change no machine.
    if (event.type === 'script.copied') expect(changed).toBe(false);
    else expect(changed, `${event.type} ${'server' in event ? event.server : ''}: ${refusal}`).toBe(refusal === null);
    for (const s of servers) {
      if (!hasRecorded(recorded, s)) continue;
      const now = session.deployment()!.servers.find((x) => x.fqdn === s.fqdn);
      expect(now, `${s.fqdn} has steps and was removed`).toEqual(s);
    }
    checkState(session);
  }
}

describe('deployment machine, model-based', { timeout: 120_000 }, () => {
  it('keeps its promises to its servers on every shortest path over the event set', () => {
    const paths = getShortestPaths(logic, {
      events: EVENTS,
      serializeState: ((s: Snap) => observable(replayed(s.context))) as never,
      // Up to six events deep: every state of a server through its steps, the assignment and a
      // topology change after them; deeper, the states multiply by the thousand and say nothing new.
      stopWhen: (s) => s.context.length >= DEPTH,
    });
    expect(paths.length).toBeGreaterThan(200);
    for (const path of paths) walk(path.steps as never);
    // The walk reaches what it is about: topology changes, refused ones and accepted ones.
    const histories = paths.map((p) => p.state.context);
    expect(
      histories.some((h) => h.some((e) => e.type === 'topology.updated' && e.deployment === WITHOUT_DIRECTOR)),
    ).toBe(true);
    expect(histories.some((h) => h.some((e) => e.type === 'topology.updated' && e.deployment === WITH_FE3))).toBe(true);
    expect(histories.some((h) => h.some((e) => e.type === 'oauth.thumbprint.recorded'))).toBe(true);
  });
});
