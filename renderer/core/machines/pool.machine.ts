import { assertEvent, enqueueActions, setup, type ActorRefFrom, type SnapshotFrom } from 'xstate';
import { serverActorId } from './deployment.context';
import type { ServerInput } from './server.context';
import { serverMachine } from './server.machine';

/** What a pool's machine is created with: its FQDN and its servers. */
export interface PoolInput {
  readonly pool: string;
  readonly servers: readonly ServerInput[];
}

/** A change of the pool's servers from a topology update: the servers added, and those that left. */
export interface PoolServersEvent {
  readonly type: 'pool.servers';
  readonly add: readonly ServerInput[];
  readonly stop: readonly string[];
}

/** Events a pool's machine accepts: its servers changing. */
export type PoolEvent = PoolServersEvent;

/**
 * One Topology Builder pool: it spawns and owns the machines of its servers (so a deployment of
 * thousands of servers spawns a machine per pool, and each pool a dozen servers, never thousands
 * of children under one parent). The deployment sends each server its events directly, and each server
 * reports its steps to the deployment directly.
 */
export const poolMachine = setup({
  types: {
    context: {} as { readonly pool: string },
    events: {} as PoolEvent,
    input: {} as PoolInput,
  },
  actors: { server: serverMachine },
  actions: {
    spawnServers: enqueueActions(({ enqueue }, params: { servers: readonly ServerInput[] }) => {
      for (const input of params.servers) enqueue.spawnChild('server', { id: serverActorId(input.fqdn), input });
    }),
    changeServers: enqueueActions(({ enqueue, event }) => {
      assertEvent(event, 'pool.servers');
      for (const fqdn of event.stop) enqueue.stopChild(serverActorId(fqdn));
      for (const input of event.add) enqueue.spawnChild('server', { id: serverActorId(input.fqdn), input });
    }),
  },
}).createMachine({
  id: 'pool',
  context: ({ input }) => ({ pool: input.pool }),
  entry: {
    type: 'spawnServers',
    params: ({ event }) => ({ servers: (event as unknown as { input: PoolInput }).input.servers }),
  },
  on: {
    'pool.servers': { actions: 'changeServers' },
  },
});

/** A pool's snapshot. */
export type PoolSnapshot = SnapshotFrom<typeof poolMachine>;
/** A pool's running actor. */
export type PoolActor = ActorRefFrom<typeof poolMachine>;
