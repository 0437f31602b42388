/**
 * An event's two times (events/schema.ts): when it happened and when it was recorded. An entry
 * typed as done well before it was recorded is back-dated and says so wherever it is shown; the
 * record is read in the order things happened.
 */
import { epochMs, type IsoTime } from '../model/time';

/**
 * How long after it happened an event may be recorded before it counts as back-dated: the time to
 * read a console's clock and type it in. Beyond it the entry was written afterwards, from memory or
 * notes, and a reader must know.
 */
export const BACK_DATED_AFTER_MS = 10 * 60_000;

interface Timed {
  readonly at: IsoTime;
  readonly recordedAt: IsoTime;
}

/** Whether the event was recorded more than BACK_DATED_AFTER_MS after it happened. */
export function isBackDated(event: Timed): boolean {
  return epochMs(event.recordedAt) - epochMs(event.at) > BACK_DATED_AFTER_MS;
}

/** Whether the two times differ enough to show both: by a minute or more (typed times have whole minutes). */
export function recordedLater(event: Timed): boolean {
  return epochMs(event.recordedAt) - epochMs(event.at) >= 60_000;
}

/** Orders by when things happened; events of the same moment keep the order they were recorded in. */
export function byWhenItHappened<T extends { readonly at: IsoTime; readonly seq: number }>(a: T, b: T): number {
  return epochMs(a.at) - epochMs(b.at) || a.seq - b.seq;
}
