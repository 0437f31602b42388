/** Builds the runbook of a deployment from its session: the history in words plus where every server stands. */
import type { ChangeRecord, DomainEvent, DomainEventOf, DomainEventType } from '../events/schema';
import { POOL_KIND_LABELS, ROLE_LABELS, type Deployment } from '../model/deployment';
import { normalizeFqdn, sameFqdn } from '../model/fqdn';
import { PRODUCTS } from '../model/product';
import { epochMs, type IsoTime } from '../model/time';
import type { DeploymentSession } from '../session/session';
import type { EventFacts } from '../session/event-facts';
import { integrityWarning } from '../session/integrity';
import { scriptMatcher } from '../powershell/regenerate';
import type {
  EvidenceEntry,
  EvidenceServerVerdict,
  OverrideEntry,
  Runbook,
  RunbookHeader,
  RunbookTopology,
  ScriptCopy,
  ServerSummary,
} from './model';
import { summarizeServers } from './servers';
import { timelineEntries } from './timeline';
import { describeProof, EVIDENCE_KIND_LABELS, exportTime, plural } from './words';
import { listOf, needWords, poolStartStatus } from '../machines/pool-start';

/** What the caller adds to a runbook: the moment it is produced, when that should be printed. */
export interface RunbookOptions {
  readonly exportedAt?: IsoTime;
}

/** The note on times every runbook carries. */
export const TIME_ZONE_NOTE = "All times are UTC, written in ISO 8601. The operators' own time zone is not recorded.";

function latestOf(times: readonly IsoTime[]): IsoTime | null {
  let best: IsoTime | null = null;
  for (const t of times) if (best === null || epochMs(t) > epochMs(best)) best = t;
  return best;
}

/** Server names for a status line: all of them when few, else a count. */
function names(servers: readonly ServerSummary[]): string {
  return servers.length <= 6 ? servers.map((s) => s.fqdn).join(', ') : plural(servers.length, 'server');
}

function statusText(servers: readonly ServerSummary[]): string {
  if (servers.length === 0) return 'In progress: the deployment has no servers yet.';
  const done = servers.filter((s) => s.phase === 'services-running').length;
  if (done === servers.length) return `Complete: all ${plural(servers.length, 'server')} run their services.`;
  const blocked = servers.filter((s) => s.phase === 'blocked');
  const open = servers.filter((s) => s.phase !== 'services-running' && s.phase !== 'blocked');
  const parts = [`${done} of ${plural(servers.length, 'server')} done`];
  if (blocked.length > 0) parts.push(`blocked: ${names(blocked)}`);
  if (open.length > 0) parts.push(`still to do: ${names(open)}`);
  return `In progress: ${parts.join('; ')}.`;
}

/** The change record that stands: the latest. */
export function latestChange(history: readonly DomainEvent[]): ChangeRecord | null {
  for (let i = history.length - 1; i >= 0; i--) {
    const e = history[i]!;
    if (e.type === 'change.recorded') return e.change;
  }
  return null;
}

/** Events that set the deployment up, or record the change around it, rather than work on it. */
const SETUP_EVENTS: ReadonlySet<DomainEventType> = new Set([
  'deployment.created',
  'topology.updated',
  'change.recorded',
  'change.signed',
]);

function earliestOf(times: readonly IsoTime[]): IsoTime | null {
  return times.length === 0 ? null : times.reduce((a, b) => (epochMs(b) < epochMs(a) ? b : a));
}

