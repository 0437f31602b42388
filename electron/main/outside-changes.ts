import { CURRENT_SCHEMA_VERSION } from '../../renderer/core/document/document';
import { MIGRATIONS } from '../../renderer/core/document/migrations';

/*
 * Telling whether a save would lose events recorded into the file by someone else (the command
 * line, another copy of the app) since this window opened or last saved it. A document's history
 * only grows, so the file is safe to replace exactly when its history is a prefix of the one
 * being saved.
 */

/**
 * The `history` array of a document's text as this version reads it (an older file's migrated
 * first, since this window holds it migrated), or null when the text has none.
 */
export function historyOf(text: string): readonly unknown[] | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  let doc = parsed as Record<string, unknown>;
  const version = doc.schemaVersion;
  if (typeof version === 'number' && Number.isInteger(version)) {
    for (let v = version; v < CURRENT_SCHEMA_VERSION; v++) {
      const migrate = MIGRATIONS[v];
      if (migrate === undefined) return null;
      doc = migrate(doc);
    }
  }
  return Array.isArray(doc.history) ? doc.history : null;
}

// Key order is not meaning: the core writes events in creation order but reads them back in
// schema order, so the same event may be spelled two ways by two writers.
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * How many events of the history on disk the history being saved lacks: 0 when the file's history
 * is a prefix of it (saving loses nothing), else every event from the first that differs.
 */
export function eventsOnlyOnDisk(onDisk: readonly unknown[], saving: readonly unknown[]): number {
  let same = 0;
  while (same < onDisk.length && same < saving.length && canonicalJson(onDisk[same]) === canonicalJson(saving[same]))
    same++;
  return onDisk.length - same;
}
