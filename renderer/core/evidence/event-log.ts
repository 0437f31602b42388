/**
 * Event 3038 judged: the event the field report saw in the Lync Server log once the replica had
 * received the configuration. Its ID and meaning are reported, not confirmed by Microsoft
 * documentation, so messages say "reported" and never quote a text for it, and it is corroboration
 * only (replication-and-pools D4): an event after the assignment is read and named, never accepted alone.
 */
import { createDateReader, describeDate, type ConsoleDate } from './console-date';
import { noiseSummary, promptHosts, shown, type ConsoleLine } from './console-text';
import { rawEvents, type RawEvent } from './event-log-shapes';
import { judgementOf, type EventRecord, type EvidenceContext, type EvidenceJudgement } from './judgement';
import { epochMs } from '../model/time';
import {
  assignmentText,
  matchServer,
  noAssignment,
  otherPromptHost,
  ownViewAdvice,
  promptNamesServer,
  reject,
} from './verdict';

/** The event reported when CMS replication reaches a server. */
export const REPLICATED_EVENT_ID = 3038;
const MAX_SHOWN = 40;
const QUERY =
  "Get-WinEvent -FilterHashtable @{LogName='Lync Server'; Id=3038} -MaxEvents 5 | Format-List TimeCreated, Id, ProviderName, MachineName";

/** True when the event comes from the Lync Server log (sources "LS …"), false when clearly not, null when not shown. */
function fromLync(e: EventRecord): boolean | null {
  if (e.logName !== null && /^lync server$/i.test(e.logName.trim())) return true;
  if (e.source !== null && /^LS\s/i.test(e.source.trim())) return true;
  if (e.logName === null && e.source === null) return null;
  return false;
}

function describe(e: EventRecord, promptHost: string | null): string {
  const where =
    e.machine !== null
      ? `on ${shown(e.machine, 100)}`
      : promptHost === null
        ? 'machine not named'
        : `machine not named, run on ${shown(promptHost, 100)} (its prompt)`;
  const from = e.source === null ? '' : ` · ${shown(e.source, 80)}`;
  return `event ${e.id ?? '?'} · ${e.time === null ? 'no time' : describeDate(e.time)} · ${where}${from}`;
}

type Timed = EventRecord & { readonly time: ConsoleDate };

