/** Where a server stands, read from its machine: the phase from the state's tag, the checklist item from its meta. */
import type { GateVerdict } from '../gate/gate';
import type { StepNumber } from '../model/product';
import { checklistItem, type ChecklistItem, type ChecklistItemId, type RemediationPath } from '../model/remediation';
import { AUTOMATIC_CONDITIONS } from './checklist';
import { gateOf, nextStep, SERVER_PHASES, stepsDone, type ServerPhase } from './server.context';
import type { ServerSnapshot } from './server.machine';

/** A server's state, derived from its machine snapshot, for display and for the runbook. */
export interface ServerStatus {
  readonly fqdn: string;
  readonly phase: ServerPhase;
  /** The highest step done (0 before Step 1). */
  readonly stepsDone: 0 | StepNumber;
  /** The wizard step the server does next (3 while it is blocked there), or null once its services run. */
  readonly nextStep: StepNumber | null;
  readonly gate: GateVerdict;
  /**
   * The remediation path under way, with the item to do next and, while that item waits for a fact,
   * what it waits for (null when no path is chosen or the server is not blocked).
   */
  readonly remediation: {
    readonly path: RemediationPath;
    readonly next: ChecklistItem | null;
    readonly waitingFor: string | null;
  } | null;
}

/** The checklist item the server's state waits for, from its meta; null outside a checklist. */
export function currentItem(snapshot: ServerSnapshot): ChecklistItemId | null {
  for (const meta of Object.values(snapshot.getMeta())) if (meta?.item !== undefined) return meta.item;
  return null;
}

/** The phase the server's state is tagged with. */
export function phaseOf(snapshot: ServerSnapshot): ServerPhase {
  const phase = SERVER_PHASES.find((p) => snapshot.hasTag(p));
  if (phase === undefined)
    throw new Error(`The server machine is in an untagged state: ${JSON.stringify(snapshot.value)}`);
  return phase;
}

function statusOf(snapshot: ServerSnapshot): ServerStatus {
  const context = snapshot.context;
  const item = currentItem(snapshot);
  const path = context.path;
  const next = item === null || path === null ? null : (checklistItem(path, item) ?? null);
  const waitingFor = next?.kind === 'automatic' ? AUTOMATIC_CONDITIONS[next.doneWhen].waitText(context) : null;
  return {
    fqdn: context.fqdn,
    phase: phaseOf(snapshot),
    stepsDone: stepsDone(context),
    nextStep: nextStep(context),
    gate: gateOf(context),
    remediation: item === null || path === null ? null : { path, next, waitingFor },
  };
}

/**
 * Each snapshot's status. A snapshot never changes, so a read across the deployment after an event
 * (the next action, a state filter) works out only the statuses of the servers that event changed.
 */
const statuses = new WeakMap<ServerSnapshot, ServerStatus>();

/** The status of a server from its machine snapshot. */
export function serverStatus(snapshot: ServerSnapshot): ServerStatus {
  let status = statuses.get(snapshot);
  if (status === undefined) {
    status = statusOf(snapshot);
    statuses.set(snapshot, status);
  }
  return status;
}

/**
 * True while the server's Step 3 waits for proof that its local store is current: its Step 1 took
 * the store before the assignment (the gate is closed on a stale replica) and Step 3 is not done.
 */
export function waitsForEvidence(status: ServerStatus): boolean {
  return !status.gate.allowed && status.gate.step1At !== null && status.stepsDone < 3;
}
