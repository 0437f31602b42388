/**
 * Each server's replication state as the latest recorded evidence shows it (issue 15, item 13), the
 * way Topology › Status in the Control Panel shows it: up to date or not, the last update its local
 * store took, and when that was read. `Get-CsManagementStoreReplicationStatus` reports the CMS
 * master's record of every replica it is asked about (all of them without -ReplicaFqdn), so a replica
 * a paste lists counts for that server wherever the paste was recorded. The verification script's
 * output carries the same record for the server it ran on.
 */
import type { DomainEvent, EvidenceInput } from '../events/schema';
import { normalizeFqdn } from '../model/fqdn';
import { epochMs, type IsoTime } from '../model/time';
import { judgeEvidence } from './judge';
import type { EvidenceRecords } from './judgement';
import { matchServer } from './verdict';

/** One server's replication state, from one recorded paste. */
export interface ReplicationState {
  /** The replica, as a lower-case FQDN. */
  readonly server: string;
  /** UpToDate in the CMS master's record; null when the output shows neither True nor False. */
  readonly upToDate: boolean | null;
  /**
   * LastUpdateCreation: the moment; or the text as printed when it does not read as one moment (a
   * date that reads two ways in the paste's locale); null when the output shows none (no update taken).
   */
  readonly lastUpdate: { readonly iso: IsoTime } | { readonly printed: string } | null;
  /** When the paste was recorded: the time of its evidence entry, as the timeline lists it. */
  readonly readAt: IsoTime;
  /** The output that showed it. */
  readonly source: 'replication-status' | 'verification-json';
}

/** Every server's latest replication state, by lower-case FQDN; a server no paste listed has none. */
export type ReplicationView = ReadonlyMap<string, ReplicationState>;

/**
 * The server a printed name is about: an FQDN is itself; a bare name counts only for the server the
 * paste was recorded on when it is that server's short name (as the judge takes it); an empty or cut
 * name, for none (replication-and-pools P1: where the command ran says nothing about whom it lists).
 */
function attributed(printed: string, pastedOn: string): string | null {
  const match = matchServer(printed, pastedOn);
  if (match !== 'other') return normalizeFqdn(pastedOn);
  const name = printed.trim();
  return name.includes('.') && !/(\.\.\.|…)$/.test(name) ? normalizeFqdn(name) : null;
}

/**
 * The last paste read, and what it held: one paste judged for several servers is recorded once per
 * server, in a row, each entry carrying the same text, which is read once.
 */
let lastRead: { readonly input: EvidenceInput; readonly records: EvidenceRecords | null } | null = null;

function recordsOf(input: EvidenceInput, server: string): EvidenceRecords | null {
  const last = lastRead;
  if (
    last !== null &&
    last.input.text === input.text &&
    last.input.locale === input.locale &&
    last.input.timeZone === input.timeZone
  )
    return last.records;
  // What a paste lists does not depend on the assignment or on the server it is judged for; the locale
  // and zone were chosen when it was recorded, as when the deployment judges it again.
  const records = judgeEvidence(input.text, {
    server,
    oauth: null,
    locale: input.locale,
    localeChosen: true,
    timeZone: input.timeZone,
    zoneChosen: true,
  }).records;
  lastRead = { input, records };
  return records;
}

function statesOf(event: DomainEvent): readonly ReplicationState[] {
  if (event.type !== 'evidence.accepted' && event.type !== 'evidence.rejected') return [];
  const input = event.input;
  if (input === undefined || (input.kind !== 'replication-status' && input.kind !== 'verification-json')) return [];
  const records = recordsOf(input, event.server);
  const byServer = new Map<string, ReplicationState>();
  if (records?.kind === 'replication-status') {
    // A replica listed twice: the last block, as the judge reads it.
    for (const r of records.replicas) {
      const server = r.fqdnTruncated ? null : attributed(r.replicaFqdn, event.server);
      if (server === null) continue;
      const luc = r.lastUpdateCreation;
      byServer.set(server, {
        server,
        upToDate: r.upToDate,
        lastUpdate: luc === null ? null : luc.ok ? { iso: luc.iso } : { printed: luc.text },
        readAt: event.at,
        source: 'replication-status',
      });
    }
  } else if (records?.kind === 'verification-json' && records.report !== null) {
    // The record of the computer the script ran on, which it names.
    const rep = records.report.replication;
    const server = attributed(records.report.server, event.server);
    if (server !== null && rep !== null)
      byServer.set(server, {
        server,
        upToDate: rep.upToDate,
        lastUpdate: rep.lastUpdateCreation === null ? null : { iso: rep.lastUpdateCreation },
        readAt: event.at,
        source: 'verification-json',
      });
  }
  return [...byServer.values()];
}

/** Each entry's states: an entry never changes, so it is read once however often the view is asked for. */
const statesByEvent = new WeakMap<DomainEvent, readonly ReplicationState[]>();

/** The replication states one history entry shows (none unless it records a replication status or a verification). */
export function replicationStatesOf(event: DomainEvent): readonly ReplicationState[] {
  let states = statesByEvent.get(event);
  if (states === undefined) {
    states = statesOf(event);
    statesByEvent.set(event, states);
  }
  return states;
}

/** Takes the entry's states into `view` (a copy made on the first change); the same map when it shows none. */
function applyEntry(view: ReplicationView, copied: boolean, event: DomainEvent): [ReplicationView, boolean] {
  const states = replicationStatesOf(event);
  let map = view;
  let own = copied;
  for (const state of states) {
    const held = map.get(state.server);
    // The latest paste wins; of two at the same time, the one recorded later.
    if (held !== undefined && epochMs(held.readAt) > epochMs(state.readAt)) continue;
    if (!own) {
      map = new Map(map);
      own = true;
    }
    (map as Map<string, ReplicationState>).set(state.server, state);
  }
  return [map, own];
}

/** The view `from` (none by default) with a history's entries taken in, oldest first. */
export function foldReplicationView(
  history: readonly DomainEvent[],
  from: ReplicationView = new Map(),
): ReplicationView {
  let view = from;
  let copied = false;
  for (const event of history) [view, copied] = applyEntry(view, copied, event);
  return view;
}

/** The last history asked about and its view: the next version of it adds only its new entries. */
let lastView: { readonly history: readonly DomainEvent[]; readonly view: ReplicationView } | null = null;

/** True when `history` holds `before` as its first entries (a history only ever grows). */
function continues(history: readonly DomainEvent[], before: readonly DomainEvent[]): boolean {
  if (before.length > history.length) return false;
  if (before.length === 0) return true;
  return history[0] === before[0] && history[before.length - 1] === before[before.length - 1];
}

/**
 * Every server's latest replication state in a history. Asked for once per row on every version of
 * the history, it is worked out once per version, from the entries added since the last one asked
 * about; a server's state is the same object until a newer paste shows it.
 */
export function replicationView(history: readonly DomainEvent[]): ReplicationView {
  const last = lastView;
  if (last !== null && last.history === history) return last.view;
  const view =
    last !== null && continues(history, last.history)
      ? foldReplicationView(history.slice(last.history.length), last.view)
      : foldReplicationView(history);
  lastView = { history, view };
  return view;
}
