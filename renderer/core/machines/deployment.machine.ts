import { assertEvent, enqueueActions, setup, type ActorRefFrom, type AnyActorRef, type SnapshotFrom } from 'xstate';
import type { DomainEvent } from '../events/schema';
import type { OAuthAssignment } from '../gate/gate';
import { findPool, findServer, type Deployment } from '../model/deployment';
import { normalizeFqdn, sameFqdn } from '../model/fqdn';
import { checklistItem } from '../model/remediation';
import {
  bucketSet,
  cmsStatusOf,
  hasRecorded,
  hostsFrontEnds,
  poolAfterStep,
  poolStateOf,
  withRecorded,
  poolActorId,
  serverActorId,
  type DeploymentContext,
  type PoolState,
  type ServerScopedEvent,
} from './deployment.context';
import { deploymentRefusal } from './deployment.rules';
import { poolMachine, type PoolSnapshot } from './pool.machine';
import { type CmsStatus, type ServerEvent, type ServerInput, type StepRecordedEvent } from './server.context';
import type { ServerSnapshot } from './server.machine';
import { serverRefusal } from './server.rules';
import { currentItem } from './status';

/** Events the deployment machine accepts: the history's events and its servers' reports. */
export type DeploymentMachineEvent = DomainEvent | StepRecordedEvent;

/** What a server's machine starts with: its place in the topology and the facts as they stand. */
function serverInput(
  deployment: Deployment,
  server: Deployment['servers'][number],
  context: DeploymentContext,
): ServerInput {
  return {
    fqdn: normalizeFqdn(server.fqdn),
    role: server.role,
    product: deployment.product,
    oauth: context.oauth,
    cms: context.cms,
  };
}

/** The inputs of the servers of each pool, by pool FQDN (lower case). */
function serversByPool(deployment: Deployment, context: DeploymentContext): Map<string, ServerInput[]> {
  const byPool = new Map<string, ServerInput[]>(deployment.pools.map((p) => [normalizeFqdn(p.fqdn), []]));
  for (const server of deployment.servers)
    byPool.get(normalizeFqdn(server.pool))?.push(serverInput(deployment, server, context));
  return byPool;
}

type Children = Readonly<Record<string, AnyActorRef | undefined>>;

/** Every server actor under the pools, with its id. */
function* serverActors(pools: Children): Generator<AnyActorRef> {
  for (const pool of Object.values(pools)) {
    const servers = (pool?.getSnapshot() as PoolSnapshot | undefined)?.children ?? {};
    for (const server of Object.values(servers)) if (server !== undefined) yield server;
  }
}

/** The actor of one server, through its pool. */
function serverActorOf(pools: Children, deployment: Deployment, fqdn: string): AnyActorRef | undefined {
  const server = findServer(deployment, fqdn);
  if (server === undefined) return undefined;
  const pool = pools[poolActorId(server.pool)]?.getSnapshot() as PoolSnapshot | undefined;
  return pool?.children[serverActorId(fqdn)];
}

type Send = { sendTo: (to: AnyActorRef, event: ServerEvent) => void };

/**
 * Tells the new CMS status to the servers whose checklist waits for it, and only those: the others
 * are told when they choose a path (forward), so a change is not copied into every server.
 */
function tellWaiting(enqueue: Send, pools: Children, cms: CmsStatus): void {
  for (const actor of serverActors(pools)) {
    const snapshot = actor.getSnapshot() as ServerSnapshot;
    const path = snapshot.context.path;
    if (path === null) continue;
    const item = currentItem(snapshot);
    if (item !== null && checklistItem(path, item)?.kind === 'automatic')
      enqueue.sendTo(actor, { type: 'fact.cms', cms });
  }
}

type Enqueue = Send & { assign: (values: Partial<DeploymentContext>) => void };

/** Keeps the pool's new state and, when it is the CMS pool, tells the servers waiting for it. */
function keepPool(
  enqueue: Enqueue,
  self: { getSnapshot(): { children: unknown } },
  context: DeploymentContext,
  pool: string,
  state: PoolState,
): void {
  const pools = bucketSet(context.pools, normalizeFqdn(pool), state);
  const deployment = context.deployment;
  if (deployment === null || deployment.cmsPool === null || !sameFqdn(deployment.cmsPool, pool)) {
    enqueue.assign({ pools });
    return;
  }
  const cms = cmsStatusOf(deployment, pools);
  enqueue.assign({ pools, cms });
  tellWaiting(enqueue, self.getSnapshot().children as Children, cms);
}

