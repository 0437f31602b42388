/** The history in words: one timeline entry per event, for the runbook and the UI's timeline. */
import type { DomainEvent, DomainEventOf, Step1Way } from '../events/schema';
import { GATE_RULE_LABELS } from '../gate/gate';
import { cmsPlaceOf, CMS_STATUS_COMMAND, judgeCmsStatusText } from '../evidence/cms-status';
import { POOL_KIND_LABELS, type Deployment } from '../model/deployment';
import { sameFqdn } from '../model/fqdn';
import { PRODUCTS, stepTitle, type ProductVersion } from '../model/product';
import { checklistItem, REMEDIATIONS } from '../model/remediation';
import { takenAfterAssignment } from '../machines/server.context';
import type { EventFacts } from '../session/event-facts';
import { DeploymentSession } from '../session/session';
import { byWhenItHappened, isBackDated, recordedLater } from '../events/times';
import type { TimelineEntry } from './model';
import { describeProof, EVIDENCE_KIND_LABELS, exportTime, plural } from './words';

/** What applying the history up to an event told about it, and the product it was recorded for. */
interface Replayed extends EventFacts {
  readonly product: ProductVersion;
}

function describeDeployment(d: Deployment): string {
  const cms = d.cmsPool === null ? 'no CMS pool chosen' : `CMS pool ${d.cmsPool}`;
  return `${PRODUCTS[d.product].name}, SIP domain ${d.sipDomain}, ${plural(d.pools.length, 'pool')}, ${plural(d.servers.length, 'server')}; ${cms}`;
}

function topologyChanges(before: Deployment | null, after: Deployment): string {
  if (before === null) return describeDeployment(after);
  const changes: string[] = [];
  const added = after.servers.filter((s) => !before.servers.some((b) => sameFqdn(b.fqdn, s.fqdn)));
  const removed = before.servers.filter((b) => !after.servers.some((s) => sameFqdn(b.fqdn, s.fqdn)));
  const addedPools = after.pools.filter((p) => !before.pools.some((b) => sameFqdn(b.fqdn, p.fqdn)));
  const removedPools = before.pools.filter((b) => !after.pools.some((p) => sameFqdn(b.fqdn, p.fqdn)));
  if (addedPools.length > 0)
    changes.push(`pools added: ${addedPools.map((p) => `${p.fqdn} (${POOL_KIND_LABELS[p.kind]})`).join(', ')}`);
  if (removedPools.length > 0) changes.push(`pools removed: ${removedPools.map((p) => p.fqdn).join(', ')}`);
  if (added.length > 0) changes.push(`servers added: ${added.map((s) => s.fqdn).join(', ')}`);
  if (removed.length > 0) changes.push(`servers removed: ${removed.map((s) => s.fqdn).join(', ')}`);
  if (before.cmsPool !== after.cmsPool) changes.push(`CMS pool now ${after.cmsPool ?? 'not chosen'}`);
  if (before.product !== after.product) changes.push(`product now ${PRODUCTS[after.product].name}`);
  if (before.sipDomain !== after.sipDomain) changes.push(`SIP domain now ${after.sipDomain}`);
  if (before.name !== after.name) changes.push(`renamed to "${after.name}"`);
  return changes.length > 0 ? changes.join('; ') : 'no change to pools or servers';
}

type Words = Pick<TimelineEntry, 'summary' | 'detail' | 'verdict'>;

/** How a Step 1 re-run was done, as the runbook says it. */
const STEP1_WAY_WORDS: Readonly<Record<Step1Way, string>> = {
  wizard: 'Run with the Deployment Wizard: Step 1, Run Again, Retrieve directly from the Central Management store.',
  powershell:
    "Run with the app's PowerShell equivalent (the configuration exported from the CMS and imported into the local store), not with the wizard.",
};

