import { createActor } from 'xstate';
import { domainEventSchema, type Command, type DomainEvent } from '../events/schema';
import { compactThumbprint } from '../model/thumbprint';
import {
  deploymentMachine,
  serverSnapshotOf,
  type DeploymentActor,
  type DeploymentSnapshot,
} from '../machines/deployment.machine';
import { isRecordOnly } from '../machines/deployment.context';
import { DEPLOYMENT_SYSTEM_ID, type ServerSnapshot } from '../machines/server.machine';
import { normalizeDeployment, type Deployment } from '../model/deployment';
import { normalizeFqdn } from '../model/fqdn';
import type { Clock, IsoTime } from '../model/time';
import { eventFacts, type EventFacts } from './event-facts';
import { stepOrderRefusal, timeRefusal, type TimeLimit } from './time.rules';
import { refusalOf } from './refusal';
import { OVERRIDE_CHANGE_NOT_ASKED } from '../model/override';
import { chainHash, HistoryChain } from '../document/fingerprint';
import { readOnlyRefusal, type Integrity } from './integrity';
import { signOffRefusal } from './sign-off';

/** The outcome of recording a command: the event as stored, or why it was refused. */
export type RecordResult =
  | { readonly ok: true; readonly event: DomainEvent; readonly seq: number }
  | { readonly ok: false; readonly message: string };

/**
 * What became of one command of a batch (`recordAll`), in the batch's order: recorded; refused, with
 * its machine's reason, either before anything was recorded or when its turn came (what was recorded
 * before it changed its server's state); or held back, because another was refused and the caller
 * did not ask for the rest to be recorded.
 */
export type BatchItemResult = {
  readonly command: Command;
  /** The server the command is about (a machine's reason may say only "this server"), or null. */
  readonly server: string | null;
} & (
  | { readonly outcome: 'recorded'; readonly event: DomainEvent; readonly seq: number }
  | { readonly outcome: 'refused' | 'refused-when-recorded'; readonly message: string }
  | { readonly outcome: 'held-back' }
);

/** The outcome of a batch: `ok` when every command was recorded. */
export interface BatchResult {
  readonly ok: boolean;
  readonly items: readonly BatchItemResult[];
}

/**
 * Who records and the real time: the session stamps each command with the operator and the clock's
 * time unless the command gives its own, and refuses times in the clock's future.
 */
export interface Recorder {
  readonly clock: Clock;
  readonly operator: string;
}

/**
 * A history replayed into a session, or the first event it refused (its index and why, and the
 * entries up to it that do not match their hash).
 */
export type ReplayResult =
  | { readonly ok: true; readonly session: DeploymentSession }
  | { readonly ok: false; readonly index: number; readonly message: string; readonly changed: readonly number[] };

/** What a view of the session reads: the machines and the history, as they stood after one event. */
export interface SessionView {
  /** How many events the session holds; a new view for every event recorded. */
  readonly version: number;
  readonly snapshot: DeploymentSnapshot;
  readonly history: readonly DomainEvent[];
  /** What applying each event told about it, in history order. */
  readonly facts: readonly EventFacts[];
}

/** Fields a migration sets on entries kept as an older version recorded them; no command may. */
const MIGRATION_ONLY_FIELDS = ['unchecked', 'recordedAs'] as const;

/** Lower-case FQDNs and upper-case, space-free thumbprints: the forms the history stores. */
export function normalizeCommand(command: Command): Command {
  const c = { ...command } as Record<string, unknown>;
  if (typeof c.server === 'string') c.server = normalizeFqdn(c.server);
  if (typeof c.pool === 'string') c.pool = normalizeFqdn(c.pool);
  if (Array.isArray(c.servers)) c.servers = c.servers.map((s) => (typeof s === 'string' ? normalizeFqdn(s) : s));
  if (typeof c.thumbprint === 'string') c.thumbprint = compactThumbprint(c.thumbprint).toUpperCase();
  if (c.deployment !== undefined) c.deployment = normalizeDeployment(c.deployment as Deployment);
  if (c.proof !== undefined) {
    const proof = { ...(c.proof as Record<string, unknown>) };
    if (typeof proof.server === 'string') proof.server = normalizeFqdn(proof.server);
    if (Array.isArray(proof.thumbprints)) proof.thumbprints = proof.thumbprints.map((t) => String(t).toUpperCase());
    c.proof = proof;
  }
  return c as Command;
}

/**
 * A deployment being worked on: its event history (the source of truth) and the actor that
 * follows it. Every change goes through `record`, which refuses what the machines refuse and
 * says why, so the history only ever holds accepted events. A session that only reads (a file
 * checked, a timeline replayed) needs no recorder.
 */
