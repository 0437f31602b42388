import { assertEvent, enqueueActions, setup, type ActorRefFrom, type SnapshotFrom } from 'xstate';
import type { DomainEvent } from '../events/schema';
import type { OAuthAssignment } from '../gate/gate';
import { cmsFrontEnds, findServer, type Deployment } from '../model/deployment';
import { normalizeFqdn, sameFqdn } from '../model/fqdn';
import type { StepNumber } from '../model/product';
import {
  cmsStatusOf,
  serverActorId,
  type DeploymentContext,
  type Progress,
  type Running,
  type ServerScopedEvent,
} from './deployment.context';
import { deploymentRefusal } from './deployment.rules';
import type { ServerEvent, ServerInput, StepRecordedEvent } from './server.context';
import { serverMachine, type ServerSnapshot } from './server.machine';

/** Events the deployment machine accepts: the history's events and its servers' reports. */
export type DeploymentMachineEvent = DomainEvent | StepRecordedEvent;

function serverInput(deployment: Deployment, fqdn: string, context: DeploymentContext): ServerInput {
  const server = findServer(deployment, fqdn);
  if (server === undefined) throw new Error(`Server ${fqdn} is not in the deployment`);
  return {
    fqdn: normalizeFqdn(server.fqdn),
    role: server.role,
    product: deployment.product,
    oauth: context.oauth,
    cms: context.cms,
  };
}

function isCmsFrontEnd(deployment: Deployment, fqdn: string): boolean {
  return cmsFrontEnds(deployment).some((s) => sameFqdn(s.fqdn, fqdn));
}

/**
 * The deployment: owns the global facts (CMS pool, OAuth assignment, which servers run) and one
 * spawned server machine per server, registered by name so the whole deployment persists. What it
 * accepts is deployment.rules.ts; what a server accepts, that server's machine.
 */
export const deploymentMachine = setup({
  types: {
    context: {} as DeploymentContext,
    events: {} as DeploymentMachineEvent,
  },
  actors: { server: serverMachine },
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
        progress: {},
        running: {},
        cms: cmsStatusOf(deployment, {}, {}),
      };
      enqueue.assign(context);
      for (const server of deployment.servers) {
        const input = serverInput(deployment, server.fqdn, context);
        enqueue.spawnChild('server', { id: serverActorId(server.fqdn), input });
      }
    }),
    updateTopology: enqueueActions(({ enqueue, event, context }) => {
      assertEvent(event, 'topology.updated');
      const before = context.deployment;
      if (before === null) return;
      const after = event.deployment;
      const keep = (fqdn: string) => findServer(after, fqdn) !== undefined;
      const progress: Progress = Object.fromEntries(Object.entries(context.progress).filter(([fqdn]) => keep(fqdn)));
      const running: Running = Object.fromEntries(Object.entries(context.running).filter(([fqdn]) => keep(fqdn)));
      for (const server of before.servers) {
        if (!keep(server.fqdn)) enqueue.stopChild(serverActorId(server.fqdn));
      }
      const next: DeploymentContext = {
        ...context,
        deployment: after,
        progress,
        running,
        cms: cmsStatusOf(after, progress, running),
      };
      enqueue.assign(next);
      for (const server of after.servers) {
        const id = serverActorId(server.fqdn);
        if (findServer(before, server.fqdn) === undefined) {
          enqueue.spawnChild('server', { id, input: serverInput(after, server.fqdn, next) });
        } else {
          enqueue.sendTo(id, { type: 'fact.server', role: server.role, product: after.product } satisfies ServerEvent);
          enqueue.sendTo(id, { type: 'fact.cms', cms: next.cms } satisfies ServerEvent);
        }
      }
    }),
    forward: enqueueActions(({ enqueue, event }) => {
      const scoped = event as ServerScopedEvent;
      enqueue.sendTo(serverActorId(scoped.server), scoped as ServerEvent);
    }),
    /** The assignment, from oauth.assigned, a Step 3 that assigned it, or its thumbprint added later. */
    takeOAuth: enqueueActions(({ enqueue, event, context }) => {
      const deployment = context.deployment;
      if (deployment === null) return;
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
      for (const server of deployment.servers) {
        enqueue.sendTo(serverActorId(server.fqdn), { type: 'fact.oauth', oauth } satisfies ServerEvent);
      }
    }),
    takeReport: enqueueActions(({ enqueue, event, context }) => {
      assertEvent(event, 'server.step.recorded');
      const deployment = context.deployment;
      if (deployment === null) return;
      const key = normalizeFqdn(event.server);
      const step = Math.max(context.progress[key] ?? 0, event.step) as StepNumber;
      const progress: Progress = { ...context.progress, [key]: step };
      const running = event.step === 4 ? { ...context.running, [key]: event.at } : context.running;
      enqueue.assign({ progress, running });
      if (isCmsFrontEnd(deployment, event.server)) {
        const cms = cmsStatusOf(deployment, progress, running);
        enqueue.assign({ cms });
        for (const server of deployment.servers) {
          enqueue.sendTo(serverActorId(server.fqdn), { type: 'fact.cms', cms } satisfies ServerEvent);
        }
      }
    }),
  },
}).createMachine({
  id: 'deployment',
  context: { deployment: null, oauth: null, progress: {}, running: {}, cms: cmsStatusOf(null, {}, {}) },
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
        'server.step.recorded': { actions: ['takeOAuth', 'takeReport'] },
        'step.completed': { guard: 'accepts', actions: 'forward' },
        'remediation.chosen': { guard: 'accepts', actions: 'forward' },
        'remediation.item.completed': { guard: 'accepts', actions: 'forward' },
        'evidence.accepted': { guard: 'accepts', actions: 'forward' },
        'override.recorded': { guard: 'accepts', actions: 'forward' },
        // Kept in the history for the runbook; they change no state.
        'evidence.rejected': { guard: 'accepts' },
        'script.copied': { guard: 'accepts' },
      },
    },
  },
});

function stampOf(event: { readonly at: string; readonly operator: string }): { at: string; operator: string } {
  return { at: event.at, operator: event.operator };
}

/** The snapshot of one server's machine, if the deployment has that server. */
export function serverSnapshotOf(snapshot: DeploymentSnapshot, fqdn: string): ServerSnapshot | undefined {
  const child = snapshot.children[serverActorId(fqdn)];
  return child?.getSnapshot() as ServerSnapshot | undefined;
}

/** A running deployment actor. */
export type DeploymentActor = ActorRefFrom<typeof deploymentMachine>;
/** A deployment snapshot. */
export type DeploymentSnapshot = SnapshotFrom<typeof deploymentMachine>;
