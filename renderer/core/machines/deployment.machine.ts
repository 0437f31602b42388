import { enqueueActions, setup, type ActorRefFrom, type SnapshotFrom } from 'xstate';
import type { DomainEvent, DomainEventOf } from '../events/schema';
import type { OAuthAssignment } from '../gate/gate';
import { cmsFrontEnds, findServer, roleNeedsOAuth, type Deployment } from '../model/deployment';
import { normalizeFqdn, sameFqdn } from '../model/fqdn';
import type { StepNumber } from '../model/product';
import type { IsoTime } from '../model/time';
import { deploymentErrors } from '../model/validate';
import {
  serverMachine,
  type CmsStatus,
  type ServerEvent,
  type ServerInput,
  type StepRecordedEvent,
} from './server.machine';

/** The id under which a server's machine is spawned: `server:<fqdn>` (lower case). */
export function serverActorId(fqdn: string): string {
  return `server:${normalizeFqdn(fqdn)}`;
}

/** How far each server has got: the highest step it completed (0 before Step 1). */
export type Progress = Readonly<Record<string, 0 | StepNumber>>;

/** The global facts the deployment owns. */
export interface DeploymentContext {
  readonly deployment: Deployment | null;
  readonly oauth: OAuthAssignment | null;
  readonly progress: Progress;
  /** Servers whose services run (Step 4 done), with the time. */
  readonly running: Readonly<Record<string, IsoTime>>;
}

/** Events the deployment machine accepts: the history's events and its servers' reports. */
export type DeploymentMachineEvent = DomainEvent | StepRecordedEvent;

/** Events that belong to one server and are forwarded to its machine. */
export const SERVER_EVENT_TYPES = [
  'step.completed',
  'remediation.chosen',
  'remediation.item.completed',
  'evidence.accepted',
  'override.recorded',
] as const satisfies readonly DomainEvent['type'][];

/** An event that belongs to one server. */
export type ServerScopedEvent = DomainEventOf<(typeof SERVER_EVENT_TYPES)[number]>;

/** The CMS pool's state, derived from the deployment and who runs. */
export function cmsStatusOf(
  deployment: Deployment | null,
  progress: Progress,
  running: DeploymentContext['running'],
): CmsStatus {
  if (deployment === null) return { pool: null, running: [], waitingFor: [] };
  const frontEnds = cmsFrontEnds(deployment);
  const isRunning = (fqdn: string) => running[normalizeFqdn(fqdn)] !== undefined;
  return {
    pool: deployment.cmsPool,
    running: frontEnds.filter((s) => isRunning(s.fqdn)).map((s) => s.fqdn),
    waitingFor: frontEnds
      .filter((s) => !isRunning(s.fqdn))
      .map((s) => ({
        server: s.fqdn,
        nextStep: Math.min(4, (progress[normalizeFqdn(s.fqdn)] ?? 0) + 1) as StepNumber,
      })),
  };
}

function serverInput(
  deployment: Deployment,
  fqdn: string,
  context: DeploymentContext,
  progress: Progress,
  running: DeploymentContext['running'],
): ServerInput {
  const server = findServer(deployment, fqdn);
  if (server === undefined) throw new Error(`Server ${fqdn} is not in the deployment`);
  return {
    fqdn: normalizeFqdn(server.fqdn),
    role: server.role,
    product: deployment.product,
    oauth: context.oauth,
    cms: cmsStatusOf(deployment, progress, running),
  };
}

function isCmsFrontEnd(deployment: Deployment | null, fqdn: string): boolean {
  return deployment !== null && cmsFrontEnds(deployment).some((s) => sameFqdn(s.fqdn, fqdn));
}

/**
 * The deployment: owns the global facts (CMS pool, OAuth assignment, which servers run) and one
 * spawned server machine per server, registered by name so the whole deployment persists.
 */