function header(
  session: DeploymentSession,
  deployment: Deployment,
  servers: readonly ServerSummary[],
  options: RunbookOptions,
): RunbookHeader {
  const history = session.history;
  const operators = [...new Set(history.map((e) => e.operator))];
  const complete = servers.length > 0 && servers.every((s) => s.phase === 'services-running');
  const oauth = session.snapshot().context.oauth;
  return {
    name: deployment.name,
    product: deployment.product,
    productName: PRODUCTS[deployment.product].name,
    sipDomain: deployment.sipDomain,
    cmsPool: deployment.cmsPool,
    operators,
    // From the work, not from when the file was made: the earliest thing done on the deployment.
    startedAt:
      earliestOf(history.filter((e) => !SETUP_EVENTS.has(e.type)).map((e) => e.at)) ??
      history[0]?.at ??
      options.exportedAt ??
      '1970-01-01T00:00:00.000Z',
    lastEventAt: latestOf(history.map((e) => e.at)) ?? '1970-01-01T00:00:00.000Z',
    finishedAt: complete
      ? latestOf(
          servers.flatMap((s) => s.steps.filter((st) => st.step === 4 && st.at !== null).map((st) => st.at as IsoTime)),
        )
      : null,
    complete,
    statusText: statusText(servers),
    oauth:
      oauth === null
        ? null
        : { server: oauth.server, thumbprint: oauth.thumbprint, at: oauth.at, operator: oauth.operator },
    timeZone: 'UTC',
    timeZoneNote: TIME_ZONE_NOTE,
    exportedAt: options.exportedAt ?? null,
    eventCount: history.length,
    change: latestChange(history),
    signOffs: history.flatMap((e) =>
      e.type === 'change.signed'
        ? [{ by: e.by, as: e.as, at: e.at, events: e.events, fingerprint: e.fingerprint, whole: history.at(-1) === e }]
        : [],
    ),
    chainHead: session.fingerprint(),
    integrityWarning: integrityWarning(history, session.integrity()),
  };
}

/** The start of one pool in a sentence: an Enterprise pool's first start, or its members' own Step 4. */
function poolStartWords(session: DeploymentSession, pool: string): string {
  const status = poolStartStatus(session.snapshot().context, pool);
  if (status === null) return 'Each server starts its own services (Step 4).';
  const started = status.started;
  if (started !== null) {
    const how =
      started.recordedAs === 'server-step-4'
        ? `recorded as Step 4 on ${listOf(started.servers)} alone, by a version of lync-runbook that did not know pool starts`
        : `${listOf(started.servers)} started together`;
    return `First started ${exportTime(started.at)} by ${started.operator}: ${how}.`;
  }
  const need = needWords(status);
  if (status.canStart)
    return `Not started yet: ready to start (${status.ready.length} of ${status.members.length} members have Step 3 done; ${need}).`;
  return `Not started yet: ${status.ready.length} of ${status.members.length} members have Step 3 done; ${need}.`;
}

function topology(session: DeploymentSession, deployment: Deployment): RunbookTopology {
  return {
    pools: deployment.pools.map((p) => ({
      fqdn: p.fqdn,
      kind: p.kind,
      kindLabel: POOL_KIND_LABELS[p.kind],
      hostsCms: deployment.cmsPool !== null && sameFqdn(deployment.cmsPool, p.fqdn),
      servers: deployment.servers.filter((s) => sameFqdn(s.pool, p.fqdn)).map((s) => s.fqdn),
      start: poolStartWords(session, p.fqdn),
    })),
    servers: deployment.servers.map((s) => ({
      fqdn: s.fqdn,
      pool: s.pool,
      role: s.role,
      roleLabel: ROLE_LABELS[s.role],
    })),
  };
}

/** Every script copied, each distinct text once with every time it was copied, in order of first copy. */
function scripts(history: readonly DomainEvent[], facts: readonly EventFacts[]): ScriptCopy[] {
  const matches = scriptMatcher();
  const byKey = new Map<string, { copy: ScriptCopy; copies: ScriptCopy['copies'][number][] }>();
  history.forEach((event, seq) => {
    if (event.type !== 'script.copied') return;
    const server = event.server ?? null;
    const runOn = event.runOn ?? null;
    // Built again from the deployment and assignment as they stood when it was copied.
    const fact = facts[seq];
    const same = fact !== undefined && matches(event, fact.before, fact.oauthBefore);
    const key = JSON.stringify([server, runOn, event.scriptId, event.title, event.text, same]);
    const stamp = { seq, at: event.at, operator: event.operator };
    const seen = byKey.get(key);
    if (seen !== undefined) seen.copies.push(stamp);
    else {
      const copies = [stamp];
      byKey.set(key, {
        copy: { server, runOn, scriptId: event.scriptId, title: event.title, text: event.text, matches: same, copies },
        copies,
      });
    }
  });
  return [...byKey.values()].map((c) => c.copy);
}

type EvidenceEvent = DomainEventOf<'evidence.accepted'> | DomainEventOf<'evidence.rejected'>;

function verdictOf(event: EvidenceEvent, seq: number): EvidenceServerVerdict {
  const accepted = event.type === 'evidence.accepted';
  return {
    seq,
    server: event.server,
    verdict: accepted ? 'accepted' : 'rejected',
    reason: accepted ? null : event.reason,
    proof: accepted ? describeProof(event.proof) : null,
  };
}

