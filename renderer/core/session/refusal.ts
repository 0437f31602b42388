import type { DomainEvent } from '../events/schema';
import {
  SERVER_EVENT_TYPES,
  serverActorId,
  type DeploymentSnapshot,
  type ServerScopedEvent,
  type ServerSnapshot,
} from '../machines/deployment.machine';
import { REMEDIATIONS } from '../machines/remediation';
import { cmsWaitText, serverStatus } from '../machines/status';
import { findServer, roleNeedsOAuth, ROLE_LABELS } from '../model/deployment';
import { normalizeFqdn, sameFqdn } from '../model/fqdn';
import { stepTitle } from '../model/product';
import { epochMs } from '../model/time';
import { deploymentErrors } from '../model/validate';

/** The server machine that an event is for, if the event is server-scoped and the server exists. */
export function serverSnapshotOf(snapshot: DeploymentSnapshot, fqdn: string): ServerSnapshot | undefined {
  const child = snapshot.children[serverActorId(fqdn)];
  return child?.getSnapshot() as ServerSnapshot | undefined;
}

function isServerScoped(event: DomainEvent): event is ServerScopedEvent {
  return (SERVER_EVENT_TYPES as readonly string[]).includes(event.type);
}

/**
 * Whether the deployment would accept this event, and if not, why — in words an admin can act
 * on. Returns null when the event is accepted.
 */
export function refusalOf(snapshot: DeploymentSnapshot, event: DomainEvent): string | null {
  const deployment = snapshot.context.deployment;
  if (event.type === 'deployment.created') {
    if (deployment !== null) return 'This deployment already exists; change its topology instead.';
    const errors = deploymentErrors(event.deployment);
    return errors.length === 0 ? null : `The deployment is not valid: ${errors.map((e) => e.message).join(' ')}`;
  }
  if (deployment === null) return 'Create the deployment first.';
  if (event.type === 'topology.updated') {
    const errors = deploymentErrors(event.deployment);
    if (errors.length > 0) return `The topology is not valid: ${errors.map((e) => e.message).join(' ')}`;
    // A server with recorded steps stays as it was: its history (and the runbook) refer to it.
    for (const before of deployment.servers) {
      if ((snapshot.context.progress[normalizeFqdn(before.fqdn)] ?? 0) === 0) continue;
      const after = findServer(event.deployment, before.fqdn);
      if (after === undefined) return `${before.fqdn} has recorded steps, so it cannot be removed from the topology.`;
      if (!sameFqdn(after.pool, before.pool) || after.role !== before.role)
        return `${before.fqdn} has recorded steps, so its pool and role cannot change.`;
    }
    return null;
  }
  if (event.type === 'oauth.assigned') {
    const oauth = snapshot.context.oauth;
    if (oauth !== null) {
      return `The OAuthTokenIssuer certificate is already assigned (on ${oauth.server} at ${oauth.at}); it is assigned once for the whole deployment.`;
    }
    const server = findServer(deployment, event.server);
    if (server === undefined) return `There is no server ${event.server} in this deployment.`;
    if (!roleNeedsOAuth(server.role))
      return `${server.fqdn} is a ${ROLE_LABELS[server.role]}; assign the OAuthTokenIssuer certificate on a Front End or Standard Edition server.`;
    return null;
  }
  if (event.type === 'oauth.thumbprint.recorded') {
    const oauth = snapshot.context.oauth;
    if (oauth === null)
      return 'No OAuthTokenIssuer certificate is assigned yet; record Step 3 on the server that assigns it, with its thumbprint.';
    if (!sameFqdn(oauth.server, event.server))
      return `The OAuthTokenIssuer certificate was assigned on ${oauth.server}, not on ${event.server}; record its thumbprint there.`;
    if (oauth.thumbprint !== null)
      return `The thumbprint of the OAuthTokenIssuer certificate is already recorded (${oauth.thumbprint}); it cannot be changed.`;
    return null;
  }
  if (
    (event.type === 'evidence.rejected' || event.type === 'script.copied') &&
    event.server !== undefined &&
    findServer(deployment, event.server) === undefined
  ) {
    return `There is no server ${event.server} in this deployment.`;
  }
  if (!isServerScoped(event)) return null;
  if (findServer(deployment, event.server) === undefined)
    return `There is no server ${event.server} in this deployment.`;
  const server = serverSnapshotOf(snapshot, event.server);
  if (server === undefined) return `The server ${event.server} has no state yet; reopen the deployment.`;
  if (server.can(event)) return null;
  return explainServerRefusal(server, event);
}

