/**
 * Where an Enterprise Edition Front End pool stands before and after its first start, and the words
 * for it: the pool start's rule (deployment.rules.ts), a member's Step 4 while it waits, the UI, the
 * next action and the runbook all read it from here.
 */
import { findPool, findServer, poolMembers } from '../model/deployment';
import { normalizeFqdn } from '../model/fqdn';
import { firstStartNeed, startsAsPool, type FirstStartNeed } from '../model/pool-start';
import { poolStateOf, type DeploymentContext, type PoolStart } from './deployment.context';
import type { CmsStatus } from './server.context';
import { utcText } from '../model/time';

/** An Enterprise pool's start as it stands. */
export interface PoolStartStatus {
  readonly pool: string;
  /** Its Front Ends (lower case), in topology order. */
  readonly members: readonly string[];
  readonly need: FirstStartNeed;
  /** Members with Step 3 done, in topology order: those a start now would include. */
  readonly ready: readonly string[];
  /** Members without Step 3 yet. */
  readonly missing: readonly string[];
  readonly started: PoolStart | null;
  /** True when it has not started and enough members are ready for its first start. */
  readonly canStart: boolean;
}

/** The start of an Enterprise pool, or null for a pool that starts server by server. */
export function poolStartStatus(context: DeploymentContext, pool: string): PoolStartStatus | null {
  const deployment = context.deployment;
  if (deployment === null) return null;
  const found = findPool(deployment, pool);
  if (found === undefined || !startsAsPool(found.kind)) return null;
  const members = poolMembers(deployment, pool).map((s) => normalizeFqdn(s.fqdn));
  const state = poolStateOf(context.pools, pool);
  const isReady = new Set(state.ready);
  const ready = members.filter((m) => isReady.has(m));
  const need = firstStartNeed(deployment.product, members.length);
  return {
    pool: normalizeFqdn(found.fqdn),
    members,
    need,
    ready,
    missing: members.filter((m) => !isReady.has(m)),
    started: state.started,
    canStart: state.started === null && ready.length >= need.needed,
  };
}

/** The start of the pool the server belongs to, or null when the server starts by itself. */
export function poolStartOfServer(context: DeploymentContext, server: string): PoolStartStatus | null {
  const pool = context.deployment === null ? undefined : findServer(context.deployment, server)?.pool;
  return pool === undefined ? null : poolStartStatus(context, pool);
}

/** "fe01, fe02 and fe03". */
export function listOf(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** "3 of its 3 Front Ends must run together (Microsoft's table)". */
export function needWords(status: Pick<PoolStartStatus, 'members' | 'need'>): string {
  const { members, need } = status;
  const source = need.documented
    ? "Microsoft's first-start table"
    : "not in Microsoft's first-start table for this size; the app takes the safe number";
  return `${need.needed} of its ${members.length} Front End${members.length === 1 ? '' : 's'} must be running together for its first start (${source})`;
}

/** What a pool that has not started waits for, in words an admin acts on. */
export function poolWaitText(status: PoolStartStatus): string {
  if (status.started !== null) return `${status.pool} started at ${utcText(status.started.at)}.`;
  const short = status.need.needed - status.ready.length;
  if (short <= 0) {
    return `${status.pool} can start now: ${listOf(status.ready)} have Step 3 done. Start the pool from any of them.`;
  }
  const ready = status.ready.length === 0 ? 'none has Step 3 done yet' : `ready: ${listOf(status.ready)}`;
  return `${status.pool} is an Enterprise Edition Front End pool: ${needWords(status)}; ${ready}. ${short} more must finish Step 3 (of ${listOf(status.missing)}), then start the pool.`;
}

/**
 * What the CMS pool's state means for replication, for the deployment's facts strip: its replication
 * services run once it has started, and an Enterprise pool starts as a pool.
 */
export function cmsNotStartedText(cms: CmsStatus): string {
  if (cms.pool === null) return 'Choose the pool that hosts the Central Management Store.';
  if (!cms.startsAsPool) {
    const server = cms.frontEnds[0];
    return server === undefined
      ? 'not started; its server is not in the deployment.'
      : `not started — its replication services run once ${server} has finished Step 4.`;
  }
  const ready = cms.ready.length === 0 ? 'none ready yet' : `ready: ${cms.ready.join(', ')}`;
  return `not started — its replication services (Master Replicator Agent, File Transfer Agent) run once the pool has started; its first start needs ${cms.need.needed} of its ${cms.frontEnds.length} Front Ends together (${ready}).`;
}
