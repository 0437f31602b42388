/**
 * The checks of an event's time, made alike when a command is recorded and when a saved history is
 * replayed (the loader is as strict as the recorder): nothing dated in the future of the clock (or,
 * for a saved history, of when it was saved), nothing before the products existed, and the steps of
 * a server, and the OAuth assignment, in the order they can have happened. Each returns why the
 * event is refused, or null.
 */
import type { DomainEvent } from '../events/schema';
import { serverSnapshotOf, type DeploymentSnapshot } from '../machines/deployment.machine';
import { stepTitle } from '../model/product';
import { epochMs, type IsoTime, utcText } from '../model/time';

/** How far ahead of the clock a recorded time may be (workstation clocks differ a little). */
export const FUTURE_TOLERANCE_MS = 60_000;

/**
 * The earliest time an event can have: Lync Server 2013, the oldest product here, came out in 2012
 * (the field report deploys it on 24 November 2012: domain reference, source BLOG).
 */
export const EARLIEST_EVENT_TIME = '2012-01-01T00:00:00.000Z';

/** What an event's time is checked against: the clock now, or the time a saved history was saved. */
export type TimeLimit = { readonly now: IsoTime } | { readonly savedAt: IsoTime };

/**
 * Nothing is done in the future (a minute of clock difference is allowed), nor before 2012. A new
 * event is checked against the clock; a saved one against when it was recorded (what the clock said
 * then), and its recording against when the file was saved.
 */
export function timeRefusal(event: DomainEvent, limit: TimeLimit): string | null {
  const at = epochMs(event.at);
  if (at < epochMs(EARLIEST_EVENT_TIME)) {
    return `The time ${utcText(event.at)} is before Lync Server 2013 existed (it was released in 2012). Enter when it actually happened.`;
  }
  if ('now' in limit) {
    if (at <= epochMs(limit.now) + FUTURE_TOLERANCE_MS) return null;
    return `The time ${utcText(event.at)} is in the future (now is ${utcText(limit.now)}). Enter when it actually happened.`;
  }
  const recordedAt = epochMs(event.recordedAt);
  if (recordedAt < epochMs(EARLIEST_EVENT_TIME))
    return `It was recorded at ${utcText(event.recordedAt)}, before Lync Server 2013 existed: the recording time has been changed.`;
  if (recordedAt > epochMs(limit.savedAt) + FUTURE_TOLERANCE_MS)
    return `It was recorded at ${utcText(event.recordedAt)}, after the file was saved (${utcText(limit.savedAt)}): no entry can postdate its own saving.`;
  if (at > recordedAt + FUTURE_TOLERANCE_MS)
    return `It is dated ${utcText(event.at)}, after it was recorded (${utcText(event.recordedAt)}): nothing is recorded before it happens.`;
  return null;
}

/** Typed times have whole minutes; a step recorded "now" has seconds: times are compared within the minute. */
function minuteOf(ms: number): number {
  return ms - (ms % 60_000);
}

/**
 * A step dated before a step already recorded on the same server is a typing mistake (the wizard
 * runs them in order): taken as given, one wrong date could make a stale store look current. The
 * OAuth assignment, made in the assigning server's Step 3, is not dated before that server's Step 1
 * or Step 2.
 */
export function stepOrderRefusal(snapshot: DeploymentSnapshot, event: DomainEvent, limit: TimeLimit): string | null {
  if (event.type !== 'step.completed' && event.type !== 'oauth.assigned') return null;
  const server = serverSnapshotOf(snapshot, event.server);
  if (server === undefined) return null;
  const ctx = server.context;
  const at = epochMs(event.at);
  const latest = epochMs('now' in limit ? limit.now : limit.savedAt) + FUTURE_TOLERANCE_MS;
  const what =
    event.type === 'step.completed'
      ? `${stepTitle(ctx.product, event.step)} on ${ctx.fqdn}`
      : `The OAuthTokenIssuer assignment on ${ctx.fqdn}`;
  const before = event.type === 'step.completed' ? ([1, 2, 3, 4] as const) : ([1, 2] as const);
  for (const step of before) {
    const record = ctx.steps[step];
    if (record === undefined) continue;
    const recorded = epochMs(record.at);
    // A step recorded past the limit (a clock ahead when it was saved) must not lock the server.
    if (recorded > latest) continue;
    if (minuteOf(recorded) > at) {
      return `${what} is dated ${utcText(event.at)}, before ${stepTitle(ctx.product, step)} recorded there at ${utcText(record.at)}. ${
        event.type === 'step.completed'
          ? 'Steps are recorded in the order they happened'
          : 'The certificate is assigned in Step 3, after Steps 1 and 2'
      }: check the date and time.`;
    }
  }
  return null;
}

/**
 * Why a runbook or document cannot be dated `at` (an export time typed on the command line): before
 * the newest recording of its history, it would postdate nothing it holds; a JSON export so dated
 * would not open. Null when it can.
 */
export function exportTimeRefusal(history: readonly DomainEvent[], at: IsoTime): string | null {
  const newest = history.reduce<IsoTime | null>(
    (latest, e) => (latest === null || epochMs(e.recordedAt) > epochMs(latest) ? e.recordedAt : latest),
    null,
  );
  if (newest === null || epochMs(at) + FUTURE_TOLERANCE_MS >= epochMs(newest)) return null;
  return `The export time ${utcText(at)} is before the newest entry was recorded (${utcText(newest)}): an export cannot be dated before what it holds. Give a later --at, or leave it out to use now.`;
}
