import { poolStartOfServer, poolWaitText, type PoolStartStatus } from '../machines/pool-start';
/** Per-server summaries and what is still open, read from the server machines as they stand. */
import type { DomainEvent, DomainEventOf } from '../events/schema';
import { certificateUseWarnings } from '../evidence/certificate-uses';
import { GATE_RULE_LABELS, type OAuthAssignment } from '../gate/gate';
import { BLOCKED_LABEL, gateExplanation } from '../gate/gate-words';
import type { PathSwitch, RemediationRecord, ServerContext } from '../machines/server.context';
import type { ServerSnapshot } from '../machines/server.machine';
import { serverStatus, type ServerStatus } from '../machines/status';
import { checklistItem, REMEDIATIONS } from '../model/remediation';
import { ROLE_LABELS, roleNeedsOAuth, type Server } from '../model/deployment';
import { normalizeFqdn, sameFqdn } from '../model/fqdn';
import { STEP_NUMBERS, stepTitle, type ProductVersion } from '../model/product';
import type { DeploymentSession } from '../session/session';
import type { OpenItem, RemediationSummary, ServerSummary, StepSummary } from './model';
import { describeProof, nextStepToDo, phaseText } from './words';
import { isBackDated } from '../events/times';

function steps(context: ServerContext, product: ProductVersion): StepSummary[] {
  return STEP_NUMBERS.map((step) => {
    const record = context.steps[step];
    const base = {
      step,
      title: stepTitle(product, step),
      at: record?.at ?? null,
      recordedAt: record?.recordedAt ?? null,
      backDated: record !== undefined && isBackDated(record),
      operator: record?.operator ?? null,
      runs: record?.runs ?? 0,
    };
    return record?.rule === undefined ? base : { ...base, rule: record.rule, ruleLabel: GATE_RULE_LABELS[record.rule] };
  });
}

/**
 * The paths taken, each with the checklist items done while it was the chosen one. The machine keeps
 * switches and items in two lists; the server's events, in history order, say how they interleave.
 */
function remediations(context: ServerContext, events: readonly DomainEvent[]): RemediationSummary[] {
  const segments: { readonly from: PathSwitch; readonly items: RemediationRecord[] }[] = [];
  let s = 0;
  let i = 0;
  for (const event of events) {
    const sw = context.switches[s];
    if (event.type === 'remediation.chosen' && sw !== undefined && sw.to === event.path && sw.at === event.at) {
      segments.push({ from: sw, items: [] });
      s += 1;
      continue;
    }
    const item = context.items[i];
    if (item === undefined || item.at !== event.at) continue;
    const matches =
      (event.type === 'remediation.item.completed' && item.path === event.path && item.item === event.item) ||
      (event.type === 'step.completed' && event.step === 1 && checklistItem(item.path, item.item)?.kind === 'step1');
    if (matches) {
      segments[segments.length - 1]?.items.push(item);
      i += 1;
    }
  }
  return segments.map(({ from, items }) => ({
    path: from.to,
    title: REMEDIATIONS[from.to].title,
    chosenAt: from.at,
    operator: from.operator,
    switchedFrom: from.from,
    items: items.map((it) => ({
      item: it.item,
      title: checklistItem(it.path, it.item)?.title ?? it.item,
      at: it.at,
      operator: it.operator,
    })),
  }));
}

/** What is still to do on a server, or null when its services run. */
export function openItemOf(
  status: ServerStatus,
  context: ServerContext,
  pool: PoolStartStatus | null = null,
): OpenItem | null {
  if (status.phase === 'services-running') return null;
  const step = nextStepToDo(status);
  const r = status.remediation;
  let next: string;
  if (step === 4 && pool !== null && pool.started === null) {
    next = `${stepTitle(context.product, 4)} is the first start of the pool: ${poolWaitText(pool)}`;
  } else if (step !== null) {
    next = stepTitle(context.product, step);
  } else if (r === null) {
    next = 'Choose a remediation path (A, B or C), or override the gate with a written reason';
  } else if (r.waitingFor !== null) {
    next = `Path ${r.path}: wait until the CMS pool has started`;
  } else {
    next =
      r.next === null
        ? `Path ${r.path}: paste evidence that the local store is current`
        : `Path ${r.path}: ${r.next.title}`;
  }
  return {
    server: context.fqdn,
    phase: status.phase,
    next,
    blocked: status.phase === 'blocked' && !status.gate.allowed ? gateExplanation(status.gate) : null,
    remediation: r === null ? null : `Path ${r.path}: ${REMEDIATIONS[r.path].title}`,
    waitingFor: r?.waitingFor ?? null,
  };
}

/** The certificates the server's latest Step 3 listed, with what to look at in them as of then. */
function step3Certificates(
  server: Server,
  oauth: OAuthAssignment | null,
  events: readonly DomainEvent[],
): ServerSummary['certificates'] {
  const step3 = events
    .filter(
      (e): e is DomainEventOf<'step.completed'> =>
        e.type === 'step.completed' && e.step === 3 && sameFqdn(e.server, server.fqdn),
    )
    .at(-1);
  if (step3?.certificates === undefined) return null;
  return {
    uses: step3.certificates,
    warnings: certificateUseWarnings(step3.certificates, oauth, step3.at, roleNeedsOAuth(server.role)),
  };
}

/** Everything the runbook says about one server, from its machine's snapshot. */
export function summarizeServer(
  server: Server,
  snapshot: ServerSnapshot,
  events: readonly DomainEvent[],
  pool: PoolStartStatus | null = null,
): ServerSummary {
  const context = snapshot.context;
  const status = serverStatus(snapshot);
  const gate = status.gate;
  const step3 = context.steps[3];
  return {
    fqdn: server.fqdn,
    pool: server.pool,
    role: server.role,
    roleLabel: ROLE_LABELS[server.role],
    phase: status.phase,
    statusText: phaseText(status, context.product),
    steps: steps(context, context.product),
    gate: gate.allowed
      ? { allowed: true, rule: gate.rule, label: GATE_RULE_LABELS[gate.rule], explanation: gateExplanation(gate) }
      : { allowed: false, rule: null, label: BLOCKED_LABEL, explanation: gateExplanation(gate) },
    remediations: remediations(context, events),
    evidence:
      context.evidence === null
        ? null
        : {
            at: context.evidence.at,
            operator: context.evidence.operator,
            proof: describeProof(context.evidence.proof),
          },
    override:
      context.override === null
        ? null
        : { at: context.override.at, operator: context.override.operator, reason: context.override.reason },
    overridden: step3?.rule === 'override',
    open: openItemOf(status, context, pool),
    certificates: step3Certificates(server, context.oauth, events),
  };
}

/** The summaries of every server of the deployment, in topology order. */
export function summarizeServers(session: DeploymentSession): ServerSummary[] {
  const deployment = session.deployment();
  if (deployment === null) return [];
  const byServer = new Map<string, DomainEvent[]>();
  for (const event of session.history) {
    if (!('server' in event) || event.server === undefined) continue;
    const key = normalizeFqdn(event.server);
    const list = byServer.get(key);
    if (list === undefined) byServer.set(key, [event]);
    else list.push(event);
  }
  return deployment.servers.flatMap((server) => {
    const snapshot = session.server(server.fqdn);
    return snapshot === undefined
      ? []
      : [
          summarizeServer(
            server,
            snapshot,
            byServer.get(normalizeFqdn(server.fqdn)) ?? [],
            poolStartOfServer(session.snapshot().context, server.fqdn),
          ),
        ];
  });
}
