import { matchesState, type StateValue } from 'xstate';
import type { RemediationPath } from '../events/schema';
import type { GateVerdict } from '../gate/gate';
import { ROLE_LABELS } from '../model/deployment';
import { shortName } from '../model/fqdn';
import { stepTitle, type StepNumber } from '../model/product';
import { REMEDIATIONS, type ChecklistItem } from './remediation';
import { gateOf, type ServerContext } from './server.machine';

/** Where a server stands, in the words the dashboard and the command line use. */
export type ServerPhase =
  'awaiting-step1' | 'awaiting-step2' | 'ready-for-step3' | 'blocked' | 'awaiting-step4' | 'services-running';

/** A server's state, derived from its machine snapshot, for display and for the runbook. */
export interface ServerStatus {
  readonly fqdn: string;
  readonly phase: ServerPhase;
  /** The highest step done (0 before Step 1). */
  readonly stepsDone: 0 | StepNumber;
  readonly gate: GateVerdict;
  /** The remediation path under way, with the item to do next (null when none is chosen or the server is not blocked). */
  readonly remediation: {
    readonly path: RemediationPath;
    readonly next: ChecklistItem | null;
    readonly waitingFor: string | null;
  } | null;
}

/** The state value of a server machine, as XState reports it. */
export type ServerStateValue = string | { readonly [key: string]: ServerStateValue };

function matches(value: ServerStateValue, path: readonly string[]): boolean {
  return matchesState(path.join('.'), value as StateValue);
}

function leafOf(value: ServerStateValue): string {
  if (typeof value === 'string') return value;
  const [key, child] = Object.entries(value)[0] ?? ['', ''];
  return child === undefined ? key : leafOf(child);
}

/** Which item of the chosen path comes next, and what it waits for. */
function remediationOf(value: ServerStateValue, context: ServerContext): ServerStatus['remediation'] {
  if (context.path === null || !matches(value, ['awaitingStep3', 'blocked'])) return null;
  const inPath = matches(value, ['awaitingStep3', 'blocked', `path${context.path}`]);
  if (!inPath) return null;
  const leaf = leafOf(value);
  const byState: Record<string, string> = {
    export: 'export',
    import: 'import',
    verify: 'verify',
    waitingForCms: 'cms-running',
    startAgent: 'start-agent',
    awaitEvent3038: 'event-3038',
    awaitReplication: 'replication-complete',
    rerunStep1: 'rerun-step1',
  };
  const next = REMEDIATIONS[context.path].items.find((i) => i.id === byState[leaf]) ?? null;
  return { path: context.path, next, waitingFor: leaf === 'waitingForCms' ? cmsWaitText(context) : null };
}

/**
 * "fe01.contoso.local must finish Step 4: Start Services" — what path B waits for: the CMS-pool
 * Front Ends closest to running (not this server itself, which is the one waiting).
 */
export function cmsWaitText(context: ServerContext): string {
  const cms = context.cms;
  if (cms.pool === null) return 'No pool is marked as hosting the Central Management Store.';
  const others = cms.waitingFor.filter((w) => w.server !== context.fqdn);
  if (others.length === 0)
    return `The CMS pool ${cms.pool} has no other Front End in the deployment; choose path A or C.`;
  const closest = Math.max(...others.map((w) => w.nextStep));
  const names = others
    .filter((w) => w.nextStep === closest)
    .map((w) => `${w.server} must finish ${stepTitle(context.product, w.nextStep)}`);
  return `No Front End of the CMS pool ${cms.pool} runs yet. First ${names.length > 1 ? 'one of: ' : ''}${names.join('; ')}.`;
}

/** The status of a server from its state value and context. */
export function serverStatus(value: ServerStateValue, context: ServerContext): ServerStatus {
  const stepsDone = ([4, 3, 2, 1] as const).find((s) => context.steps[s] !== undefined) ?? 0;
  let phase: ServerPhase;
  if (matches(value, ['awaitingStep1'])) phase = 'awaiting-step1';
  else if (matches(value, ['awaitingStep2'])) phase = 'awaiting-step2';
  else if (matches(value, ['awaitingStep3', 'blocked'])) phase = 'blocked';
  else if (matches(value, ['awaitingStep3'])) phase = 'ready-for-step3';
  else if (matches(value, ['awaitingStep4'])) phase = 'awaiting-step4';
  else phase = 'services-running';
  return { fqdn: context.fqdn, phase, stepsDone, gate: gateOf(context), remediation: remediationOf(value, context) };
}

/** One line a person reads: "fe02 (Front End): blocked — stale local replica …". */
export function describeStatus(status: ServerStatus, context: ServerContext): string {
  const who = `${status.fqdn} (${ROLE_LABELS[context.role]})`;
  switch (status.phase) {
    case 'awaiting-step1':
    case 'awaiting-step2':
    case 'awaiting-step4': {
      const next = status.phase === 'awaiting-step1' ? 1 : status.phase === 'awaiting-step2' ? 2 : 4;
      return `${who}: next ${stepTitle(context.product, next)}`;
    }
    case 'ready-for-step3':
      return `${who}: ready for ${stepTitle(context.product, 3)}`;
    case 'blocked': {
      const r = status.remediation;
      const path =
        r === null
          ? 'choose a remediation'
          : `path ${r.path}${r.next ? `, next: ${r.next.title}` : ''}${r.waitingFor ? ` (waiting: ${r.waitingFor})` : ''}`;
      return `${who}: blocked, stale local replica — ${path}`;
    }
    case 'services-running':
      return `${who}: done, services running (Step 4 at ${context.steps[4]?.at ?? '?'})`;
  }
}

/** The compact name used in tight places (dashboard rows, runbook tables). */
export function serverLabel(fqdn: string): string {
  return shortName(fqdn);
}
