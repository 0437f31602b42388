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

/** "fe01.contoso.local must finish Step 4: Start Services": what waiting for the CMS pool means now. */
export function cmsWaitText(context: ServerContext): string {
  const cms = context.cms;
  if (cms.pool === null) return 'No pool is marked as hosting the Central Management Store.';
  // Not this server itself, which is the one waiting.
  const others = cms.waitingFor.filter((w) => w.server !== context.fqdn);
  if (others.length === 0)
    return `The CMS pool ${cms.pool} has no other Front End in the deployment; choose path A or C.`;
  // The Front Ends closest to running.
  const closest = Math.max(...others.map((w) => w.nextStep));
  const names = others
    .filter((w) => w.nextStep === closest)
    .map((w) => `${w.server} must finish ${stepTitle(context.product, w.nextStep)}`);
  return `No Front End of the CMS pool ${cms.pool} runs yet. First ${names.length > 1 ? 'one of: ' : ''}${names.join('; ')}.`;
}

/** Each automatic condition: when it holds, and what the item says while it waits. */
export const AUTOMATIC_CONDITIONS: Readonly<
  Record<AutomaticCondition, { holds(context: ServerContext): boolean; waitText(context: ServerContext): string }>
> = {
  'cms-running': { holds: (context) => context.cms.running.length > 0, waitText: cmsWaitText },
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
