/**
 * Version 4 → 5: accepted evidence is judged again from its paste whenever a history is opened, and
 * the judges ask more of a paste (a certificate listing must name the machine it came from; a console
 * time close to the assignment needs the server's time zone chosen). Version 4 could hold accepted
 * evidence with no paste, or with a paste version 5 does not accept; such a history would not open.
 * Each such entry is kept for what it was: its paste as a rejected evidence event (when one was
 * recorded) and, when it opened a gate, an override whose reason says so, with the time and operator
 * of the original entry. Everything else is unchanged. The history is replayed through the current
 * machines to tell which entries are affected and whether their server was blocked; an event the
 * machines refuse for another reason ends the migration there, and opening the file reports it.
 */
import { domainEventSchema, type DomainEvent, type DomainEventOf } from '../events/schema';
import { judgeAgain } from '../machines/deployment.rules';
import { isBlocked } from '../machines/server.context';
import { DeploymentSession } from '../session/session';
import { OVERRIDE_CHANGE_NOT_ASKED } from '../model/override';
import { asCurrentShape } from './migrate-v7';

type Raw = Record<string, unknown>;

/** The reason of the override that keeps a version 4 proof version 5 does not take. */
export function migratedEvidenceReason(server: string, at: string, why: string): string {
  return `Migrated from file version 4: evidence recorded at ${at} was accepted by an earlier version, but judged again from its paste it is not (${why}). It is kept as an override of the gate. Check ${server}'s own view (its verification script) before relying on it.`;
}

/** Why version 5 does not take the evidence, for the reason above (the judge's own words, shortened). */
function whyNot(session: DeploymentSession, event: DomainEventOf<'evidence.accepted'>, refusal: string): string {
  const again = judgeAgain(session.snapshot().context, event);
  let why = refusal;
  if (!again.stands && again.why === 'no-paste') why = 'it carries no pasted output';
  else if (!again.stands && again.why === 'other-proof') why = 'the proof recorded is not what its paste shows';
  else if (!again.stands) why = again.message;
  return why.length > 600 ? `${why.slice(0, 599)}…` : why;
}

function replacement(
  session: DeploymentSession,
  event: DomainEventOf<'evidence.accepted'>,
  why: string,
): DomainEvent[] {
  const { server, at, recordedAt, operator } = event;
  const reason = migratedEvidenceReason(server, at, why);
  const out: DomainEvent[] = [];
  if (event.input !== undefined)
    out.push({ type: 'evidence.rejected', server, input: event.input, reason, at, recordedAt, operator });
  const context = session.server(server)?.context;
  if (context !== undefined && isBlocked(context))
    out.push({
      type: 'override.recorded',
      server,
      reason,
      change: OVERRIDE_CHANGE_NOT_ASKED,
      at,
      recordedAt,
      operator,
    });
  return out;
}

function migrateHistory(history: readonly Raw[]): Raw[] {
  const session = DeploymentSession.empty();
  const out: Raw[] = [];
  for (const [index, original] of history.entries()) {
    // Read in the current schema's shape (the fields later versions added, filled as they fill them).
    const raw = asCurrentShape(original);
    const parsed = domainEventSchema.safeParse(raw);
    // What does not validate, or is refused for another reason, is left for the loader to report.
    if (!parsed.success) return [...out, ...history.slice(index)];
    const event = parsed.data;
    const refusal = session.replayOne(event);
    if (refusal === null) {
      out.push(raw);
      continue;
    }
    if (event.type !== 'evidence.accepted') return [...out, ...history.slice(index)];
    for (const kept of replacement(session, event, whyNot(session, event, refusal))) {
      if (session.replayOne(kept) !== null) return [...out, ...history.slice(index)];
      out.push(kept as unknown as Raw);
    }
  }
  return out;
}

/** The migration of a whole version 4 document to version 5. */
export function migrateToV5(doc: Raw): Raw {
  const history = Array.isArray(doc.history) ? (doc.history as Raw[]) : [];
  return { ...doc, history: migrateHistory(history), schemaVersion: 5 };
}
