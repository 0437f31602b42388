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
 * so its text is worked out once: saving after an event works out only that event's text, not the
 * whole history's (autosave runs after every change, on the UI thread).
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
 * does not have to), and once all are done, the history's; returns where to go on from. The UI calls
 * it while idle after opening a document.
 */
export function prepareEventTexts(history: readonly DomainEvent[], from: number, count: number): number {
  const end = Math.min(history.length, from + count);
  for (let i = from; i < end; i++) eventText(history[i]!);
  // The last chunk joins them, so the next save only appends.
  if (end === history.length && history.length > 0) historyText(history);
  return end;
}

/**
 * The history's text as last written, with the events it was written from: the next save of the same
 * history, longer by a few events, appends their text to it rather than joining every event's text
 * again. (A whole history is joined in one go, which gives one flat string; an append only links the
 * new text to it, so writing it out costs one copy, not a walk over thousands of pieces.)
 */
let written: { readonly events: readonly DomainEvent[]; readonly text: string } | null = null;

/** The events' texts, one after another as the history holds them (what goes between its brackets). */
function historyText(history: readonly DomainEvent[]): string {
  const previous = written;
  const from =
    previous !== null &&
    previous.events.length > 0 &&
    previous.events.length <= history.length &&
    previous.events.every((event, i) => event === history[i])
      ? previous.events.length
      : 0;
  const added = history.slice(from).map(eventText).join(',\n  ');
  const text = from === 0 ? added : from === history.length ? previous!.text : `${previous!.text},\n  ${added}`;
  written = { events: history.slice(), text };
  return text;
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
  const events = history.length === 0 ? '[]' : `[\n  ${historyText(history)}\n ]`;
  return `${top},\n "history": ${events}\n}\n`;
}