export class DeploymentSession {
  readonly actor: DeploymentActor;
  private readonly events: DomainEvent[] = [];
  private readonly eventFacts: EventFacts[] = [];
  private readonly listeners = new Set<() => void>();
  private readonly chain = new HistoryChain();
  private recorderOf: Recorder | null;
  private cachedView: SessionView | null = null;

  private constructor(recorder: Recorder | null) {
    this.actor = createActor(deploymentMachine, { systemId: DEPLOYMENT_SYSTEM_ID }).start();
    this.recorderOf = recorder;
  }

  /** A new, empty session; record `deployment.created` next. */
  static empty(recorder: Recorder | null = null): DeploymentSession {
    return new DeploymentSession(recorder);
  }

  /** A new session holding a new deployment. */
  static create(
    deployment: Deployment,
    recorder: Recorder,
  ): { ok: true; session: DeploymentSession } | { ok: false; message: string } {
    const session = DeploymentSession.empty(recorder);
    const result = session.record({ type: 'deployment.created', deployment });
    return result.ok ? { ok: true, session } : { ok: false, message: result.message };
  }

  /**
   * Replays a saved history into a fresh actor, as opening a file does, with every check recording
   * made (the loader is as strict as the recorder): what the machines refuse, and the times, checked
   * against when the history was saved. The first event refused makes the whole history invalid.
   * Each entry's hash is checked against its content (document/fingerprint.ts): a history with an
   * entry that does not match opens read-only (`integrity`), saying which.
   */
  static replay(history: readonly DomainEvent[], savedAt: IsoTime, recorder: Recorder | null = null): ReplayResult {
    const session = DeploymentSession.empty(recorder);
    const limit: TimeLimit = { savedAt };
    for (const [index, event] of history.entries()) {
      const refusal = session.check(event, limit);
      session.chain.verify(event);
      if (refusal !== null) return { ok: false, index, message: refusal, changed: session.chain.changed };
      session.apply(event);
    }
    return { ok: true, session };
  }

  /**
   * Applies one event of a history already checked (a timeline's facts, a test's model): only what
   * the machines refuse stops it. Returns the refusal, or null.
   */
  replayOne(event: DomainEvent): string | null {
    const refusal = refusalOf(this.snapshot(), event);
    if (refusal === null) this.apply(event);
    return refusal;
  }

  /** Why the event is refused here, with its time checked against `limit`, or null. */
  private check(event: DomainEvent, limit: TimeLimit): string | null {
    const snapshot = this.snapshot();
    return (
      timeRefusal(event, limit) ??
      stepOrderRefusal(snapshot, event, limit) ??
      refusalOf(snapshot, event) ??
      signOffRefusal(this.events, event, () => this.fingerprint())
    );
  }

  /** The history, oldest first. */
  get history(): readonly DomainEvent[] {
    return this.events;
  }

  /** What applying each event told about it (the gate rule of a Step 3, which run), in history order. */
  get facts(): readonly EventFacts[] {
    return this.eventFacts;
  }

  /** Who records new events and the clock they are checked against (null when the session only reads). */
  get recorder(): Recorder | null {
    return this.recorderOf;
  }

  /** Changes who records the events from now on (and the clock). */
  setRecorder(recorder: Recorder): void {
    this.recorderOf = recorder;
  }

  /** The deployment actor's current snapshot. */
  snapshot(): DeploymentSnapshot {
    return this.actor.getSnapshot();
  }

  /** The machines and the history as they stand, the same object until the next event. */
  view(): SessionView {
    if (this.cachedView === null || this.cachedView.version !== this.events.length) {
      this.cachedView = {
        version: this.events.length,
        snapshot: this.snapshot(),
        history: this.events.slice(),
        facts: this.eventFacts.slice(),
      };
    }
    return this.cachedView;
  }

  /** The current deployment (topology), or null before it is created. */
  deployment(): Deployment | null {
    return this.snapshot().context.deployment;
  }

  /** One server's snapshot. */
  server(fqdn: string): ServerSnapshot | undefined {
    return serverSnapshotOf(this.snapshot(), fqdn);
  }

