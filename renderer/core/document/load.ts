import { DeploymentSession, type Recorder } from '../session/session';
import {
  CURRENT_SCHEMA_VERSION,
  documentBytes,
  documentSchema,
  MAX_DOCUMENT_BYTES,
  withinDocumentLimit,
  type DeploymentDocument,
} from './document';
import { capText, visibleText } from '../model/visible-text';
import { MIGRATIONS } from './migrations';
import { mismatchWords } from '../session/integrity';

/** A document read and checked (with the session its history replays to), or the reason it was refused (the file is never changed). */
export type LoadResult =
  | {
      readonly ok: true;
      readonly document: DeploymentDocument;
      readonly session: DeploymentSession;
      readonly migratedFrom: number | null;
    }
  | { readonly ok: false; readonly message: string };

const WHAT_TO_DO = 'The file was left as it is.';

function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  const shown = issues.slice(0, 3).map((i) => `${i.path.map(String).join('.') || '(top)'}: ${i.message}`);
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : '';
  return shown.join('; ') + more;
}

/**
 * Opens a `.lyncrunbook` document from its text: refuses what is not one, a newer or unknown
 * version, or one that does not validate, each with a message saying what is wrong; migrates
 * older versions; and checks that the history replays and yields the stored deployment. The
 * session returned is that replay, recording as `recorder` (none: it only reads). Every place that
 * opens a document opens it here.
 */
export function parseDocument(text: string, recorder: Recorder | null = null): LoadResult {
  const result = openText(text, recorder);
  if (result.ok) return result;
  // A refusal may quote the file (a JSON error shows where it stopped, a key its name): what it
  // quotes is shown with its controls and hidden marks as codes, and never at length.
  return { ok: false, message: capText(visibleText(result.message), MAX_REFUSAL_CHARS) };
}

/** The longest refusal shown: enough for three schema problems and a history event's reason. */
const MAX_REFUSAL_CHARS = 1_200;

function openText(text: string, recorder: Recorder | null): LoadResult {
  if (!withinDocumentLimit(text)) {
    return {
      ok: false,
      message: `This file is too large to be a lync-runbook deployment (${Math.round(documentBytes(text) / 1048576)} MB; at most ${MAX_DOCUMENT_BYTES / 1048576} MB is read). ${WHAT_TO_DO}`,
    };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      message: `This file is not a lync-runbook deployment: it is not valid JSON (${detail}). It may be damaged or cut short. ${WHAT_TO_DO}`,
    };
  }
  if (
    typeof raw !== 'object' ||
    raw === null ||
    Array.isArray(raw) ||
    (raw as Record<string, unknown>).format !== 'lync-runbook'
  ) {
    return {
      ok: false,
      message: `This file is not a lync-runbook deployment (it has no "format": "lync-runbook"). ${WHAT_TO_DO}`,
    };
  }
  let doc = raw as Record<string, unknown>;
  const version = doc.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return {
      ok: false,
      message: `This deployment file has an unknown schema version (${JSON.stringify(version) ?? 'none'}). ${WHAT_TO_DO}`,
    };
  }
  if (version > CURRENT_SCHEMA_VERSION) {
    return {
      ok: false,
      message: `This deployment was saved by a newer version of lync-runbook (schema version ${version}); this version reads up to ${CURRENT_SCHEMA_VERSION}. Update lync-runbook to open it. ${WHAT_TO_DO}`,
    };
  }
  for (let v = version; v < CURRENT_SCHEMA_VERSION; v++) {
    const migrate = MIGRATIONS[v];
    if (migrate === undefined) return { ok: false, message: `No migration from schema version ${v}. ${WHAT_TO_DO}` };
    doc = migrate(doc);
  }
  const parsed = documentSchema.safeParse(doc);
  if (!parsed.success) {
    return {
      ok: false,
      message: `This deployment file does not validate: ${describeIssues(parsed.error.issues)}. ${WHAT_TO_DO}`,
    };
  }
  const document = parsed.data as DeploymentDocument;
  if (document.history[0]?.type !== 'deployment.created') {
    return {
      ok: false,
      message: `This deployment file's history does not start with the creation of the deployment. ${WHAT_TO_DO}`,
    };
  }
  const replayed = DeploymentSession.replay(document.history, document.savedAt, recorder);
  if (!replayed.ok) {
    const event = document.history[replayed.index];
    const changed =
      replayed.changed.length === 0
        ? ''
        : ` It was changed after it was recorded: ${mismatchWords(document.history, replayed.changed)}.`;
    return {
      ok: false,
      message: `This deployment file's history is inconsistent at event ${replayed.index + 1} (${event?.type}): ${replayed.message}${changed} ${WHAT_TO_DO}`,
    };
  }
  if (JSON.stringify(replayed.session.deployment()) !== JSON.stringify(document.deployment)) {
    const { changed } = replayed.session.integrity();
    const edited =
      changed.length === 0 ? '' : ` It was changed after it was recorded: ${mismatchWords(document.history, changed)}.`;
    return { ok: false, message: `This deployment file's topology does not match its history.${edited} ${WHAT_TO_DO}` };
  }
  return {
    ok: true,
    document,
    session: replayed.session,
    migratedFrom: version === CURRENT_SCHEMA_VERSION ? null : version,
  };
}
