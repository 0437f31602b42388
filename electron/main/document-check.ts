import { parseDocument } from '../../renderer/core/document/load';

/** The verdict on a document's text: fine, or the message saying why it is refused. */
export type DocumentCheck = (text: string) => { readonly ok: true } | { readonly ok: false; readonly message: string };

// parseDocument replays the history to check it; the clock and operator only stamp new commands,
// which a replay never records.
const REPLAY_OPTIONS = { clock: { now: () => '1970-01-01T00:00:00.000Z' }, operator: 'lync-runbook' };

/**
 * The core's own check (corrupt, foreign, newer or inconsistent documents are refused), used by
 * main before it opens a file and before it writes one, so it never saves what it could not reopen.
 */
export const checkDocumentText: DocumentCheck = (text) => {
  const result = parseDocument(text, REPLAY_OPTIONS);
  return result.ok ? { ok: true } : { ok: false, message: result.message };
};