  /** Stamps, normalises and validates a command into the event it would record, or says what is wrong. */
  prepare(command: Command): { ok: true; event: DomainEvent } | { ok: false; message: string } {
    const recorder = this.recorderOf;
    if (recorder === null) return { ok: false, message: 'This deployment was opened to be read; it records nothing.' };
    const readOnly = readOnlyRefusal(this.events, this.integrity());
    if (readOnly !== null) return { ok: false, message: readOnly };
    // What only a migration writes (an entry kept as an older version recorded it) is never taken from a command.
    for (const field of MIGRATION_ONLY_FIELDS)
      if (field in command)
        return {
          ok: false,
          message: `This ${command.type} is not valid: ${field} is set only when an older file is migrated.`,
        };
    if (command.type === 'override.recorded' && command.change === OVERRIDE_CHANGE_NOT_ASKED)
      return {
        ok: false,
        message: 'This override.recorded is not valid: its change is set only when an older file is migrated.',
      };
    const now = recorder.clock.now();
    const stamped = {
      ...normalizeCommand(command),
      // What a sign-off signs is the session's to say: the history so far.
      ...(command.type === 'change.signed' ? { events: this.events.length, fingerprint: this.fingerprint() } : {}),
      at: command.at ?? now,
      // Never taken from the command: when it is recorded is the session's to say.
      recordedAt: now,
      operator: command.operator ?? recorder.operator,
    };
    const parsed = domainEventSchema.safeParse(stamped);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? `${issue.path.join('.')} ` : '';
      return {
        ok: false,
        message: `This ${command.type} is not valid: ${where}${issue?.message ?? 'unknown problem'}.`,
      };
    }
    // Its link in the chain: over its content, after the history so far.
    return { ok: true, event: { ...parsed.data, hash: chainHash(this.fingerprint(), parsed.data) } };
  }

  /**
   * Records a command: appended to the history and applied, or refused with the reason: what the
   * machines refuse, and the checks of its time against the clock (time.rules.ts).
   */
  record(command: Command): RecordResult {
    const prepared = this.prepare(command);
    if (!prepared.ok) return prepared;
    const event = prepared.event;
    const refusal = this.check(event, { now: (this.recorderOf as Recorder).clock.now() });
    if (refusal !== null) return { ok: false, message: refusal };
    this.chain.add(event, event.hash);
    this.apply(event);
    return { ok: true, event, seq: this.events.length - 1 };
  }

  /** Why recording the command now would be refused, or null: what `record` would say, with nothing recorded. */
  wouldRefuse(command: Command): string | null {
    const prepared = this.prepare(command);
    if (!prepared.ok) return prepared.message;
    return this.check(prepared.event, { now: (this.recorderOf as Recorder).clock.now() });
  }

  /**
   * Records several commands as one action (the same step on several servers): each is given the
   * same time (its own, or the clock's now read once), then checked as `wouldRefuse` checks it,
   * against the state before the batch. When any is refused nothing is recorded, unless
   * `evenIfSomeRefused` says to record the others. Those that pass are then recorded in order by
   * `record`, each checked by its own server's machine exactly as a single command is, so one the
   * batch itself made refusable (a Step 3 that assigned the certificate before it) is refused then
   * and reported, and the rest go on.
   */
  recordAll(commands: readonly Command[], options: { readonly evenIfSomeRefused?: boolean } = {}): BatchResult {
    const now = this.recorderOf?.clock.now();
    const timed = commands.map((c) => (c.at === undefined && now !== undefined ? { ...c, at: now } : c));
    const refusals = timed.map((c) => this.wouldRefuse(c));
    const anyRefused = refusals.some((r) => r !== null);
    const items = timed.map((command, i): BatchItemResult => {
      const server = 'server' in command && typeof command.server === 'string' ? normalizeFqdn(command.server) : null;
      const refusal = refusals[i] ?? null;
      if (refusal !== null) return { command, server, outcome: 'refused', message: refusal };
      if (anyRefused && options.evenIfSomeRefused !== true) return { command, server, outcome: 'held-back' };
      const result = this.record(command);
      return result.ok
        ? { command, server, outcome: 'recorded', event: result.event, seq: result.seq }
        : { command, server, outcome: 'refused-when-recorded', message: result.message };
    });
    return { ok: items.every((item) => item.outcome === 'recorded'), items };
  }

  /**
   * The fingerprint of the history so far: its chain head (document/fingerprint.ts), from the
   * entries' content, worked out as it grows.
   */
  fingerprint(): string {
    this.chain.catchUp(this.events);
    return this.chain.head;
  }

  /** The history's chain head and the entries that do not match their hash (none, unless it was read from a changed file). */
  integrity(): Integrity {
    return { head: this.fingerprint(), changed: this.chain.changed };
  }

  /** Calls `listener` after every recorded event. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Appends an event the rules accepted (refusalOf) and sends it to the machines unless it is only kept. */
  private apply(event: DomainEvent): void {
    const context = this.snapshot().context;
    const before = { deployment: context.deployment, oauth: context.oauth };
    this.events.push(event);
    if (!isRecordOnly(event)) this.actor.send(event);
    this.eventFacts.push(eventFacts(event, before, this.snapshot()));
    for (const listener of this.listeners) listener();
  }
}