export const deploymentMachine = setup({
  types: {
    context: {} as DeploymentContext,
    events: {} as DeploymentMachineEvent,
  },
  actors: { server: serverMachine },
  guards: {
    isValidDeployment: ({ event }) =>
      (event.type === 'deployment.created' || event.type === 'topology.updated') &&
      deploymentErrors(event.deployment).length === 0,
    isKnownServer: ({ context, event }) =>
      'server' in event &&
      typeof event.server === 'string' &&
      context.deployment !== null &&
      findServer(context.deployment, event.server) !== undefined,
    canAssignOAuth: ({ context, event }) => {
      if (event.type !== 'oauth.assigned' || context.oauth !== null || context.deployment === null) return false;
      const server = findServer(context.deployment, event.server);
      return server !== undefined && roleNeedsOAuth(server.role);
    },
    canRecordThumbprint: ({ context, event }) =>
      event.type === 'oauth.thumbprint.recorded' &&
      context.oauth !== null &&
      context.oauth.thumbprint === null &&
      sameFqdn(context.oauth.server, event.server),
  },
  actions: {
    create: enqueueActions(({ enqueue, event, context }) => {
      if (event.type !== 'deployment.created') return;
      const deployment = event.deployment;
      enqueue.assign({ deployment, progress: {}, running: {} });
      for (const server of deployment.servers) {
        enqueue.spawnChild('server', {
          id: serverActorId(server.fqdn),
          input: serverInput(deployment, server.fqdn, context, {}, {}),
        });
      }
    }),
    updateTopology: enqueueActions(({ enqueue, event, context }) => {
      if (event.type !== 'topology.updated' || context.deployment === null) return;
      const before = context.deployment;
      const after = event.deployment;
      const keep = (fqdn: string) => findServer(after, fqdn) !== undefined;
      const progress = Object.fromEntries(Object.entries(context.progress).filter(([fqdn]) => keep(fqdn)));
      const running = Object.fromEntries(Object.entries(context.running).filter(([fqdn]) => keep(fqdn)));
      for (const server of before.servers) {
        if (!keep(server.fqdn)) enqueue.stopChild(serverActorId(server.fqdn));
      }
      enqueue.assign({ deployment: after, progress, running });
      const cms = cmsStatusOf(after, progress, running);
      for (const server of after.servers) {
        const id = serverActorId(server.fqdn);
        if (findServer(before, server.fqdn) === undefined) {
          enqueue.spawnChild('server', { id, input: serverInput(after, server.fqdn, context, progress, running) });
        } else {
          enqueue.sendTo(id, { type: 'fact.server', role: server.role, product: after.product } satisfies ServerEvent);
          enqueue.sendTo(id, { type: 'fact.cms', cms } satisfies ServerEvent);
        }
      }
    }),
    forward: enqueueActions(({ enqueue, event }) => {
      const scoped = event as ServerScopedEvent;
      enqueue.sendTo(serverActorId(scoped.server), scoped as ServerEvent);
    }),
    assignOAuth: enqueueActions(({ enqueue, event, context }) => {
      if (event.type !== 'oauth.assigned' || context.deployment === null) return;
      const oauth: OAuthAssignment = {
        server: normalizeFqdn(event.server),
        thumbprint: event.thumbprint ?? null,
        at: event.at,
        operator: event.operator,
      };
      enqueue.assign({ oauth });
      for (const server of context.deployment.servers) {
        enqueue.sendTo(serverActorId(server.fqdn), { type: 'fact.oauth', oauth } satisfies ServerEvent);
      }
    }),
    recordThumbprint: enqueueActions(({ enqueue, event, context }) => {
      if (event.type !== 'oauth.thumbprint.recorded' || context.oauth === null || context.deployment === null) return;
      // The assignment keeps its server and time (the gate's facts); only the thumbprint is added.
      const oauth: OAuthAssignment = { ...context.oauth, thumbprint: event.thumbprint };
      enqueue.assign({ oauth });
      for (const server of context.deployment.servers) {
        enqueue.sendTo(serverActorId(server.fqdn), { type: 'fact.oauth', oauth } satisfies ServerEvent);
      }
    }),
    takeReport: enqueueActions(({ enqueue, event, context }) => {
      if (event.type !== 'server.step.recorded' || context.deployment === null) return;
      const deployment = context.deployment;
      const key = normalizeFqdn(event.server);
      const progress: Progress = {
        ...context.progress,
        [key]: Math.max(context.progress[key] ?? 0, event.step) as StepNumber,
      };
      const running = event.step === 4 ? { ...context.running, [key]: event.at } : context.running;
      enqueue.assign({ progress, running });
      if (event.assignsOAuth && context.oauth === null) {
        const oauth: OAuthAssignment = {
          server: key,
          thumbprint: event.thumbprint,
          at: event.at,
          operator: event.operator,
        };
        enqueue.assign({ oauth });
        for (const server of deployment.servers) {
          enqueue.sendTo(serverActorId(server.fqdn), { type: 'fact.oauth', oauth } satisfies ServerEvent);
        }
      }
      if (isCmsFrontEnd(deployment, event.server)) {
        const cms = cmsStatusOf(deployment, progress, running);
        for (const server of deployment.servers) {
          enqueue.sendTo(serverActorId(server.fqdn), { type: 'fact.cms', cms } satisfies ServerEvent);
        }
      }
    }),
  },
}).createMachine({
  id: 'deployment',
  context: { deployment: null, oauth: null, progress: {}, running: {} },
  initial: 'empty',
  states: {
    empty: {
      on: {
        'deployment.created': { guard: 'isValidDeployment', target: 'active', actions: 'create' },
      },
    },
    active: {
      on: {
        'topology.updated': { guard: 'isValidDeployment', actions: 'updateTopology' },
        'oauth.assigned': { guard: 'canAssignOAuth', actions: 'assignOAuth' },
        'oauth.thumbprint.recorded': { guard: 'canRecordThumbprint', actions: 'recordThumbprint' },
        'server.step.recorded': { actions: 'takeReport' },
        'step.completed': { guard: 'isKnownServer', actions: 'forward' },
        'remediation.chosen': { guard: 'isKnownServer', actions: 'forward' },
        'remediation.item.completed': { guard: 'isKnownServer', actions: 'forward' },
        'evidence.accepted': { guard: 'isKnownServer', actions: 'forward' },
        'override.recorded': { guard: 'isKnownServer', actions: 'forward' },
        // Kept in the history for the runbook; they change no state.
        'evidence.rejected': {},
        'script.copied': {},
      },
    },
  },
});

/** A running deployment actor. */
export type DeploymentActor = ActorRefFrom<typeof deploymentMachine>;
/** A deployment snapshot. */
export type DeploymentSnapshot = SnapshotFrom<typeof deploymentMachine>;
/** A server actor as spawned by the deployment. */
export type ServerActor = ActorRefFrom<typeof serverMachine>;
/** A server snapshot. */
export type ServerSnapshot = SnapshotFrom<typeof serverMachine>;
