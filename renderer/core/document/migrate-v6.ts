/**
 * Version 5 → 6: every event carries two times, when it happened (`at`) and when it was recorded
 * (`recordedAt`, stamped by the session). Version 5 kept one; what it recorded is taken as recorded
 * when it happened (the rule: nothing older says otherwise), so no migrated entry is marked
 * back-dated. Everything else is unchanged.
 */
type Raw = Record<string, unknown>;

/** A raw event with its recording time, the time it happened when it has none. */
export function withRecordingTime(event: Raw): Raw {
  if (typeof event !== 'object' || event === null || 'recordedAt' in event) return event;
  return { ...event, recordedAt: event.at };
}

/** The migration of a whole version 5 document to version 6. */
export function migrateToV6(doc: Raw): Raw {
  const history = Array.isArray(doc.history) ? (doc.history as Raw[]).map(withRecordingTime) : doc.history;
  return { ...doc, history, schemaVersion: 6 };
}
