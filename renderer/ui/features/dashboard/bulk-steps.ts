/**
 * Bulk steps (issue 15, item 15): one step marked done on the servers selected on the dashboard, with
 * one time. What each server's own machine says of it is asked before anything is recorded, so the
 * admin sees which would be refused and why; recording goes through the session's `recordAll`.
 */
import type { Command } from '../../../core/events/schema';
import { gateOf } from '../../../core/machines/server.context';
import type { ServerSnapshot } from '../../../core/machines/server.machine';
import { serverStatus } from '../../../core/machines/status';
import { stepTitle, type StepNumber } from '../../../core/model/product';
import type { BatchResult } from '../../../core/session/session';
import { step1TimeMatters } from '../../components/finished-at';
import { formatTime } from '../../format';
import type { Workspace } from '../../workspace/workspace';

/** One selected server and what recording the step on it would meet: nothing (null), or why it is left out. */
export interface BulkVerdict {
  readonly fqdn: string;
  readonly refusal: string | null;
  /** Left out because it is recorded on the server's own page (its machine was not asked). */
  readonly ownPage: boolean;
}

/** The step's command for one server, at the batch's time (undefined: now, read once for all). */
export function stepCommand(fqdn: string, step: StepNumber, at: string | undefined): Command {
  return { type: 'step.completed', server: fqdn, step, ...(at === undefined ? {} : { at }) };
}

/**
 * Why the step is left out of a batch on this server though its machine would take it: what the
 * single "Mark done" form asks and a batch cannot. A re-run of Step 1 says how it was run, and a
 * Step 3 that assigns the OAuthTokenIssuer certificate gives its thumbprint; the other servers' gates
 * are judged against that assignment, so it is recorded on its own.
 */
function oneAtATime(snapshot: ServerSnapshot, step: StepNumber, timeZone: string): string | null {
  const ctx = snapshot.context;
  const done = ctx.steps[step];
  if ((step === 1 || step === 3) && done !== undefined)
    return `${stepTitle(ctx.product, step)} is already recorded on ${ctx.fqdn} (${formatTime(done.at, timeZone)}); record a re-run on the server's own page.`;
  const gate = gateOf(ctx);
  if (
    step === 3 &&
    serverStatus(snapshot).stepsDone === 2 &&
    gate.allowed &&
    gate.rule === 'assigns-oauth' &&
    !gate.assignedHere
  )
    return `No OAuthTokenIssuer certificate is assigned yet, so Step 3 on ${ctx.fqdn} would assign it: record it on the server's own page, with the certificate's thumbprint, so the other servers are judged against it.`;
  return null;
}

/** What each selected server's own machine says of the step at that time, in the order given. */
export function bulkVerdicts(
  workspace: Workspace,
  snapshots: readonly ServerSnapshot[],
  step: StepNumber,
  at: string | undefined,
  timeZone: string,
  operator: string,
): BulkVerdict[] {
  // The name typed this moment: the workspace takes it only after the screen has drawn.
  const by = operator.trim() === '' ? {} : { operator };
  return snapshots.map((snapshot) => {
    const fqdn = snapshot.context.fqdn;
    const own = oneAtATime(snapshot, step, timeZone);
    if (own !== null) return { fqdn, refusal: own, ownPage: true };
    return { fqdn, refusal: workspace.wouldRefuse({ ...stepCommand(fqdn, step, at), ...by }), ownPage: false };
  });
}

/** Why the batch's time must be typed: a Step 1 whose time decides a selected server's gate. */
export function bulkTimeMatters(snapshots: readonly ServerSnapshot[], step: StepNumber): string | undefined {
  if (step !== 1) return undefined;
  for (const snapshot of snapshots) {
    const why = step1TimeMatters(snapshot.context);
    if (why !== undefined) return why;
  }
  return undefined;
}

/** The step most of the selected servers have next (the lower on a tie), or Step 1 when none has one. */
export function usualNextStep(snapshots: readonly ServerSnapshot[]): StepNumber {
  const counts = new Map<StepNumber, number>();
  for (const snapshot of snapshots) {
    const next = serverStatus(snapshot).nextStep;
    if (next !== null) counts.set(next, (counts.get(next) ?? 0) + 1);
  }
  let best: StepNumber = 1;
  let most = 0;
  for (const step of [1, 2, 3, 4] as const) {
    const n = counts.get(step) ?? 0;
    if (n > most) [best, most] = [step, n];
  }
  return best;
}

/** How many servers are named in a list before it gives their number instead (every refusal is named). */
export const LISTED = 12;

/** "fe01.contoso.local", "fe01.contoso.local and fe02.contoso.local", "a, b and c". */
export function listOf(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** The servers by name, or by their number when there are too many to read. */
function named(fqdns: readonly string[]): string {
  return fqdns.length <= LISTED ? listOf(fqdns) : serversCount(fqdns.length);
}

/** "1 server", "3 servers". */
export function serversCount(n: number): string {
  return n === 1 ? '1 server' : `${n} servers`;
}

/** What the admin is told after a batch: what was recorded on which servers, and what was not and why. */
export interface BulkOutcome {
  /** True when the step was recorded on at least one server. */
  readonly recorded: boolean;
  readonly intent: 'success' | 'warning' | 'error';
  readonly title: string;
  readonly lines: readonly string[];
}

/**
 * The words of a batch's outcome: the servers recorded, then each left out (by the form, or refused by
 * its machine before or when its turn came) with the reason. `when` is the time recorded, in words.
 */
export function bulkOutcome(
  step: StepNumber,
  result: BatchResult,
  leftOut: readonly BulkVerdict[],
  when: (iso: string) => string,
): BulkOutcome {
  const recorded = result.items.flatMap((i) => (i.outcome === 'recorded' ? [i] : []));
  const lines: string[] = [];
  const notRecorded = [
    ...leftOut.map((v) => ({ fqdn: v.fqdn, why: v.refusal ?? '' })),
    ...result.items.flatMap((i) =>
      i.outcome === 'refused' || i.outcome === 'refused-when-recorded'
        ? [
            {
              fqdn: i.server ?? '',
              why: i.outcome === 'refused-when-recorded' ? `refused when its turn came: ${i.message}` : i.message,
            },
          ]
        : [],
    ),
  ];
  const heldBack = result.items.flatMap((i) => (i.outcome === 'held-back' && i.server !== null ? [i.server] : []));
  // Servers refused for the same reason (no operator, a read-only file) are named in one line.
  const byReason = new Map<string, string[]>();
  for (const { fqdn, why } of notRecorded) byReason.set(why, [...(byReason.get(why) ?? []), fqdn]);
  for (const [why, fqdns] of byReason) lines.push(`Not recorded on ${named(fqdns)}: ${why}`);
  if (heldBack.length > 0)
    lines.push(`Nothing was recorded, so ${named(heldBack)} ${heldBack.length === 1 ? 'waits' : 'wait'} too.`);
  const first = recorded[0];
  if (first === undefined)
    return { recorded: false, intent: 'error', title: `Step ${step} was not recorded on any server.`, lines };
  const where = named(recorded.map((i) => i.server ?? ''));
  const title = `Step ${step} recorded on ${where}, finished ${when(first.event.at)}.`;
  return { recorded: true, intent: lines.length === 0 ? 'success' : 'warning', title, lines };
}