function stepWords(event: DomainEventOf<'step.completed'>, r: Replayed): Words {
  const run = r.run > 1 ? ` (run ${r.run})` : '';
  const summary = `${stepTitle(r.product, event.step)} completed${run}`;
  if (event.step === 1 && r.run > 1 && !takenAfterAssignment(r.oauthBefore, event.at)) {
    const oauth = r.oauthBefore!;
    const stale = `Dated before the OAuthTokenIssuer certificate was assigned on ${oauth.server} (${exportTime(oauth.at)}): this copy does not hold it, so the local store is still stale and a remediation's "Run Step 1 again" is not done by it.`;
    return { summary, detail: event.via === undefined ? stale : `${STEP1_WAY_WORDS[event.via]} ${stale}` };
  }
  if (event.step === 1 && event.via !== undefined) return { summary, detail: STEP1_WAY_WORDS[event.via] };
  if (event.step !== 3) return { summary };
  const details: string[] = [];
  if (r.rule !== null) details.push(`Gate: ${GATE_RULE_LABELS[r.rule]}.`);
  if (r.assignedOAuth) {
    details.push(
      `Assigned the OAuthTokenIssuer certificate for the deployment${event.thumbprint ? ` (thumbprint ${event.thumbprint})` : ''}.`,
    );
  } else if (event.thumbprint) {
    details.push(`Thumbprint ${event.thumbprint}.`);
  }
  return details.length > 0 ? { summary, detail: details.join(' ') } : { summary };
}

function words(event: DomainEvent, r: Replayed): Words {
  switch (event.type) {
    case 'deployment.created':
      return { summary: `Deployment "${event.deployment.name}" created`, detail: describeDeployment(event.deployment) };
    case 'topology.updated':
      return { summary: 'Topology updated', detail: topologyChanges(r.before, event.deployment) };
    case 'step.completed':
      return stepWords(event, r);
    case 'oauth.assigned':
      return {
        summary: `OAuthTokenIssuer certificate assigned${event.thumbprint ? ` (thumbprint ${event.thumbprint})` : ''}`,
      };
    case 'oauth.thumbprint.recorded':
      return {
        summary: `Thumbprint of the OAuthTokenIssuer certificate recorded (${event.thumbprint})`,
        detail: 'Added after the assignment, which had been recorded without it; the assignment time is unchanged.',
      };
    case 'pool.started':
      return {
        summary: `${stepTitle(r.product, 4)}: first start of the pool ${event.pool}`,
        detail:
          event.recordedAs === 'server-step-4'
            ? `Recorded as Step 4 on ${event.servers.join(', ')} alone, by a version of lync-runbook that did not know pool starts; the first-start rule was not checked.`
            : `Started together: ${event.servers.join(', ')}. Each records Step 4 at this time.`,
      };
    case 'remediation.chosen':
      return { summary: `Remediation path ${event.path} chosen: ${REMEDIATIONS[event.path].title}` };
    case 'remediation.item.completed': {
      const summary = `Path ${event.path} item done: ${checklistItem(event.path, event.item)?.title ?? event.item}`;
      return event.output === undefined ? { summary } : { summary, detail: outputWords(event.output.text, r.before) };
    }
    case 'evidence.accepted': {
      const kind = event.input ? EVIDENCE_KIND_LABELS[event.input.kind] : 'evidence';
      return {
        summary: `Evidence pasted (${kind})`,
        detail: `Proved ${describeProof(event.proof)}.`,
        verdict: 'accepted',
      };
    }
    case 'evidence.rejected':
      return {
        summary: `Evidence pasted (${EVIDENCE_KIND_LABELS[event.input.kind]})`,
        detail: event.reason,
        verdict: 'rejected',
      };
    case 'override.recorded':
      return {
        summary: 'Gate overridden (not proven)',
        detail: `Checked: ${sentence(event.reason)} Change or ticket: ${event.change}.`,
      };
    case 'change.recorded': {
      const c = event.change;
      return {
        summary: `Change record: ${c.id}`,
        detail: `Window ${exportTime(c.windowStart)} to ${exportTime(c.windowEnd)}; implementers ${c.implementers.join(', ')}; approver ${c.approver}; rollback: ${c.rollback}`,
      };
    }
    case 'change.signed':
      return {
        summary: `Signed off by ${event.by} (${event.as})`,
        detail: `Signs the ${plural(event.events, 'entry', 'entries')} before it, chain head (SHA-256) ${event.fingerprint}.`,
      };
    case 'override.withdrawn':
      return { summary: 'Override withdrawn: the gate is closed again', detail: event.reason };
    case 'script.copied': {
      const where =
        event.runOn !== undefined && (event.server === undefined || !sameFqdn(event.runOn, event.server))
          ? ` (runs on ${event.runOn})`
          : '';
      return { summary: `Script copied: ${event.title || event.scriptId}${where}` };
    }
  }
}

