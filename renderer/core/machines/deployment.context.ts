/** What the deployment machine knows: the topology and the global facts, and what is derived from them. */
import type { DomainEvent, DomainEventOf } from '../events/schema';
import type { OAuthAssignment } from '../gate/gate';
import { cmsFrontEnds, findPool, type Deployment, type PoolKind } from '../model/deployment';
import { normalizeFqdn } from '../model/fqdn';
import { firstStartNeed, startsAsPool } from '../model/pool-start';
import type { StepNumber } from '../model/product';
import type { IsoTime } from '../model/time';
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
 * Facts kept per pool, the pools spread over a fixed number of buckets: a change to one pool copies
 * one bucket and the list of buckets, never every pool, so the history stays linear however large
 * the deployment.
 */
export type Buckets<T> = Readonly<Record<string, Readonly<Record<string, T>>>>;

const BUCKETS = 64;

function bucketOf(pool: string): string {
  let hash = 0;
  for (let i = 0; i < pool.length; i++) hash = (hash * 31 + pool.charCodeAt(i)) | 0;
  return String((hash >>> 0) % BUCKETS);
}

/** The value kept for a pool (lower-case FQDN), if any. */
export function bucketGet<T>(buckets: Buckets<T>, pool: string): T | undefined {
  return buckets[bucketOf(pool)]?.[pool];
}

/** The buckets with the pool's value replaced. */
export function bucketSet<T>(buckets: Buckets<T>, pool: string, value: T): Buckets<T> {
  const bucket = bucketOf(pool);
  return { ...buckets, [bucket]: { ...(buckets[bucket] ?? {}), [pool]: value } };
}

/** Every value kept, in no particular order. */
export function bucketValues<T>(buckets: Buckets<T>): T[] {
  return Object.values(buckets).flatMap((pools) => Object.values(pools));
}

/** The servers that have recorded a step, by pool. */
export type Recorded = Buckets<readonly string[]>;

/** A pool's services started: the pool start of an Enterprise pool, Step 4 of a Standard Edition server. */
export interface PoolStart {
  readonly at: IsoTime;
  readonly operator: string;
  /** The Front Ends it started. */
  readonly servers: readonly string[];
  /** Set when a file of version 2 recorded it as one server's Step 4 (migrate-v3.ts). */
  readonly recordedAs?: 'server-step-4';
}

/** What the deployment keeps of a pool that hosts Front Ends: who is ready to start, and its start. */
export interface PoolState {
  /** Front Ends with Step 3 done (lower case, in the order they did it). */
  readonly ready: readonly string[];
  readonly started: PoolStart | null;
}

/** Pool states by pool FQDN (lower case). */
export type PoolStates = Buckets<PoolState>;

const NOT_STARTED: PoolState = { ready: [], started: null };

/** A pool's state (not started, nobody ready, when nothing is kept for it). */
export function poolStateOf(states: PoolStates, pool: string): PoolState {
  return bucketGet(states, normalizeFqdn(pool)) ?? NOT_STARTED;
}

/** The global facts the deployment owns. */
export interface DeploymentContext {
  readonly deployment: Deployment | null;
  readonly oauth: OAuthAssignment | null;
  /** The CMS pool's state, held once here; a server is told it when it waits for it. */
  readonly cms: CmsStatus;
  readonly recorded: Recorded;
  /** The pools that host Front Ends: who is ready to start, and when they started. */
  readonly pools: PoolStates;
}

/** True when the server has recorded a step (its pool and role are then fixed). */
export function hasRecorded(recorded: Recorded, server: { readonly fqdn: string; readonly pool: string }): boolean {
  return bucketGet(recorded, normalizeFqdn(server.pool))?.includes(normalizeFqdn(server.fqdn)) ?? false;
}

/** The record with one more server that has a step. */
export function withRecorded(recorded: Recorded, server: { readonly fqdn: string; readonly pool: string }): Recorded {
  const pool = normalizeFqdn(server.pool);
  return bucketSet(recorded, pool, [...(bucketGet(recorded, pool) ?? []), normalizeFqdn(server.fqdn)]);
}

/** Every server with a recorded step. */
export function recordedServers(recorded: Recorded): string[] {
  return bucketValues(recorded).flat();
}

/** Events that belong to one server and are forwarded to its machine. */
export const SERVER_EVENT_TYPES = [
  'step.completed',
  'remediation.chosen',
  'remediation.item.completed',
  'evidence.accepted',
  'override.recorded',
  'override.withdrawn',
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
  'change.recorded',
  'change.signed',
] as const satisfies readonly DomainEvent['type'][];

/** True when the event changes no machine's state (it is only kept in the history). */
export function isRecordOnly(event: DomainEvent): boolean {
  return (RECORD_ONLY_EVENT_TYPES as readonly string[]).includes(event.type);
}

/** The CMS pool's state, from the deployment and what is kept of its pool. */
export function cmsStatusOf(deployment: Deployment | null, pools: PoolStates): CmsStatus {
  const pool = deployment?.cmsPool ?? null;
  if (deployment === null || pool === null) {
    return { pool: null, startsAsPool: false, startedAt: null, frontEnds: [], ready: [], need: NO_NEED };
  }
  const kind = findPool(deployment, pool)?.kind;
  const frontEnds = cmsFrontEnds(deployment).map((s) => normalizeFqdn(s.fqdn));
  const state = poolStateOf(pools, pool);
  const ready = new Set(state.ready);
  const asPool = kind !== undefined && startsAsPool(kind);
  return {
    pool,
    startsAsPool: asPool,
    startedAt: state.started?.at ?? null,
    frontEnds,
    ready: frontEnds.filter((fqdn) => ready.has(fqdn)),
    need: asPool ? firstStartNeed(deployment.product, frontEnds.length) : NO_NEED,
  };
}

const NO_NEED = { needed: 1, documented: true } as const;

/** True when the deployment keeps a state for this pool: it hosts Front Ends. */
export function hostsFrontEnds(kind: PoolKind): boolean {
  return kind === 'enterprise-front-end' || kind === 'standard-edition';
}

/**
 * The pool's state after one of its servers recorded a step, or null when nothing changes: Step 3 makes
 * the server ready to start; Step 4 of a Standard Edition server starts its pool (an Enterprise pool
 * starts with its pool start, poolStarted).
 */
export function poolAfterStep(state: PoolState, kind: PoolKind, step: StepRecord): PoolState | null {
  let next = state;
  if (step.step >= 3 && !state.ready.includes(step.server)) next = { ...next, ready: [...next.ready, step.server] };
  if (step.step === 4 && !startsAsPool(kind) && next.started === null) {
    next = { ...next, started: { at: step.at, operator: step.operator, servers: [step.server] } };
  }
  return next === state ? null : next;
}

/** A server's step as the pool state needs it. */
interface StepRecord {
  readonly server: string;
  readonly step: StepNumber;
  readonly at: IsoTime;
  readonly operator: string;
}
