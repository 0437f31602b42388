/**
 * The remediation checklists as states of the server machine, built from their one declaration
 * (model/remediation.ts): a state per item, named by its id and carrying it as meta, whose way out
 * follows from the item's kind. A new item needs no change here unless it brings a new kind or a
 * new automatic condition, which the compiler then asks for.
 */
import { and } from 'xstate';
import { stepTitle } from '../model/product';
import {
  checklistOf,
  type AutomaticCondition,
  type ChecklistItem,
  type ChecklistItemId,
  type RemediationPath,
} from '../model/remediation';
import type { ServerContext } from './server.context';
import { utcText } from '../model/time';

/**
 * True when replication cannot reach this server before the CMS pool starts, and the pool cannot
 * start without it: it is one of the members the CMS pool needs for its first start (D1).
 */
export function replicationCannotGoFirst(context: ServerContext): boolean {
  const cms = context.cms;
  if (cms.pool === null || cms.startedAt !== null || !cms.frontEnds.includes(context.fqdn)) return false;
  return cms.frontEnds.length - 1 < cms.need.needed;
}

/** What waiting for the CMS pool to start means now, for this server. */
export function cmsWaitText(context: ServerContext): string {
  const cms = context.cms;
  if (cms.pool === null) return 'No pool is marked as hosting the Central Management Store.';
  if (cms.startedAt !== null) return `The CMS pool ${cms.pool} started at ${utcText(cms.startedAt)}.`;
  if (!cms.startsAsPool) {
    const server = cms.frontEnds[0];
    if (server === undefined || server === context.fqdn) {
      return `This server hosts the Central Management Store (${cms.pool}), so replication cannot reach it first: use path A or C.`;
    }
    return `The CMS pool ${cms.pool} is a Standard Edition server that has not started: ${server} must finish ${stepTitle(context.product, 4)}.`;
  }
  const need = `its first start needs ${cms.need.needed} of its ${cms.frontEnds.length} Front Ends running together`;
  if (replicationCannotGoFirst(context)) {
    return `This server is one of the members ${cms.pool} needs for its first start (${cms.need.needed} of ${cms.frontEnds.length}); replication cannot reach it first — use path A or C.`;
  }
  const ready = cms.ready.length === 0 ? 'none has Step 3 done yet' : `ready: ${cms.ready.join(', ')}`;
  return `The CMS pool ${cms.pool} has not started: ${need} (${ready}). Start it when enough have finished Step 3; this server need not be one of them.`;
}

/** Each automatic condition: when it holds, and what the item says while it waits. */
export const AUTOMATIC_CONDITIONS: Readonly<
  Record<AutomaticCondition, { holds(context: ServerContext): boolean; waitText(context: ServerContext): string }>
> = {
  'cms-started': { holds: (context) => context.cms.startedAt !== null, waitText: cmsWaitText },
};

/** The meta of a checklist state: the item it waits for. */
export interface ChecklistStateMeta {
  readonly item: ChecklistItemId;
}

/** The guard that lets the operator's event through, told which item the state waits for (null outside a checklist). */
const accepts = (current: ChecklistItemId | null) => ({ type: 'accepts', params: { current } }) as const;

/** One item's state: how the checklist moves on from it. */
function itemState(path: RemediationPath, item: ChecklistItem, next: ChecklistItemId | undefined) {
  const meta: ChecklistStateMeta = { item: item.id };
  switch (item.kind) {
    case 'mark':
      return {
        meta,
        on: { 'remediation.item.completed': { guard: accepts(item.id), target: next, actions: 'recordItem' as const } },
      };
    case 'automatic':
      return {
        meta,
        always: { guard: { type: 'holds', params: { condition: item.doneWhen } } as const, target: next },
      };
    case 'step1':
      // Done by Step 1 again; the gate decides whether the fresh copy opens it.
      return {
        meta,
        on: {
          'step.completed': {
            guard: and([{ type: 'isStep', params: { step: 1 } } as const, accepts(item.id)]),
            actions: ['recordStep', { type: 'recordStepItem', params: { path, item: item.id } }, 'reportStep'] as const,
          },
        },
      };
    case 'evidence':
      // Accepted evidence opens the gate, which leaves the blocked state altogether.
      return { meta };
  }
}

/** The states of one path's checklist, in order, the first one initial. */
export function checklistStates(path: RemediationPath) {
  const items = checklistOf(path);
  const states: Record<string, ReturnType<typeof itemState>> = {};
  items.forEach((item, index) => {
    states[item.id] = itemState(path, item, items[index + 1]?.id);
  });
  return { initial: items[0]!.id, states };
}