/** The words of an entry an older file held dated before what allowed it (events/schema.ts `unchecked`). */
export const UNCHECKED_WORDS =
  'Contradiction kept from an older file: this entry is dated before what allowed it (that version did not check), so the time it gives cannot be relied on.';

function withUnchecked(event: DomainEvent, said: Words): Words {
  if (event.unchecked !== 'time-order') return said;
  return { ...said, detail: said.detail === undefined ? UNCHECKED_WORDS : `${said.detail} ${UNCHECKED_WORDS}` };
}

/** Text as a sentence: trimmed, with a full stop unless it ends with one. */
function sentence(text: string): string {
  const t = text.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

/** What recorded output shows, read again from its text (never from the lines stored beside it). */
function outputWords(text: string, deployment: Deployment | null): string {
  const cms = cmsPlaceOf(deployment);
  if (cms === null) return `Output of ${CMS_STATUS_COMMAND} recorded.`;
  return `Shown by ${CMS_STATUS_COMMAND}: ${judgeCmsStatusText(text, cms).read.join('; ')}.`;
}

function serverOf(event: DomainEvent): string | null {
  if ('server' in event && typeof event.server === 'string') return event.server;
  return null;
}

/** The facts of a history that comes without them: replayed (a history that stops replaying keeps its words, without facts). */
function replayedFacts(history: readonly DomainEvent[]): EventFacts[] {
  const scratch = DeploymentSession.empty();
  const facts: EventFacts[] = [];
  for (const event of history) {
    if (scratch.replayOne(event) !== null) break;
    facts.push(scratch.facts[scratch.facts.length - 1]!);
  }
  return facts;
}

const NO_FACTS: EventFacts = { rule: null, run: 1, assignedOAuth: false, before: null, oauthBefore: null };

/**
 * One entry per event of the history, in the order things happened (events of one moment in the
 * order they were recorded; `seq` is the place in the history), in words: what happened, on which server, by
 * whom, and for Step 3 the gate rule that allowed it. What the events alone do not say (the gate rule,
 * which run of a step, whether a Step 3 assigned the certificate) comes from the facts the session
 * kept as it applied them, so the words always agree with the machines; without them, the history is
 * replayed.
 */
export function timelineEntries(
  history: readonly DomainEvent[],
  facts: readonly EventFacts[] = replayedFacts(history),
): TimelineEntry[] {
  let product: ProductVersion = 'lync2013';
  const entries = history.map((event, seq): TimelineEntry => {
    if (event.type === 'deployment.created' || event.type === 'topology.updated') product = event.deployment.product;
    const known = facts[seq];
    const before = known?.before ?? null;
    const said = withUnchecked(event, words(event, { ...(known ?? NO_FACTS), before, product }));
    return {
      seq,
      at: event.at,
      recordedAt: event.recordedAt,
      backDated: isBackDated(event),
      operator: event.operator,
      server: serverOf(event),
      kind: event.type,
      summary: said.summary,
      ...(said.detail !== undefined ? { detail: said.detail } : {}),
      ...(said.verdict !== undefined ? { verdict: said.verdict } : {}),
    };
  });
  return entries.sort(byWhenItHappened);
}

/** A timeline entry as one line of plain text: "2013-03-14T10:00:00Z  j.smith  fe01.contoso.local  Step 3: … completed". */
export function timelineLine(entry: TimelineEntry): string {
  const verdict = entry.verdict === undefined ? '' : ` [${entry.verdict}]`;
  return `${exportTime(entry.at)}${recordedWords(entry, ' ')}  ${entry.operator}  ${entry.server ?? '(deployment)'}  ${entry.summary}${verdict}`;
}

/**
 * When an entry was recorded, where that is not when it happened: "(recorded 2013-03-14T16:00:00Z,
 * back-dated)", or "" for an entry recorded as it happened. `lead` goes before it.
 */
export function recordedWords(entry: Pick<TimelineEntry, 'at' | 'recordedAt' | 'backDated'>, lead = ''): string {
  if (!recordedLater(entry)) return '';
  return `${lead}(recorded ${exportTime(entry.recordedAt)}${entry.backDated ? ', back-dated' : ''})`;
}
