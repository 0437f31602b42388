/**
 * Whether a history is as it was recorded (its hash chain, document/fingerprint.ts), and what the
 * app says when it is not. A history with a changed entry opens read-only: nothing is recorded in
 * it, and every screen and every runbook made from it carries `integrityWarning`.
 */
import type { DomainEvent } from '../events/schema';
import { utcText } from '../model/time';

/** A history's chain: its head, and the entries (by index) that do not match their hash. */
export interface Integrity {
  readonly head: string;
  readonly changed: readonly number[];
}

/** How many changed entries are named one by one; the rest are counted. */
const NAMED = 5;

/** One event as the warning names it: its number in the history (from 1), its type and its server. */
function entryWords(history: readonly DomainEvent[], index: number): string {
  const event = history[index];
  if (event === undefined) return `event ${index + 1}`;
  const server = 'server' in event && typeof event.server === 'string' ? ` on ${event.server}` : '';
  return `event ${index + 1} (${event.type}${server}, dated ${utcText(event.at)})`;
}

/** The events named: "event 12 (…)", "event 12 (…) and event 14 (…)", "…, and 3 more". */
export function changedEntriesWords(history: readonly DomainEvent[], changed: readonly number[]): string {
  const named = changed.slice(0, NAMED).map((i) => entryWords(history, i));
  const more = changed.length > NAMED ? `, and ${changed.length - NAMED} more` : '';
  if (named.length <= 1) return `${named[0] ?? 'no event'}${more}`;
  return `${named.slice(0, -1).join(', ')}${more === '' ? ' and ' : ', '}${named.at(-1)}${more}`;
}

/** "event 12 (…) does not match the hash recorded with it", or the same of several. */
export function mismatchWords(history: readonly DomainEvent[], changed: readonly number[]): string {
  const one = changed.length === 1;
  return `${changedEntriesWords(history, changed)} ${one ? 'does' : 'do'} not match the hash recorded with ${one ? 'it' : 'them'}`;
}

/** The title of the warning. */
export const INTEGRITY_TITLE = 'This file was changed after it was recorded: open read-only';

/**
 * The warning for a history whose chain does not verify (null when it does): which entries, what it
 * means, what the app does about it and what the admin can do.
 */
export function integrityWarning(history: readonly DomainEvent[], integrity: Integrity): string | null {
  if (integrity.changed.length === 0) return null;
  return (
    `${capitalised(mismatchWords(history, integrity.changed))}. The file was edited outside lync-runbook (or an event was added, removed or reordered) after it was recorded, ` +
    'so what those events say may not be what was done. It is open read-only: nothing can be recorded in it, and every runbook exported from it carries this warning. ' +
    'Compare it with the runbook filed with the change (its chain head) or with the .bak copy beside the file.'
  );
}

/** Why nothing can be recorded in a history whose chain does not verify. */
export function readOnlyRefusal(history: readonly DomainEvent[], integrity: Integrity): string | null {
  if (integrity.changed.length === 0) return null;
  return `This deployment is open read-only: ${mismatchWords(history, integrity.changed)}, so the file was changed after it was recorded. Nothing can be recorded in it.`;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
