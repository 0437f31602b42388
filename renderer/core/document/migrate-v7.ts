/**
 * Version 6 → 7: an override says under which change or ticket it was approved (issue 14), and an
 * override not yet used can be withdrawn (a new event). Version 6 did not ask: its overrides get
 * OVERRIDE_CHANGE_NOT_ASKED, which the runbook shows as not recorded and no command can give; their
 * reasons keep the one rule they had (not empty). Everything else is unchanged.
 */
import { OVERRIDE_CHANGE_NOT_ASKED } from '../model/override';
import { withRecordingTime } from './migrate-v6';

type Raw = Record<string, unknown>;

/** A raw override with its change, the "not asked" marker when it has none. */
export function withOverrideChange(event: Raw): Raw {
  if (typeof event !== 'object' || event === null || event.type !== 'override.recorded' || 'change' in event)
    return event;
  return { ...event, change: OVERRIDE_CHANGE_NOT_ASKED };
}

/**
 * A raw event of an older version in the shape the current schema reads (the fields later versions
 * added, filled as their migrations fill them): what a migration that replays through the current
 * machines parses.
 */
export function asCurrentShape(event: Raw): Raw {
  return withOverrideChange(withRecordingTime(event));
}

/** The migration of a whole version 6 document to version 7. */
export function migrateToV7(doc: Raw): Raw {
  const history = Array.isArray(doc.history) ? (doc.history as Raw[]).map(withOverrideChange) : doc.history;
  return { ...doc, history, schemaVersion: 7 };
}
