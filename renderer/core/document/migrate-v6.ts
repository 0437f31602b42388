/**
 * Version 5 → 6: every event carries two times, when it happened (`at`) and when it was recorded
 * (`recordedAt`, stamped by the session). Version 5 kept one; what it recorded is taken as recorded
 * when it happened (nothing older says otherwise), so no migrated entry is marked back-dated.
 *
 * Version 6 also refuses an entry dated before what allowed it (a Step 3 before the evidence or the
 * override that opened its gate, an item before its path was chosen); version 5 did not check, so a
 * file of it may hold one. Such an entry is kept as it was recorded, marked `unchecked: 'time-order'`:
 * the rule is not applied to it and the runbook shows it as a contradiction. The history is replayed
 * through the current machines to find them; an event refused for another reason ends the migration
 * there, and opening the file reports it.
 */
import { domainEventSchema } from '../events/schema';
import { DeploymentSession } from '../session/session';
import { asCurrentShape } from './migrate-v7';

type Raw = Record<string, unknown>;

/** A raw event with its recording time, the time it happened when it has none. */
export function withRecordingTime(event: Raw): Raw {
  if (typeof event !== 'object' || event === null || 'recordedAt' in event) return event;
  return { ...event, recordedAt: event.at };
}

function migrateHistory(history: readonly Raw[]): Raw[] {
  const session = DeploymentSession.empty();
  const out: Raw[] = [];
  for (const [index, original] of history.entries()) {
    const raw = asCurrentShape(original);
    const parsed = domainEventSchema.safeParse(raw);
    if (!parsed.success) return [...out, ...history.slice(index).map(asCurrentShape)];
    if (session.replayOne(parsed.data) === null) {
      out.push(raw);
      continue;
    }
    const kept = { ...parsed.data, unchecked: 'time-order' as const };
    if (session.replayOne(kept) !== null) return [...out, ...history.slice(index).map(asCurrentShape)];
    out.push({ ...raw, unchecked: 'time-order' });
  }
  return out;
}

/** The migration of a whole version 5 document to version 6. */
export function migrateToV6(doc: Raw): Raw {
  const history = Array.isArray(doc.history) ? migrateHistory(doc.history as Raw[]) : doc.history;
  return { ...doc, history, schemaVersion: 6 };
}
