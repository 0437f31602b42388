import type { DomainEvent } from '../events/schema';
import type { IsoTime } from '../model/time';
import type { DeploymentSession } from '../session/session';
import { CURRENT_SCHEMA_VERSION, type DeploymentDocument } from './document';

/** The document for a session as it stands (the deployment must exist). */
export function toDocument(session: DeploymentSession, savedAt: IsoTime): DeploymentDocument {
  const deployment = session.deployment();
  if (deployment === null) throw new Error('Nothing to save: the deployment has not been created.');
  return {
    format: 'lync-runbook',
    schemaVersion: CURRENT_SCHEMA_VERSION,
    savedAt,
    deployment,
    history: [...session.history],
  };
}

/** Where the history's events start in a document's text, and what follows the last one. */
const HISTORY_OPENS = '\n "history": [\n  ';
const HISTORY_CLOSES = '\n ]\n}';

/**
 * The history's text as last written (what stands between its brackets), with the events it was
 * written from. A history only grows, and autosave writes it after every change on the UI thread:
 * the next save of the same history, longer by a few events, appends their text to this one instead
 * of writing out every event again.
 */
let written: { readonly events: readonly DomainEvent[]; readonly text: string } | null = null;

/** How many events of `history` the last written text holds (0 when it is not this history's). */
function writtenPrefix(history: readonly DomainEvent[]): number {
  const previous = written;
  if (previous === null || previous.events.length === 0 || previous.events.length > history.length) return 0;
  return previous.events.every((event, i) => event === history[i]) ? previous.events.length : 0;
}

/** An event as `JSON.stringify(document, null, 1)` writes it inside the history (two levels in). */
function eventText(event: DomainEvent): string {
  return JSON.stringify(event, null, 1).replace(/\n/g, '\n  ');
}

/**
 * The text written to a `.lyncrunbook` file: `JSON.stringify(document, null, 1)` (indented so a diff
 * of two saves is readable; the history last), with the history's text taken from the last save when
 * it continues it.
 */
export function serializeDocument(document: DeploymentDocument): string {
  const { history, ...head } = document;
  const from = writtenPrefix(history);
  if (from === 0) {
    // Written out whole; the history's part is kept (a slice shares the text) for the next save.
    const text = `${JSON.stringify(document, null, 1)}\n`;
    const start = text.indexOf(HISTORY_OPENS);
    if (history.length > 0 && start >= 0) {
      // Only the document's own keys start a line with one space: this is the history's opening.
      written = { events: history.slice(), text: text.slice(start + HISTORY_OPENS.length, -HISTORY_CLOSES.length - 1) };
    }
    return text;
  }
  const previous = written!;
  const added = history.slice(from).map(eventText);
  const events = added.length === 0 ? previous.text : `${previous.text},\n  ${added.join(',\n  ')}`;
  written = { events: history.slice(), text: events };
  // `{\n "format": …\n "deployment": {…}\n}`: the history goes in before the closing brace.
  return `${JSON.stringify(head, null, 1).slice(0, -2)},${HISTORY_OPENS}${events}${HISTORY_CLOSES}\n`;
}
