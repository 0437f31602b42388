/**
 * Two checks of the time typed that only new commands get: a history replayed later was checked when it
 * was recorded, and one written before these checks existed still opens. Each returns why the command is
 * refused, or null.
 */
import type { DomainEvent } from '../events/schema';
import { serverSnapshotOf, type DeploymentSnapshot } from '../machines/deployment.machine';
import { stepTitle } from '../model/product';
import { epochMs, type IsoTime } from '../model/time';

/** How far ahead of the clock a recorded time may be (workstation clocks differ a little). */
export const FUTURE_TOLERANCE_MS = 60_000;

/** Nothing is done in the future: a minute of clock difference is allowed. */
export function futureRefusal(event: DomainEvent, now: IsoTime): string | null {
  if (epochMs(event.at) <= epochMs(now) + FUTURE_TOLERANCE_MS) return null;
  return `The time ${event.at} is in the future (now is ${now}). Enter when it actually happened.`;
}

/**
 * A step dated before a step already recorded on the same server is a typing mistake (the wizard
 * runs them in order): taken as given, one wrong date could make a stale store look current.
 */
export function stepOrderRefusal(snapshot: DeploymentSnapshot, event: DomainEvent, now: IsoTime): string | null {
  if (event.type !== 'step.completed') return null;
  const server = serverSnapshotOf(snapshot, event.server);
  if (server === undefined) return null;
  const ctx = server.context;
  const at = epochMs(event.at);
  const latest = epochMs(now) + FUTURE_TOLERANCE_MS;
  for (const step of [1, 2, 3, 4] as const) {
    const record = ctx.steps[step];
    if (record === undefined) continue;
    const recorded = epochMs(record.at);
    // A step recorded in the future (a wrong clock, an older build) must not lock the server: it is not held against new steps.
    if (recorded > latest) continue;
    // Typed times have whole minutes; a step recorded "now" has seconds: compare within the minute.
    if (recorded - (recorded % 60_000) > at) {
      return `${stepTitle(ctx.product, event.step)} on ${ctx.fqdn} is dated ${event.at}, before ${stepTitle(ctx.product, step)} recorded there at ${record.at}. Steps are recorded in the order they happened: check the date and time.`;
    }
  }
  return null;
}
