/**
 * What one server accepts from its operator, each rule once: a function that returns why an event is
 * refused, in words an admin can act on, or null when it is accepted. The server machine's guards are
 * these functions `=== null`; the session says the same words when it refuses a command.
 */
import { proofCoversAssignment } from '../gate/gate';
import { gateExplanation } from '../gate/gate-words';
import { stepTitle, type StepNumber } from '../model/product';
import { checklistItem, type ChecklistItemId } from '../model/remediation';
import { AUTOMATIC_CONDITIONS } from './checklist';
import { gateOf, isBlocked, nextStep, stepsDone, type ServerContext, type ServerOperatorEvent } from './server.context';

type EventOf<T extends ServerOperatorEvent['type']> = Extract<ServerOperatorEvent, { type: T }>;

/** Steps run in order; Step 1 may run again at any time, Step 3 again through the gate; Steps 2 and 4 once. */
function stepRefusal(context: ServerContext, event: EventOf<'step.completed'>): string | null {
  const { step } = event;
  const done = stepsDone(context);
  const title = stepTitle(context.product, step);
  if (step === 1) return null;
  if (step > done + 1 && !(step === 3 && done >= 3)) {
    return `${title} on ${context.fqdn} needs ${stepTitle(context.product, nextStep(context) as StepNumber)} first.`;
  }
  if (step === 3) {
    const gate = gateOf(context);
    return gate.allowed ? null : gateExplanation(gate);
  }
  if (step === done + 1) return null;
  return `${title} is already recorded on ${context.fqdn} (at ${context.steps[step]?.at ?? '?'}).`;
}

/** A path is chosen, or switched to, only while the server is blocked. */
function pathRefusal(context: ServerContext, event: EventOf<'remediation.chosen'>): string | null {
  if (!isBlocked(context)) return `${context.fqdn} is not blocked, so it needs no remediation.`;
  if (event.path === context.path) return `Path ${event.path} is already the chosen path on ${context.fqdn}.`;
  return null;
}

/** The items of the chosen path are marked in order, and only those the admin does by hand. */
function itemRefusal(
  context: ServerContext,
  event: EventOf<'remediation.item.completed'>,
  current: ChecklistItemId | null,
): string | null {
  const name = context.fqdn;
  if (!isBlocked(context)) return `${name} is not blocked, so it needs no remediation.`;
  if (context.path !== event.path) {
    return context.path === null
      ? `Choose path ${event.path} on ${name} first.`
      : `${name} is on path ${context.path}, not ${event.path}; switch path first.`;
  }
  const now = current === null ? undefined : checklistItem(context.path, current);
  if (now?.kind === 'automatic') {
    return `Path ${context.path} cannot go on yet. ${AUTOMATIC_CONDITIONS[now.doneWhen].waitText(context)}`;
  }
  if (checklistItem(event.path, event.item) === undefined) return `Path ${event.path} has no item "${event.item}".`;
  if (now === undefined) return `That item of path ${event.path} is already done on ${name}.`;
  if (now.kind === 'mark' && now.id === event.item) return null;
  return `Next on path ${event.path} is "${now.title}"; do the items in order.`;
}

/** Evidence counts only when it proves this server's local store holds the assignment. */
function evidenceRefusal(context: ServerContext, event: EventOf<'evidence.accepted'>): string | null {
  const oauth = context.oauth;
  if (oauth === null)
    return 'No OAuthTokenIssuer certificate is assigned yet, so there is nothing for evidence to prove.';
  if (proofCoversAssignment(event.proof, context.fqdn, oauth)) return null;
  const name = context.fqdn;
  return `The evidence does not show that ${name}'s local store holds the OAuth assignment of ${oauth.at}: it must be about ${name} and show the assigned thumbprint in ${name}'s own view, or the CMS master's record of it up to date with a last update after that time (event 3038 alone is not enough).`;
}

/** An override goes past a closed gate only, and only with a written reason. */
function overrideRefusal(context: ServerContext, event: EventOf<'override.recorded'>): string | null {
  if (!isBlocked(context)) return `${context.fqdn} is not blocked, so there is nothing to override.`;
  if (event.reason.trim().length === 0) {
    return 'An override needs a written reason: say why Step 3 may go ahead on a stale local store.';
  }
  return null;
}

/**
 * Why this server refuses the event, or null when it takes it. `current` is the checklist item the
 * server waits for (its state's meta), or null when it is not in a remediation checklist.
 */
export function serverRefusal(
  context: ServerContext,
  event: ServerOperatorEvent,
  current: ChecklistItemId | null,
): string | null {
  switch (event.type) {
    case 'step.completed':
      return stepRefusal(context, event);
    case 'remediation.chosen':
      return pathRefusal(context, event);
    case 'remediation.item.completed':
      return itemRefusal(context, event, current);
    case 'evidence.accepted':
      return evidenceRefusal(context, event);
    case 'override.recorded':
      return overrideRefusal(context, event);
  }
}