function stampOf(event: { readonly at: string; readonly operator: string }): { at: string; operator: string } {
  return { at: event.at, operator: event.operator };
}

/**
 * The deployment: owns the global facts (CMS pool, OAuth assignment, which servers have steps) and a
 * machine per pool, each owning the machines of its servers. What it accepts is deployment.rules.ts;
 * what a server accepts, that server's machine, to which it sends the server's events directly.
 */
export const deploymentMachine = setup({
  types: {
    context: {} as DeploymentContext,
    events: {} as DeploymentMachineEvent,
  },
  actors: { pool: poolMachine },
  guards: {
    accepts: ({ context, event }) => deploymentRefusal(context, event as DomainEvent) === null,
  },
  actions: {
    create: enqueueActions(({ enqueue, event }) => {
      assertEvent(event, 'deployment.created');
      const deployment = event.deployment;
      const context: DeploymentContext = {
        deployment,
        oauth: null,
        cms: cmsStatusOf(deployment, {}),
        recorded: {},
        pools: {},
      };
      enqueue.assign(context);
      for (const [pool, servers] of serversByPool(deployment, context)) {
        enqueue.spawnChild('pool', { id: poolActorId(pool), input: { pool, servers } });
      }
    }),
    updateTopology: enqueueActions(({ enqueue, event, context, self }) => {
      assertEvent(event, 'topology.updated');
      const before = context.deployment;
      if (before === null) return;
      const after = event.deployment;
      const pools = self.getSnapshot().children as Children;
      // Servers with recorded steps stay in their pools (deployment.rules.ts), so what is kept of a pool carries over.
      const cms = cmsStatusOf(after, context.pools);
      const next: DeploymentContext = { ...context, deployment: after, cms };
      enqueue.assign(next);
      const wanted = serversByPool(after, next);
      for (const pool of before.pools) {
        if (!wanted.has(normalizeFqdn(pool.fqdn))) enqueue.stopChild(poolActorId(pool.fqdn));
      }
      for (const [pool, servers] of wanted) {
        const id = poolActorId(pool);
        if (pools[id] === undefined) {
          enqueue.spawnChild('pool', { id, input: { pool, servers } });
          continue;
        }
        const inPoolBefore = (fqdn: string) => {
          const was = findServer(before, fqdn);
          return was !== undefined && sameFqdn(was.pool, pool);
        };
        const add = servers.filter((s) => !inPoolBefore(s.fqdn));
        const stop = before.servers
          .filter((s) => sameFqdn(s.pool, pool) && !servers.some((w) => w.fqdn === normalizeFqdn(s.fqdn)))
          .map((s) => normalizeFqdn(s.fqdn));
        if (add.length > 0 || stop.length > 0) enqueue.sendTo(pools[id]!, { type: 'pool.servers', add, stop });
      }
      for (const server of after.servers) {
        const previous = findServer(before, server.fqdn);
        const actor = serverActorOf(pools, before, server.fqdn);
        if (previous === undefined || actor === undefined || !sameFqdn(previous.pool, server.pool)) continue;
        if (previous.role !== server.role || before.product !== after.product) {
          enqueue.sendTo(actor, {
            type: 'fact.server',
            role: server.role,
            product: after.product,
          } satisfies ServerEvent);
        }
      }
      if (JSON.stringify(cms) !== JSON.stringify(context.cms)) tellWaiting(enqueue, pools, cms);
    }),
    forward: enqueueActions(({ enqueue, event, context, self }) => {
      const scoped = event as ServerScopedEvent;
      const deployment = context.deployment;
      const actor =
        deployment === null
          ? undefined
          : serverActorOf(self.getSnapshot().children as Children, deployment, scoped.server);
      if (actor === undefined) return;
      // A server choosing a path is told the CMS pool's state first: a checklist may wait for it.
      if (scoped.type === 'remediation.chosen') {
        const child = actor.getSnapshot() as ServerSnapshot;
        if (serverRefusal(child.context, scoped, currentItem(child)) === null) {
          enqueue.sendTo(actor, { type: 'fact.cms', cms: context.cms } satisfies ServerEvent);
        }
      }
      enqueue.sendTo(actor, scoped as ServerEvent);
    }),
    /** The assignment, from oauth.assigned, a Step 3 that assigned it, or its thumbprint added later. */
    takeOAuth: enqueueActions(({ enqueue, event, context, self }) => {
      if (context.deployment === null) return;
      let oauth: OAuthAssignment;
      if (event.type === 'oauth.assigned') {
        oauth = { server: normalizeFqdn(event.server), thumbprint: event.thumbprint ?? null, ...stampOf(event) };
      } else if (event.type === 'oauth.thumbprint.recorded' && context.oauth !== null) {
        // The assignment keeps its server and time (the gate's facts); only the thumbprint is added.
        oauth = { ...context.oauth, thumbprint: event.thumbprint };
      } else if (event.type === 'server.step.recorded' && event.assignsOAuth && context.oauth === null) {
        oauth = { server: normalizeFqdn(event.server), thumbprint: event.thumbprint, ...stampOf(event) };
      } else {
        return;
      }
      enqueue.assign({ oauth });
      // Every server's gate depends on it.
      for (const actor of serverActors(self.getSnapshot().children as Children)) {
        enqueue.sendTo(actor, { type: 'fact.oauth', oauth } satisfies ServerEvent);
      }
    }),
    takeReport: enqueueActions(({ enqueue, event, context, self }) => {
      assertEvent(event, 'server.step.recorded');
      const deployment = context.deployment;
      if (deployment === null) return;
      const server = findServer(deployment, event.server);
      if (server === undefined) return;
      if (!hasRecorded(context.recorded, server)) enqueue.assign({ recorded: withRecorded(context.recorded, server) });
      const kind = findPool(deployment, server.pool)?.kind;
      if (kind === undefined || !hostsFrontEnds(kind)) return;
      const before = poolStateOf(context.pools, server.pool);
      const after = poolAfterStep(before, kind, { ...event, server: normalizeFqdn(event.server) });
      if (after !== null) keepPool(enqueue, self, context, server.pool, after);
    }),
    /** An Enterprise pool's first start: each member it started records Step 4. */
    startPool: enqueueActions(({ enqueue, event, context, self }) => {
      assertEvent(event, 'pool.started');
      const deployment = context.deployment;
      if (deployment === null) return;
      const servers = event.servers.map(normalizeFqdn);
      const before = poolStateOf(context.pools, event.pool);
      const recordedAs = event.recordedAs === undefined ? {} : { recordedAs: event.recordedAs };
      keepPool(enqueue, self, context, event.pool, {
        ...before,
        started: { ...stampOf(event), servers, ...recordedAs },
      });
      const pools = self.getSnapshot().children as Children;
      for (const server of servers) {
        const actor = serverActorOf(pools, deployment, server);
        if (actor === undefined) continue;
        enqueue.sendTo(actor, {
          type: 'step.completed',
          server,
          step: 4,
          ...stampOf(event),
          recordedAt: event.recordedAt,
        } satisfies ServerEvent);
      }
    }),
  },
}).createMachine({
  id: 'deployment',
  context: { deployment: null, oauth: null, cms: cmsStatusOf(null, {}), recorded: {}, pools: {} },
  initial: 'empty',
  states: {
    empty: {
      on: {
        'deployment.created': { guard: 'accepts', target: 'active', actions: 'create' },
      },
    },
    active: {
      on: {
        'topology.updated': { guard: 'accepts', actions: 'updateTopology' },
        'oauth.assigned': { guard: 'accepts', actions: 'takeOAuth' },
        'oauth.thumbprint.recorded': { guard: 'accepts', actions: 'takeOAuth' },
        'pool.started': { guard: 'accepts', actions: 'startPool' },
        'server.step.recorded': { actions: ['takeOAuth', 'takeReport'] },
        'step.completed': { guard: 'accepts', actions: 'forward' },
        'remediation.chosen': { guard: 'accepts', actions: 'forward' },
        'remediation.item.completed': { guard: 'accepts', actions: 'forward' },
        'evidence.accepted': { guard: 'accepts', actions: 'forward' },
        'override.recorded': { guard: 'accepts', actions: 'forward' },
        'override.withdrawn': { guard: 'accepts', actions: 'forward' },
        // RECORD_ONLY_EVENT_TYPES (evidence.rejected, script.copied) are not sent here: they change no state.
      },
    },
  },
});

/** A running deployment actor. */
export type DeploymentActor = ActorRefFrom<typeof deploymentMachine>;
/** A deployment snapshot. */
export type DeploymentSnapshot = SnapshotFrom<typeof deploymentMachine>;

/** The snapshot of one server's machine, if the deployment has that server. */
export function serverSnapshotOf(snapshot: DeploymentSnapshot, fqdn: string): ServerSnapshot | undefined {
  const deployment = snapshot.context.deployment;
  if (deployment === null) return undefined;
  return serverActorOf(snapshot.children as Children, deployment, fqdn)?.getSnapshot() as ServerSnapshot | undefined;
}