/** Reads and judges an event log listing for `ctx.server`. */
export function judgeEventLog(lines: readonly ConsoleLine[], ctx: EvidenceContext): EvidenceJudgement {
  const raws: RawEvent[] = rawEvents(lines);
  const reader = createDateReader(
    ctx,
    raws.map((r) => r.timeText ?? '').filter((t) => t.length > 0),
  );
  const events: EventRecord[] = raws.map((r) => ({ ...r, time: r.timeText === null ? null : reader.read(r.timeText) }));
  const replicated = events.filter((e) => e.id === REPLICATED_EVENT_ID);
  const read: string[] = [reader.summary];
  const warnings: string[] = [...reader.warnings];
  const noise = noiseSummary(lines);
  if (noise !== null) read.push(noise);
  const promptHost = promptHosts(lines)[0] ?? null;
  for (const e of replicated.slice(0, MAX_SHOWN)) read.push(describe(e, promptHost));
  if (replicated.length > MAX_SHOWN) read.push(`… and ${replicated.length - MAX_SHOWN} more events 3038.`);
  const others = events.length - replicated.length;
  if (others > 0) {
    const ids = [
      ...new Set(events.filter((e) => e.id !== REPLICATED_EVENT_ID).map((e) => (e.id === null ? '?' : String(e.id)))),
    ].slice(0, 10);
    read.push(`${others} other event${others === 1 ? '' : 's'} not judged (ID ${ids.join(', ')}).`);
  }
  const judged = judgementOf(read, { kind: 'event-log', events }, warnings);

  if (events.length === 0)
    return judged(reject('unrecognised', `No event could be read. Paste the output of ${QUERY}.`));
  const oauth = ctx.oauth;
  if (oauth === null) return judged(noAssignment());
  if (replicated.length === 0) {
    return judged(
      reject(
        'not-up-to-date',
        `This listing holds no event 3038, the event reported when replication reaches a server. Wait for it in the Lync Server log (the Replica Replicator Agent must be running), then paste the output of ${QUERY}.`,
      ),
    );
  }
  const lync = replicated.filter((e) => fromLync(e) !== false);
  if (lync.length === 0) {
    const from = shown(
      [...new Set(replicated.map((e) => [e.logName, e.source].filter((v) => v !== null).join(' / ')))].join(', '),
      160,
    );
    return judged(
      reject(
        'unrecognised',
        `The events 3038 here come from ${from}, not from the Lync Server log (whose sources start with "LS"). Paste event 3038 from the Lync Server log: ${QUERY}.`,
      ),
    );
  }
  const hosts = promptHosts(lines);
  const ranOn = otherPromptHost(hosts, ctx.server);
  const promptIsServer = ranOn === null && promptNamesServer(hosts, ctx.server);
  const mine = lync.filter((e) =>
    e.machine === null ? ranOn === null : matchServer(e.machine, ctx.server) !== 'other',
  );
  if (mine.length === 0) {
    const where = shown([...new Set(lync.map((e) => e.machine ?? ranOn ?? ''))].join(', '), 200);
    return judged(
      reject(
        'another-server',
        `These events 3038 were logged on ${where}, not on ${ctx.server}. Query the Lync Server log of ${ctx.server} and paste that.`,
      ),
    );
  }
  if (mine.some((e) => e.machine !== null && matchServer(e.machine, ctx.server) === 'short-name'))
    warnings.push(`The listing names the server by its short name.`);

  const timed = mine.filter((e): e is Timed => e.time !== null);
  const readable = timed
    .filter((e) => e.time.ok)
    .sort((a, b) => (a.time.ok && b.time.ok ? Date.parse(b.time.iso) - Date.parse(a.time.iso) : 0));
  const newest = readable[0];
  if (newest !== undefined && newest.time.ok) {
    if (newest.time.note !== null) warnings.push(newest.time.note);
    const early = reject(
      'before-assignment',
      `The newest event 3038 on ${ctx.server} was logged at ${newest.time.iso} (${newest.time.wall} ${newest.time.zone}), not after ${assignmentText(oauth)}: replication has not been reported since. Wait for a new event 3038 and paste it; if the times look wrong, check the locale and time zone.`,
    );
    if (epochMs(newest.time.iso) <= epochMs(oauth.at)) {
      // An unreadable time may be a newer event: say what is wrong with it rather than "too early".
      if (timed.every((e) => e.time.ok)) return judged(early);
    } else if (newest.machine === null && !promptIsServer) {
      // An event that names no machine is this server's only when a remote prompt says so.
      return judged(
        reject(
          'no-machine',
          `The newest event 3038 was logged at ${newest.time.iso}, after ${assignmentText(oauth)}, but the listing does not name the machine it was logged on (no MachineName, and no prompt naming ${ctx.server}), so it could be another server's; and event 3038 only corroborates. ${ownViewAdvice(ctx.server, QUERY)}`,
        ),
      );
    } else
      return judged(
        reject(
          'corroboration-only',
          `The newest event 3038 on ${ctx.server} was logged at ${newest.time.iso} (${newest.time.wall} ${newest.time.zone}), after ${assignmentText(oauth)}. That supports replication having run, but no Microsoft source documents what event 3038 means, so it cannot prove the local store holds the certificate on its own. Paste the verification script's output, or Get-CsCertificate -Type OAuthTokenIssuer run on ${ctx.server}: the server's own view decides.`,
        ),
      );
  }
  const ambiguous = timed.find((e) => !e.time.ok && e.time.problem === 'ambiguous');
  if (ambiguous !== undefined && !ambiguous.time.ok)
    return judged(reject('ambiguous-date', `Event 3038's date ${ambiguous.time.message}`));
  const noYear = timed.find((e) => !e.time.ok && e.time.problem === 'no-year');
  if (noYear !== undefined) {
    return judged(
      reject(
        'incomplete',
        `Get-EventLog's table shows event times without the year or seconds ("${shown(noYear.time.text, 40)}"), so they cannot be compared with the assignment. Paste the output of ${QUERY} instead.`,
      ),
    );
  }
  const broken = timed.find((e) => !e.time.ok);
  if (broken !== undefined && !broken.time.ok)
    return judged(
      reject(
        'unrecognised',
        `Event 3038's date: ${broken.time.message} Check the console's locale and paste the output again.`,
      ),
    );
  return judged(reject('incomplete', `The events 3038 for ${ctx.server} show no time. Paste the output of ${QUERY}.`));
}
