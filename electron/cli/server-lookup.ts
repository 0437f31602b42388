/** Finding a server of the deployment by the FQDN typed, and saying where it stands in one line. */
import { findServer, type Server } from '../../renderer/core/model/deployment';
import { sameFqdn } from '../../renderer/core/model/fqdn';
import { staleReplicaFacts } from '../../renderer/core/gate/gate-words';
import { serverStatus } from '../../renderer/core/machines/status';
import { exportTime, summarizeServers, type ServerSummary } from '../../renderer/core/runbook';
import type { DeploymentSession } from '../../renderer/core/session/session';
import { UsageError } from './cli-error';

/** The server with this FQDN, or a UsageError naming the servers there are. */
export function requireServer(session: DeploymentSession, fqdn: string, command: string): Server {
  const deployment = session.deployment()!;
  const server = findServer(deployment, fqdn);
  if (server === undefined) {
    throw new UsageError(
      `There is no server ${fqdn} in this deployment; its servers are: ${deployment.servers.map((s) => s.fqdn).join(', ') || '(none)'}.`,
      command,
    );
  }
  return server;
}

/** A server's gate status as `check` prints it. */
export interface GateStatusLine {
  readonly server: string;
  /** The highest Deployment Wizard step done (0 before Step 1). */
  readonly stepsDone: number;
  readonly status: 'ready' | 'blocked: stale replica' | 'waiting for the CMS pool' | 'done';
  readonly reason: string;
  readonly blocked: boolean;
}

function statusLine(session: DeploymentSession, summary: ServerSummary): GateStatusLine {
  const snapshot = session.server(summary.fqdn);
  if (snapshot === undefined) throw new UsageError(`The server ${summary.fqdn} has no state; the file may be damaged.`);
  const status = serverStatus(snapshot);
  const base = { server: summary.fqdn, stepsDone: status.stepsDone };
  const open = summary.open;
  if (open === null) {
    const step4 = snapshot.context.steps[4];
    return {
      ...base,
      status: 'done',
      reason: `services running since ${step4 ? exportTime(step4.at) : '?'}`,
      blocked: false,
    };
  }
  if (status.phase === 'blocked' && !status.gate.allowed) {
    const r = status.remediation;
    if (r !== null && r.waitingFor !== null) {
      return {
        ...base,
        status: 'waiting for the CMS pool',
        reason: `path ${r.path} waits: ${r.waitingFor}`,
        blocked: true,
      };
    }
    // The status already says it is blocked; the reason keeps the times that prove it.
    const why = staleReplicaFacts(status.gate);
    return { ...base, status: 'blocked: stale replica', reason: `${why} Next: ${open.next}.`, blocked: true };
  }
  let reason = `next: ${open.next}`;
  // An override is a decision, not a proof: said as a warning, with what it rests on.
  if (status.phase === 'ready-for-step3' && summary.gate.rule === 'override')
    reason += ` (warning: gate OVERRIDDEN, not proven — ${summary.gate.explanation})`;
  else if (status.phase === 'ready-for-step3') reason += ` (gate: ${summary.gate.label})`;
  else if (!summary.gate.allowed && status.phase === 'awaiting-step2')
    reason +=
      '; note: its local store predates the OAuth assignment, so Step 3 will be blocked until it is brought up to date';
  return { ...base, status: 'ready', reason, blocked: false };
}

/** Where every server stands: its step, its gate status and why, in topology order. */
export function gateStatuses(session: DeploymentSession): GateStatusLine[] {
  return summarizeServers(session).map((summary) => statusLine(session, summary));
}

/** Where one server stands. */
export function gateStatus(session: DeploymentSession, server: Server): GateStatusLine {
  const line = gateStatuses(session).find((l) => sameFqdn(l.server, server.fqdn));
  if (line === undefined) throw new UsageError(`The server ${server.fqdn} has no state; the file may be damaged.`);
  return line;
}

/** "fe02.contoso.local  step 2/4  blocked: stale replica — This server's local configuration store was copied at …" */
export function formatGateStatus(line: GateStatusLine, width = 0): string {
  return `${line.server.padEnd(width)}  step ${line.stepsDone}/4  ${line.status} — ${line.reason}`;
}
