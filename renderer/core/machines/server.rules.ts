/**
 * What one server accepts from its operator, each rule once: a function that returns why an event is
 * refused, in words an admin can act on, or null when it is accepted. The server machine's guards are
 * these functions `=== null`; the session says the same words when it refuses a command.
 */
import { gateOpenSince, proofCoversAssignment, type GateOpening } from '../gate/gate';
import { gateExplanation } from '../gate/gate-words';
import { stepTitle, type StepNumber } from '../model/product';
import { overrideSubstanceRefusal, WITHDRAWAL_REASON_MIN } from '../model/override';
import { checklistItem, type ChecklistItemId } from '../model/remediation';
import { beforeItsMinute, epochMs, type IsoTime, utcText } from '../model/time';
import { AUTOMATIC_CONDITIONS } from './checklist';
import {
  gateInputOf,
  gateOf,
  isBlocked,
  nextStep,
  stepsDone,
  type ServerContext,
  type ServerOperatorEvent,
} from './server.context';

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
  return `The evidence does not show that ${name}'s local store holds the OAuth assignment of ${utcText(oauth.at)}: it must be about ${name} and show the assigned thumbprint in ${name}'s own view, or the CMS master's record of it up to date with a last update after that time (event 3038 alone is not enough).`;
}

/** An override goes past a closed gate only, saying what was checked and under which change. */
function overrideRefusal(context: ServerContext, event: EventOf<'override.recorded'>): string | null {
  if (!isBlocked(context)) return `${context.fqdn} is not blocked, so there is nothing to override.`;
  return overrideSubstanceRefusal(event.reason, event.change);
}

/** An override is withdrawn only before a Step 3 used it, and with a reason. */
function withdrawalRefusal(context: ServerContext, event: EventOf<'override.withdrawn'>): string | null {
  const override = context.override;
  if (override === null) return `${context.fqdn} holds no override to withdraw.`;
  const step3 = context.steps[3];
  if (step3 !== undefined)
    return `The override on ${context.fqdn} was used: Step 3 went ahead on it at ${step3.at}. It stays in the record.`;
  if (event.reason.trim().length < WITHDRAWAL_REASON_MIN)
    return `Say why the override is withdrawn, in at least ${WITHDRAWAL_REASON_MIN} characters: the withdrawal stays in the record.`;
  return null;
}

/** How far ahead of its recording a time that evidence shows may be (a minute of clock difference). */
const EVIDENCE_FUTURE_TOLERANCE_MS = 60_000;

/** What opened the gate, for a refusal that names it. */
const OPENED_BY: Readonly<Record<GateOpening['rule'], string>> = {
  'replica-current': 'its local store was taken again, after the assignment, at',
  evidence: 'the accepted evidence shows its local store current at',
  override: 'the override was recorded at',
};

/** What an event is, in a refusal. */
function eventWords(context: ServerContext, event: ServerOperatorEvent): string {
  switch (event.type) {
    case 'step.completed':
      return `${stepTitle(context.product, event.step)} on ${context.fqdn}`;
    case 'remediation.chosen':
      return `Choosing path ${event.path} on ${context.fqdn}`;
    case 'remediation.item.completed':
      return `Path ${event.path}'s "${checklistItem(event.path, event.item)?.title ?? event.item}" on ${context.fqdn}`;
    case 'evidence.accepted':
      return `The evidence for ${context.fqdn}`;
    case 'override.recorded':
      return `The override on ${context.fqdn}`;
    case 'override.withdrawn':
      return `Withdrawing the override on ${context.fqdn}`;
  }
}

/**
 * Nothing is dated before what allowed it (issue 14): Step 3 not before its gate opened (the time the
 * evidence shows, the override's own time, the fresh Step 1); a path, an item, evidence or an override
 * not before the assignment that made the store stale; a path's items not before the path was chosen
 * or the item before them; and evidence whose own times lie in the future of its recording (a date
 * read in the wrong locale or zone, or a server clock that is wrong) does not count. An entry the
 * migration kept as an older version recorded it is not judged by these rules.
 */
function timeOrderRefusal(context: ServerContext, event: ServerOperatorEvent): string | null {
  if (event.unchecked === 'time-order') return null;
  const what = eventWords(context, event);
  const dated = `${what} is dated ${utcText(event.at)}`;
  if (event.type === 'step.completed') {
    if (event.step !== 3) return null;
    const open = gateOpenSince(gateInputOf(context));
    if (open === null || !beforeItsMinute(event.at, open.at)) return null;
    return `${dated}, before its gate was open: ${OPENED_BY[open.rule]} ${utcText(open.at)}. Enter the time Step 3 was really run, after that.`;
  }
  if (event.type === 'evidence.accepted') {
    const shown = [event.proof.lastUpdate, event.proof.event3038At].filter((t): t is IsoTime => t !== undefined);
    const future = shown.find((t) => epochMs(t) > epochMs(event.recordedAt) + EVIDENCE_FUTURE_TOLERANCE_MS);
    if (future !== undefined)
      return `${what} shows ${utcText(future)}, later than it was recorded (${utcText(event.recordedAt)}): no output shows the future. Check the console's locale (is 12/03 the 3rd of December or the 12th of March?), the time zone chosen for the server, and the server's clock, then judge it again.`;
  }
  if (
    event.type === 'override.withdrawn' &&
    context.override !== null &&
    beforeItsMinute(event.at, context.override.at)
  )
    return `${dated}, before the override was recorded (${utcText(context.override.at)}): check the date and time.`;
  const oauth = context.oauth;
  if (oauth !== null && beforeItsMinute(event.at, oauth.at))
    return `${dated}, before the OAuthTokenIssuer certificate was assigned on ${oauth.server} (${utcText(oauth.at)}), the assignment that left this server's local store stale: check the date and time.`;
  if (event.type === 'remediation.item.completed') {
    const chosen = context.switches.at(-1);
    if (chosen !== undefined && beforeItsMinute(event.at, chosen.at))
      return `${dated}, before path ${chosen.to} was chosen (${utcText(chosen.at)}): items are done after their path is chosen; check the date and time.`;
    const previous = context.items.filter((i) => i.path === event.path).at(-1);
    if (previous !== undefined && beforeItsMinute(event.at, previous.at))
      return `${dated}, before the item done before it (${checklistItem(previous.path, previous.item)?.title ?? previous.item}, ${utcText(previous.at)}): the items are done in order; check the date and time.`;
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
  return refusalOfItsKind(context, event, current) ?? timeOrderRefusal(context, event);
}

function refusalOfItsKind(
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
    case 'override.withdrawn':
      return withdrawalRefusal(context, event);
  }
}
