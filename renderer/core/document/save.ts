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

/**
 * Each recorded event's text as it stands in a saved history. An event never changes once recorded,
 * so its text is worked out once: saving after an event writes out only that event anew, not the
 * whole history (autosave runs after every change, on the UI thread).
 */
const eventTexts = new WeakMap<DomainEvent, string>();

/** An event as `JSON.stringify(document, null, 1)` writes it inside the history (two levels in). */
function eventText(event: DomainEvent): string {
  let text = eventTexts.get(event);
  if (text === undefined) {
    text = JSON.stringify(event, null, 1).replace(/\n/g, '\n  ');
    eventTexts.set(event, text);
  }
  return text;
}

/**
 * Works out the saved text of up to `count` events from `from` ahead of the next save (so that save
 * does not have to); returns where to go on from. The UI calls it while idle after opening a document.
 */
export function prepareEventTexts(history: readonly DomainEvent[], from: number, count: number): number {
  const end = Math.min(history.length, from + count);
  for (let i = from; i < end; i++) eventText(history[i]!);
  return end;
}

/**
 * The text written to a `.lyncrunbook` file: JSON, indented so a diff of two saves is readable. The
 * same text as `JSON.stringify(document, null, 1)` (with the history last), put together from each
 * event's text.
 */
export function serializeDocument(document: DeploymentDocument): string {
  const { history, ...head } = document;
  // `{\n "format": …\n "deployment": {…}\n}`: the history goes in before the closing brace.
  const top = JSON.stringify(head, null, 1).slice(0, -2);
  const events = history.length === 0 ? '[]' : `[\n  ${history.map(eventText).join(',\n  ')}\n ]`;
  return `${top},\n "history": ${events}\n}\n`;
}
