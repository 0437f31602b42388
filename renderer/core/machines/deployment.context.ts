/** What the deployment machine knows: the topology and the global facts, and what is derived from them. */
import type { DomainEvent, DomainEventOf } from '../events/schema';
import type { OAuthAssignment } from '../gate/gate';
import { cmsFrontEnds, type Deployment } from '../model/deployment';
import { normalizeFqdn } from '../model/fqdn';
import type { StepNumber } from '../model/product';
import type { CmsStatus } from './server.context';

/** The id under which a server's machine is spawned by its pool: `server:<fqdn>` (lower case). */
export function serverActorId(fqdn: string): string {
  return `server:${normalizeFqdn(fqdn)}`;
}

/** The id under which a pool's machine is spawned by the deployment: `pool:<fqdn>` (lower case). */
export function poolActorId(fqdn: string): string {
  return `pool:${normalizeFqdn(fqdn)}`;
}

/**
 * The servers that have recorded a step, by pool, the pools spread over a fixed number of buckets:
 * a server's first step copies one bucket, its pool's list and the list of buckets, never every
 * pool or server, so the history stays linear however large the deployment.
 */
export type Recorded = Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;

const BUCKETS = 64;

function bucketOf(pool: string): string {
  let hash = 0;
  for (let i = 0; i < pool.length; i++) hash = (hash * 31 + pool.charCodeAt(i)) | 0;
  return String((hash >>> 0) % BUCKETS);
}

/** The global facts the deployment owns. */
export interface DeploymentContext {
  readonly deployment: Deployment | null;
  readonly oauth: OAuthAssignment | null;
  /** The CMS pool's state, held once here; a server is told it when it waits for it. */
  readonly cms: CmsStatus;
  readonly recorded: Recorded;
}

/** True when the server has recorded a step (its pool and role are then fixed). */
export function hasRecorded(recorded: Recorded, server: { readonly fqdn: string; readonly pool: string }): boolean {
  const pool = normalizeFqdn(server.pool);
  return recorded[bucketOf(pool)]?.[pool]?.includes(normalizeFqdn(server.fqdn)) ?? false;
}

/** The record with one more server that has a step. */
export function withRecorded(recorded: Recorded, server: { readonly fqdn: string; readonly pool: string }): Recorded {
  const pool = normalizeFqdn(server.pool);
  const bucket = bucketOf(pool);
  const pools = recorded[bucket] ?? {};
  return { ...recorded, [bucket]: { ...pools, [pool]: [...(pools[pool] ?? []), normalizeFqdn(server.fqdn)] } };
}

/** Every server with a recorded step. */
export function recordedServers(recorded: Recorded): string[] {
  return Object.values(recorded).flatMap((pools) => Object.values(pools).flat());
}

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

/** True when the event belongs to one server's machine. */
export function isServerScoped(event: DomainEvent): event is ServerScopedEvent {
  return (SERVER_EVENT_TYPES as readonly string[]).includes(event.type);
}

/**
 * Events kept in the history for the runbook that change no machine's state: the deployment's rules
 * judge them, and the session records them without sending them to the machines.
 */
export const RECORD_ONLY_EVENT_TYPES = [
  'evidence.rejected',
  'script.copied',
] as const satisfies readonly DomainEvent['type'][];

/** True when the event changes no machine's state (it is only kept in the history). */
export function isRecordOnly(event: DomainEvent): boolean {
  return (RECORD_ONLY_EVENT_TYPES as readonly string[]).includes(event.type);
}

/** The steps a server has done, as the CMS status needs them. */
export type StepsOf = (fqdn: string) => { readonly done: 0 | StepNumber };

/** The CMS pool's state, from the deployment and the steps each of its Front Ends has done. */
export function cmsStatusOf(deployment: Deployment | null, stepsOf: StepsOf): CmsStatus {
  if (deployment === null) return { pool: null, running: [], waitingFor: [] };
  const frontEnds = cmsFrontEnds(deployment);
  const done = (fqdn: string) => stepsOf(fqdn).done;
  return {
    pool: deployment.cmsPool,
    running: frontEnds.filter((s) => done(s.fqdn) === 4).map((s) => s.fqdn),
    waitingFor: frontEnds
      .filter((s) => done(s.fqdn) !== 4)
      .map((s) => ({ server: s.fqdn, nextStep: (done(s.fqdn) + 1) as StepNumber })),
  };
}

/** The CMS status after one of its Front Ends recorded a step (null when nothing changes). */
export function cmsAfterStep(
  cms: CmsStatus,
  deployment: Deployment,
  server: string,
  step: StepNumber,
): CmsStatus | null {
  const waiting = cms.waitingFor.find((w) => w.server === server);
  if (waiting === undefined) return null;
  if (step === 4) {
    // In topology order, as the status lists them.
    const running = cmsFrontEnds(deployment)
      .map((s) => s.fqdn)
      .filter((fqdn) => fqdn === server || cms.running.includes(fqdn));
    return { ...cms, running, waitingFor: cms.waitingFor.filter((w) => w !== waiting) };
  }
  const nextStep = Math.max(waiting.nextStep, step + 1) as StepNumber;
  if (nextStep === waiting.nextStep) return null;
  return { ...cms, waitingFor: cms.waitingFor.map((w) => (w === waiting ? { server, nextStep } : w)) };
}