/**
 * A step dated before a step already recorded on the same server is a typing mistake (the wizard
 * runs them in order): taken as given, one wrong date could make a stale store look current.
 * Checked on new commands only, like a time in the future: a history written before this check
 * existed still opens. `latest` is the latest acceptable time (now plus the clock tolerance).
 */
export function stepBeforeRecorded(snapshot: DeploymentSnapshot, event: DomainEvent, latest: number): string | null {
  if (event.type !== 'step.completed') return null;
  const server = serverSnapshotOf(snapshot, event.server);
  if (server === undefined) return null;
  const ctx = server.context;
  const at = epochMs(event.at);
  for (const step of [1, 2, 3, 4] as const) {
    const record = ctx.steps[step];
    if (record === undefined) continue;
    const recorded = epochMs(record.at);
    // A step recorded in the future (a wrong clock, an older build) must not lock the server: it is not held against new steps.
    if (recorded > latest) continue;
    // Typed times have whole minutes; a step recorded "now" has seconds: compare within the minute.
    if (recorded - (recorded % 60_000) > at) {
      return `${stepTitle(ctx.product, event.step)} on ${ctx.fqdn} is dated ${event.at}, before ${stepTitle(ctx.product, step)} recorded there at ${record.at}. Steps are recorded in the order they happened: check the date and time.`;
    }
  }
  return null;
}

function explainServerRefusal(server: ServerSnapshot, event: ServerScopedEvent): string {
  const ctx = server.context;
  const status = serverStatus(server.value, ctx);
  const name = ctx.fqdn;
  switch (event.type) {
    case 'step.completed': {
      const step = event.step;
      if (step > status.stepsDone + 1 && !(step === 3 && status.stepsDone >= 3)) {
        const needed = (status.stepsDone + 1) as 1 | 2 | 3 | 4;
        return `${stepTitle(ctx.product, step)} on ${name} needs ${stepTitle(ctx.product, needed)} first.`;
      }
      if (step === 3 && !status.gate.allowed) return status.gate.explanation;
      if (step === 2 || step === 4) {
        return `${stepTitle(ctx.product, step)} is already recorded on ${name} (at ${ctx.steps[step]?.at ?? '?'}).`;
      }
      return `${stepTitle(ctx.product, step)} cannot be recorded on ${name} now.`;
    }
    case 'remediation.chosen':
      if (status.phase !== 'blocked') return `${name} is not blocked, so it needs no remediation.`;
      return `Path ${event.path} is already the chosen path on ${name}.`;
    case 'remediation.item.completed': {
      if (status.phase !== 'blocked') return `${name} is not blocked, so it needs no remediation.`;
      if (ctx.path !== event.path)
        return ctx.path === null
          ? `Choose path ${event.path} on ${name} first.`
          : `${name} is on path ${ctx.path}, not ${event.path}; switch path first.`;
      const r = status.remediation;
      if (r?.waitingFor) return `Path B cannot go on yet. ${cmsWaitText(ctx)}`;
      const known = REMEDIATIONS[event.path].items.some((i) => i.id === event.item);
      if (!known) return `Path ${event.path} has no item "${event.item}".`;
      if (r?.next) return `Next on path ${event.path} is "${r.next.title}"; do the items in order.`;
      return `That item of path ${event.path} is already done on ${name}.`;
    }
    case 'evidence.accepted':
      if (ctx.oauth === null)
        return 'No OAuthTokenIssuer certificate is assigned yet, so there is nothing for evidence to prove.';
      return `The evidence does not show that ${name}'s local store holds the OAuth assignment of ${ctx.oauth.at}: it must be about ${name}, up to date with a last update after that time, or show the assigned thumbprint.`;
    case 'override.recorded':
      if (status.phase !== 'blocked') return `${name} is not blocked, so there is nothing to override.`;
      return 'An override needs a written reason: say why Step 3 may go ahead on a stale local store.';
  }
}
