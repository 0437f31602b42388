import { cmsFrontEnds, type Deployment } from '../model/deployment';
import { normalizeFqdn } from '../model/fqdn';
import { stepTitle } from '../model/product';
import { serverSnapshotOf, type DeploymentSnapshot } from './deployment.machine';
import { poolStartOfServer, poolWaitText, type PoolStartStatus } from './pool-start';
import { serverStatus, type ServerStatus } from './status';

/** The single most useful thing to do next across the deployment. */
export interface NextAction {
  /** The server to go to, or null when everything is done. */
  readonly server: string | null;
  readonly text: string;
  readonly urgency: 'blocked' | 'normal' | 'done';
}

/**
 * Picks the next action: a blocked server first (its remediation), then the OAuth assignment on the
 * CMS pool's first Front End (which avoids the gotcha), then the CMS pool's Front Ends (replication
 * needs one running), then the other servers in topology order.
 */
export function nextAction(snapshot: DeploymentSnapshot): NextAction | null {
  const deployment = snapshot.context.deployment;
  if (deployment === null) return null;
  const servers = deployment.servers.flatMap((s) => {
    const server = serverSnapshotOf(snapshot, s.fqdn);
    return server === undefined ? [] : [{ status: serverStatus(server) }];
  });
  return pick(deployment, snapshot.context.oauth === null, servers, (fqdn) =>
    poolStartOfServer(snapshot.context, fqdn),
  );
}

function pick(
  deployment: Deployment,
  unassigned: boolean,
  servers: readonly { status: ServerStatus }[],
  poolOf: (fqdn: string) => PoolStartStatus | null,
): NextAction {
  const blocked = servers.filter((s) => s.status.phase === 'blocked');
  for (const s of blocked) {
    const r = s.status.remediation;
    if (r === null)
      return {
        server: s.status.fqdn,
        text: `${s.status.fqdn}: blocked by a stale local replica — choose a remediation`,
        urgency: 'blocked',
      };
    if (r.waitingFor === null && r.next !== null)
      return { server: s.status.fqdn, text: `${s.status.fqdn}: path ${r.path} — ${r.next.title}`, urgency: 'blocked' };
  }
  // Every blocked server waits for something else (the CMS pool's start): work that can be done now
  // comes first, and the waiting server is named only when there is none.
  const waitingBlocked = blocked[0];
  const now = pickWork(deployment, unassigned, servers, poolOf);
  if (waitingBlocked === undefined || (now.actionable && now.action.server !== null)) return now.action;
  return {
    server: waitingBlocked.status.fqdn,
    text: `${waitingBlocked.status.fqdn}: path ${waitingBlocked.status.remediation?.path ?? ''} is waiting — ${waitingBlocked.status.remediation?.waitingFor ?? ''}`,
    urgency: 'blocked',
  };
}

/** The next work on the servers that are not blocked, and whether it can be done now (not a wait). */
function pickWork(
  deployment: Deployment,
  unassigned: boolean,
  all: readonly { status: ServerStatus }[],
  poolOf: (fqdn: string) => PoolStartStatus | null,
): { action: NextAction; actionable: boolean } {
  const servers = all.filter((s) => s.status.phase !== 'blocked');
  const can = (action: NextAction) => ({ action, actionable: true });
  const cms = new Set(cmsFrontEnds(deployment).map((c) => normalizeFqdn(c.fqdn)));
  const inCms = (fqdn: string) => cms.has(normalizeFqdn(fqdn));
  // The CMS pool's Front Ends first, each group in topology order.
  const ordered = [...servers.filter((s) => inCms(s.status.fqdn)), ...servers.filter((s) => !inCms(s.status.fqdn))];
  if (unassigned) {
    const assigner = ordered.find((s) => inCms(s.status.fqdn) && s.status.phase === 'ready-for-step3');
    if (assigner) {
      return can({
        server: assigner.status.fqdn,
        text: `${assigner.status.fqdn}: run ${stepTitle(deployment.product, 3)} — it assigns the OAuthTokenIssuer certificate for the whole deployment`,
        urgency: 'normal',
      });
    }
  }
  // A member ready for Step 4 of an Enterprise pool that has not started waits for the pool start.
  const waitsForPool = (s: { status: ServerStatus }) => {
    if (s.status.phase !== 'awaiting-step4') return null;
    const pool = poolOf(s.status.fqdn);
    return pool === null || pool.started !== null ? null : pool;
  };
  const startable = ordered.map(waitsForPool).find((p) => p?.canStart === true);
  if (startable) {
    return can({
      server: startable.ready[0] ?? null,
      text: `${startable.pool}: start the pool — ${stepTitle(deployment.product, 4)} for ${startable.ready.join(', ')} together`,
      urgency: 'normal',
    });
  }
  const next =
    ordered.find((s) => s.status.phase !== 'services-running' && waitsForPool(s) === null) ??
    ordered.find((s) => s.status.phase !== 'services-running');
  const waiting = next === undefined ? null : waitsForPool(next);
  if (next !== undefined && waiting !== null) {
    return {
      action: {
        server: next.status.fqdn,
        text: `${next.status.fqdn}: waits for the pool start — ${poolWaitText(waiting)}`,
        urgency: 'normal',
      },
      actionable: false,
    };
  }
  if (next === undefined)
    return {
      action: { server: null, text: 'Every server has finished Step 4. Export the runbook.', urgency: 'done' },
      actionable: false,
    };
  return can({
    server: next.status.fqdn,
    text: `${next.status.fqdn}: ${stepTitle(deployment.product, next.status.nextStep ?? 4)}`,
    urgency: 'normal',
  });
}