function evidenceEntry(event: EvidenceEvent, seq: number): EvidenceEntry {
  const input = event.input ?? null;
  const verdict = verdictOf(event, seq);
  return {
    ...verdict,
    at: event.at,
    operator: event.operator,
    kind: input?.kind ?? null,
    kindLabel: input === null ? 'evidence (the pasted text was not recorded)' : EVIDENCE_KIND_LABELS[input.kind],
    locale: input?.locale ?? null,
    timeZone: input?.timeZone ?? null,
    read: input?.read ?? [],
    text: input?.text ?? null,
    verdicts: [verdict],
  };
}

/** True when `event` is the next verdict on the paste `first` was recorded with (judged for several servers). */
function samePaste(first: EvidenceEvent, event: EvidenceEvent): boolean {
  const a = first.input;
  const b = event.input;
  return (
    a?.judgedFor !== undefined &&
    b?.judgedFor !== undefined &&
    a.text === b.text &&
    a.judgedFor.join('\n') === b.judgedFor.join('\n') &&
    first.recordedAt === event.recordedAt
  );
}

/** One entry per paste: the verdicts of a paste judged for several servers, recorded one after another, together. */
function evidence(history: readonly DomainEvent[]): EvidenceEntry[] {
  const entries: { first: EvidenceEvent; entry: EvidenceEntry; verdicts: EvidenceServerVerdict[] }[] = [];
  history.forEach((event, seq) => {
    if (event.type !== 'evidence.accepted' && event.type !== 'evidence.rejected') return;
    const last = entries.at(-1);
    if (last !== undefined && last.verdicts.at(-1)!.seq === seq - 1 && samePaste(last.first, event)) {
      last.verdicts.push(verdictOf(event, seq));
      return;
    }
    const entry = evidenceEntry(event, seq);
    entries.push({ first: event, entry, verdicts: [...entry.verdicts] });
  });
  return entries.map(({ entry, verdicts }) => ({ ...entry, verdicts }));
}

function overrides(history: readonly DomainEvent[], servers: readonly ServerSummary[]): OverrideEntry[] {
  const entries = history.flatMap((event, seq) => (event.type === 'override.recorded' ? [{ event, seq }] : []));
  // Only a server's latest override can be the one its Step 3 went ahead on.
  const latest = new Map(entries.map(({ event, seq }) => [normalizeFqdn(event.server), seq]));
  return entries.map(({ event, seq }) => {
    const summary = servers.find((s) => sameFqdn(s.fqdn, event.server));
    const used = summary?.overridden === true && latest.get(normalizeFqdn(event.server)) === seq;
    // The first withdrawal on the server after it, before any later override.
    const after = history.slice(seq + 1).map((e, i) => ({ e, seq: seq + 1 + i }));
    const next = after.find(
      ({ e }) =>
        (e.type === 'override.recorded' || e.type === 'override.withdrawn') && sameFqdn(e.server, event.server),
    );
    const withdrawal =
      next !== undefined && next.e.type === 'override.withdrawn'
        ? { seq: next.seq, at: next.e.at, operator: next.e.operator, reason: next.e.reason }
        : null;
    return {
      seq,
      at: event.at,
      operator: event.operator,
      server: event.server,
      reason: event.reason,
      change: event.change,
      usedForStep3: used,
      withdrawn: withdrawal,
    };
  });
}

/**
 * The runbook of a deployment as plain data: header, topology, a summary per server, what is still
 * open, the full timeline, every script copied, every paste of evidence and every override. Pure: the
 * same session and options always give the same runbook.
 */
export function buildRunbook(session: DeploymentSession, options: RunbookOptions = {}): Runbook {
  const deployment = session.deployment();
  if (deployment === null) throw new Error('There is no runbook yet: the deployment has not been created.');
  const servers = summarizeServers(session);
  const history = session.history;
  return {
    header: header(session, deployment, servers, options),
    topology: topology(session, deployment),
    servers,
    open: servers.flatMap((s) => (s.open === null ? [] : [s.open])),
    timeline: timelineEntries(history, session.facts),
    scripts: scripts(history, session.facts),
    evidence: evidence(history),
    overrides: overrides(history, servers),
  };
}
