/**
 * What the deployment accepts, each rule once: a function that returns why an event is refused, in
 * words an admin can act on, or null. The deployment machine's guard is this function `=== null`;
 * events for one server then also go through that server's rules (server.rules.ts).
 */
import type { DomainEvent, DomainEventOf, EvidenceProof } from '../events/schema';
import { cmsPlaceOf, judgeCmsStatusText } from '../evidence/cms-status';
import { OAUTH_USE } from '../evidence/certificate-uses';
import { judgeEvidence } from '../evidence/judge';
import { findServer, roleNeedsOAuth, ROLE_LABELS, withArticle, type Deployment } from '../model/deployment';
import { normalizeFqdn, sameFqdn } from '../model/fqdn';
import { deploymentErrors } from '../model/validate';
import { hasRecorded, type DeploymentContext } from './deployment.context';
import { listOf, needWords, poolStartOfServer, poolStartStatus, poolWaitText } from './pool-start';
import { epochMs, utcText } from '../model/time';

function problems(deployment: Deployment): string | null {
  const errors = deploymentErrors(deployment);
  return errors.length === 0 ? null : errors.map((e) => e.message).join(' ');
}

/** A server with recorded steps stays as it was: its history (and the runbook) refer to it. */
function topologyRefusal(context: DeploymentContext, before: Deployment, after: Deployment): string | null {
  const invalid = problems(after);
  if (invalid !== null) return `The topology is not valid: ${invalid}`;
  for (const server of before.servers) {
    if (!hasRecorded(context.recorded, server)) continue;
    const kept = findServer(after, server.fqdn);
    if (kept === undefined) return `${server.fqdn} has recorded steps, so it cannot be removed from the topology.`;
    if (!sameFqdn(kept.pool, server.pool) || kept.role !== server.role) {
      return `${server.fqdn} has recorded steps, so its pool and role cannot change.`;
    }
  }
  return null;
}

/** The OAuthTokenIssuer certificate is assigned once, on a server whose role uses it. */
function assignmentRefusal(context: DeploymentContext, deployment: Deployment, server: string): string | null {
  const oauth = context.oauth;
  if (oauth !== null) {
    return `The OAuthTokenIssuer certificate is already assigned (on ${oauth.server} at ${utcText(oauth.at)}); it is assigned once for the whole deployment.`;
  }
  const found = findServer(deployment, server);
  if (found === undefined) return `There is no server ${server} in this deployment.`;
  if (!roleNeedsOAuth(found.role)) {
    return `${found.fqdn} is ${withArticle(ROLE_LABELS[found.role])}; assign the OAuthTokenIssuer certificate on a Front End or Standard Edition server.`;
  }
  return null;
}

/** A thumbprint left out of the assignment is added later, once, on the server that assigned it. */
function thumbprintRefusal(context: DeploymentContext, server: string): string | null {
  const oauth = context.oauth;
  if (oauth === null) {
    return 'No OAuthTokenIssuer certificate is assigned yet; record Step 3 on the server that assigns it, with its thumbprint.';
  }
  if (!sameFqdn(oauth.server, server)) {
    return `The OAuthTokenIssuer certificate was assigned on ${oauth.server}, not on ${server}; record its thumbprint there.`;
  }
  if (oauth.thumbprint !== null) {
    return `The thumbprint of the OAuthTokenIssuer certificate is already recorded (${oauth.thumbprint}); it cannot be changed.`;
  }
  return null;
}

/**
 * An Enterprise pool's first start includes enough members with Step 3 done, each once, none already
 * started; it happens once (a member that finishes later records its own Step 4).
 */
function poolStartRefusal(context: DeploymentContext, event: DomainEventOf<'pool.started'>): string | null {
  const status = poolStartStatus(context, event.pool);
  if (status === null) {
    return `${event.pool} is not an Enterprise Edition Front End pool in this deployment; record Step 4 on its server instead.`;
  }
  if (status.started !== null) {
    return `${status.pool} was started at ${utcText(status.started.at)} (${listOf(status.started.servers)}); record Step 4 on each member that joins it.`;
  }
  const seen = new Set<string>();
  for (const named of event.servers) {
    const server = normalizeFqdn(named);
    if (!status.members.includes(server)) return `${server} is not a member of ${status.pool}.`;
    if (seen.has(server)) return `${server} is named twice in the start of ${status.pool}.`;
    seen.add(server);
    if (!status.ready.includes(server)) {
      return `${server} has not finished Step 3, so the start of ${status.pool} cannot include it.`;
    }
  }
  if (event.servers.length < status.need.needed && event.recordedAs === undefined) {
    return `The first start of ${status.pool} names ${event.servers.length} Front End${event.servers.length === 1 ? '' : 's'}, but ${needWords(status)}. ${poolWaitText(status)}`;
  }
  return null;
}

/** Step 4 of a member of an Enterprise pool that has not started is its pool's start. */
function memberStartRefusal(context: DeploymentContext, named: string): string | null {
  const server = normalizeFqdn(named);
  const status = poolStartOfServer(context, server);
  // A member without Step 3 is told so by its own rules; one that joins a started pool starts by itself.
  if (status === null || status.started !== null || !status.ready.includes(server)) return null;
  return `Step 4 on ${server} is the first start of its pool, not of ${server} alone. ${poolWaitText(status)}`;
}

/**
 * Output recorded with a checklist item is judged again whenever it is replayed: only path B's
 * replication-services item takes output, and it must show the CMS pool's replication services active.
 */
