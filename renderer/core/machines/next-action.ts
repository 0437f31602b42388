import { cmsFrontEnds, type Deployment } from '../model/deployment';
import { normalizeFqdn } from '../model/fqdn';
import { stepTitle } from '../model/product';
import { serverSnapshotOf, type DeploymentSnapshot } from './deployment.machine';
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
  return pick(deployment, snapshot.context.oauth === null, servers);
}

function pick(deployment: Deployment, unassigned: boolean, servers: readonly { status: ServerStatus }[]): NextAction {
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
  if (blocked.length > 0) {
    const s = blocked[0]!;
    return {
      server: s.status.fqdn,
      text: `${s.status.fqdn}: path ${s.status.remediation?.path ?? ''} is waiting — ${s.status.remediation?.waitingFor ?? ''}`,
      urgency: 'blocked',
    };
  }
  const cms = new Set(cmsFrontEnds(deployment).map((c) => normalizeFqdn(c.fqdn)));
  const inCms = (fqdn: string) => cms.has(normalizeFqdn(fqdn));
  // The CMS pool's Front Ends first, each group in topology order.
  const ordered = [...servers.filter((s) => inCms(s.status.fqdn)), ...servers.filter((s) => !inCms(s.status.fqdn))];
  if (unassigned) {
    const assigner = ordered.find((s) => inCms(s.status.fqdn) && s.status.phase === 'ready-for-step3');
    if (assigner) {
      return {
        server: assigner.status.fqdn,
        text: `${assigner.status.fqdn}: run ${stepTitle(deployment.product, 3)} — it assigns the OAuthTokenIssuer certificate for the whole deployment`,
        urgency: 'normal',
      };
    }
  }
  const next = ordered.find((s) => s.status.phase !== 'services-running');
  if (next === undefined)
    return { server: null, text: 'Every server has finished Step 4. Export the runbook.', urgency: 'done' };
  return {
    server: next.status.fqdn,
    text: `${next.status.fqdn}: ${stepTitle(deployment.product, next.status.nextStep ?? 4)}`,
    urgency: 'normal',
  };
}
