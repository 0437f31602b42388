/**
 * A sign-off signs the whole history before it (issue 14): the session stamps how many events that is
 * and their fingerprint (document/fingerprint.ts); recording and replaying check both, so an entry
 * edited after it was signed makes the file refuse to open, naming the sign-off.
 */
import type { DomainEvent } from '../events/schema';

/** Why the sign-off does not stand on this history (whose fingerprint `fingerprint` gives), or null. */
export function signOffRefusal(
  history: readonly DomainEvent[],
  event: DomainEvent,
  fingerprint: () => string,
): string | null {
  if (event.type !== 'change.signed') return null;
  if (!history.some((e) => e.type === 'change.recorded'))
    return 'Record the change first (its ID, window, implementers, approver and rollback): a sign-off signs a change.';
  if (event.events !== history.length)
    return `It signs the first ${event.events} entries, but ${history.length} come before it: a sign-off signs the whole history before it.`;
  const now = fingerprint();
  if (now !== event.fingerprint)
    return `The history it signed has changed since it was signed (fingerprint then ${event.fingerprint.slice(0, 16)}…, now ${now.slice(0, 16)}…): an entry before this sign-off was edited.`;
  return null;
}