function itemOutputRefusal(deployment: Deployment, event: DomainEventOf<'remediation.item.completed'>): string | null {
  if (event.path !== 'B' || event.item !== 'replication-services')
    return `Only path B's replication-services item records pasted output; "${event.item}" takes none.`;
  const cms = cmsPlaceOf(deployment);
  if (cms === null) return 'No CMS pool is named in the topology, so the output cannot be compared with it.';
  const judged = judgeCmsStatusText(event.output?.text ?? '', cms);
  return judged.verdict.ok ? null : judged.verdict.message;
}

/** The same proof: the same server, and the same facts. */
function sameProof(a: EvidenceProof, b: EvidenceProof): boolean {
  const facts = (p: EvidenceProof) =>
    JSON.stringify([
      normalizeFqdn(p.server),
      p.upToDate ?? null,
      p.lastUpdate ?? null,
      p.thumbprints ?? [],
      p.event3038At ?? null,
    ]);
  return facts(a) === facts(b);
}

/**
 * Accepted evidence carries its paste and the locale and zone it was read in, and is judged again
 * whenever it is recorded or replayed: a proof is never taken on its own word, so a history edited to
 * hold one the paste does not show (or none at all) does not open the gate.
 */
export type EvidenceJudgedAgain =
  | { readonly stands: true }
  | { readonly stands: false; readonly why: 'no-paste' }
  | { readonly stands: false; readonly why: 'other-proof' }
  | { readonly stands: false; readonly why: 'refused'; readonly message: string };

/** Accepted evidence judged again from the paste it carries (the migration of older files asks the same). */
export function judgeAgain(context: DeploymentContext, event: DomainEventOf<'evidence.accepted'>): EvidenceJudgedAgain {
  const input = event.input;
  if (input === undefined) return { stands: false, why: 'no-paste' };
  const judged = judgeEvidence(input.text, {
    server: normalizeFqdn(event.server),
    oauth: context.oauth,
    // Stored with the evidence, so chosen when it was read.
    locale: input.locale,
    localeChosen: true,
    timeZone: input.timeZone,
    zoneChosen: true,
  }).verdict;
  if (!judged.accepted) return { stands: false, why: 'refused', message: judged.message };
  return sameProof(judged.proof, event.proof) ? { stands: true } : { stands: false, why: 'other-proof' };
}

function evidenceInputRefusal(context: DeploymentContext, event: DomainEventOf<'evidence.accepted'>): string | null {
  const again = judgeAgain(context, event);
  if (again.stands) return null;
  const server = normalizeFqdn(event.server);
  const readAs = `read as ${event.input?.locale} in ${event.input?.timeZone}`;
  switch (again.why) {
    case 'no-paste':
      return `The evidence accepted for ${server} carries no pasted output, so what it proves cannot be checked. Paste the output again.`;
    case 'refused':
      return `The output recorded as evidence for ${server}, judged again (${readAs}), is not accepted: ${again.message}`;
    case 'other-proof':
      return `The proof recorded as evidence for ${server} is not what its pasted output shows (judged again, ${readAs}).`;
  }
}

/** A Step 3 that names the OAuthTokenIssuer thumbprint and lists the certificates must say the same of both. */
function certificatesRefusal(event: DomainEventOf<'step.completed'>): string | null {
  const oauth = (event.certificates ?? []).filter((c) => c.use.toLowerCase() === OAUTH_USE.toLowerCase());
  if (event.thumbprint === undefined || oauth.length === 0 || oauth.some((c) => c.thumbprint === event.thumbprint))
    return null;
  return `The certificates listed for Step 3 on ${normalizeFqdn(event.server)} show OAuthTokenIssuer ${oauth.map((c) => c.thumbprint).join(', ')}, not the thumbprint recorded with it (${event.thumbprint}). Record the one the listing shows.`;
}

/** Why the deployment refuses the event, or null when it takes it (a server's own rules come after). */
export function deploymentRefusal(context: DeploymentContext, event: DomainEvent): string | null {
  const deployment = context.deployment;
  if (event.type === 'deployment.created') {
    if (deployment !== null) return 'This deployment already exists; change its topology instead.';
    const invalid = problems(event.deployment);
    return invalid === null ? null : `The deployment is not valid: ${invalid}`;
  }
  if (deployment === null) return 'Create the deployment first.';
  switch (event.type) {
    case 'topology.updated':
      return topologyRefusal(context, deployment, event.deployment);
    case 'oauth.assigned':
      return assignmentRefusal(context, deployment, event.server);
    case 'oauth.thumbprint.recorded':
      return thumbprintRefusal(context, event.server);
    case 'pool.started':
      return poolStartRefusal(context, event);
    case 'change.recorded':
      return epochMs(event.change.windowEnd) > epochMs(event.change.windowStart)
        ? null
        : `The change window ends (${event.change.windowEnd}) before it starts (${event.change.windowStart}).`;
    case 'change.signed':
      // What was signed is checked against the history by the session (session/sign-off.ts).
      return null;
    default: {
      // Every other event is about one server (a copied script may be about none).
      const server = event.server;
      if (server !== undefined && findServer(deployment, server) === undefined) {
        return `There is no server ${server} in this deployment.`;
      }
      if (event.type === 'step.completed' && event.step === 4) return memberStartRefusal(context, event.server);
      if (event.type === 'step.completed' && event.certificates !== undefined) return certificatesRefusal(event);
      if (event.type === 'remediation.item.completed' && event.output !== undefined)
        return itemOutputRefusal(deployment, event);
      if (event.type === 'evidence.accepted') return evidenceInputRefusal(context, event);
      return null;
    }
  }
}
