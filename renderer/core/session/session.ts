import { createActor } from 'xstate';
import { domainEventSchema, type Command, type DomainEvent } from '../events/schema';
import {
  deploymentMachine,
  type DeploymentActor,
  type DeploymentSnapshot,
  type ServerSnapshot,
} from '../machines/deployment.machine';
import { normalizeDeployment, type Deployment } from '../model/deployment';
import { normalizeFqdn } from '../model/fqdn';
import { epochMs, type Clock } from '../model/time';
import { refusalOf, serverSnapshotOf, stepBeforeRecorded } from './refusal';

/** How far ahead of the clock a recorded time may be (workstation clocks differ a little). */
const FUTURE_TOLERANCE_MS = 60_000;

/** The outcome of recording a command: the event as stored, or why it was refused. */
export type RecordResult =
  | { readonly ok: true; readonly event: DomainEvent; readonly seq: number }
  | { readonly ok: false; readonly message: string };

/** Who and when: the session stamps each command with these unless the command says otherwise. */
export interface SessionOptions {
  /** Stamps new events that carry no time of their own. */
  readonly clock: Clock;
  readonly operator: string;
  /**
   * The real time, for refusing times in the future; defaults to `clock`. The command line stamps
   * events with --at, so its clock cannot tell whether --at itself is in the future.
   */
  readonly wallClock?: Clock;
}

/** Lower-case FQDNs and upper-case, space-free thumbprints: the forms the history stores. */
export function normalizeCommand(command: Command): Command {
  const c = { ...command } as Record<string, unknown>;
  if (typeof c.server === 'string') c.server = normalizeFqdn(c.server);
  if (typeof c.thumbprint === 'string') c.thumbprint = c.thumbprint.replace(/[\s:]/g, '').toUpperCase();
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
 * says why, so the history only ever holds accepted events.
 */
export class DeploymentSession {
  readonly actor: DeploymentActor;
  private readonly events: DomainEvent[] = [];
  private readonly listeners = new Set<() => void>();
  private options: SessionOptions;

  private constructor(actor: DeploymentActor, history: readonly DomainEvent[], options: SessionOptions) {
    this.actor = actor;
    this.events.push(...history);
    this.options = options;
  }

  /** A new, empty session; record `deployment.created` next. */
  static empty(options: SessionOptions): DeploymentSession {
    return new DeploymentSession(createActor(deploymentMachine).start(), [], options);
  }

  /** A new session holding a new deployment. */
  static create(
    deployment: Deployment,
    options: SessionOptions,
  ): { ok: true; session: DeploymentSession } | { ok: false; message: string } {
    const session = DeploymentSession.empty(options);
    const result = session.record({ type: 'deployment.created', deployment });
    return result.ok ? { ok: true, session } : { ok: false, message: result.message };
  }

  /**
   * Replays a history into a fresh actor. Each event must be accepted in turn; the first one
   * that is not makes the whole history invalid (its index and the reason are returned).
   */
  static replay(
    history: readonly DomainEvent[],
    options: SessionOptions,
  ): { ok: true; session: DeploymentSession } | { ok: false; index: number; message: string } {
    const session = DeploymentSession.empty(options);
    for (const [index, event] of history.entries()) {
      const refusal = session.replayOne(event);
      if (refusal !== null) return { ok: false, index, message: refusal };
    }
    return { ok: true, session };
  }

  /**
   * Applies one event of a stored history, as opening a file does: only what the machines refuse
   * stops it, not the checks on newly typed times (see newCommandRefusal). Returns the refusal, or null.
   */
  replayOne(event: DomainEvent): string | null {
    const refusal = refusalOf(this.snapshot(), event);
    if (refusal === null) this.apply(event);
    return refusal;
  }

  /** Restores a session from a persisted actor snapshot and its history, without replaying. */
  static restore(history: readonly DomainEvent[], persisted: unknown, options: SessionOptions): DeploymentSession {
    const actor = createActor(deploymentMachine, { snapshot: persisted as DeploymentSnapshot }).start();
    return new DeploymentSession(actor, history, options);
  }

  /** The history, oldest first. */
  get history(): readonly DomainEvent[] {
    return this.events;
  }

  /** The operator recorded on new events. */
  get operator(): string {
    return this.options.operator;
  }

  /** Changes the operator for events recorded from now on. */
  setOperator(operator: string): void {
    this.options = { ...this.options, operator };
  }

  /** The deployment actor's current snapshot. */
  snapshot(): DeploymentSnapshot {
    return this.actor.getSnapshot();
  }

  /** The current deployment (topology), or null before it is created. */
  deployment(): Deployment | null {
    return this.snapshot().context.deployment;
  }

  /** One server's snapshot. */
  server(fqdn: string): ServerSnapshot | undefined {
    return serverSnapshotOf(this.snapshot(), fqdn);
  }

  /** The persisted snapshot of the deployment and all its server machines (JSON-safe). */
  persisted(): unknown {
    return this.actor.getPersistedSnapshot();
  }

  /** Stamps, normalises and validates a command into the event it would record, or says what is wrong. */
  prepare(command: Command): { ok: true; event: DomainEvent } | { ok: false; message: string } {
    const stamped = {
      ...normalizeCommand(command),
      at: command.at ?? this.options.clock.now(),
      operator: command.operator ?? this.options.operator,
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
    return { ok: true, event: parsed.data };
  }

  /** Why this command would be refused now, or null when it would be recorded. */
  check(command: Command): string | null {
    const prepared = this.prepare(command);
    if (!prepared.ok) return prepared.message;
    return this.newCommandRefusal(prepared.event);
  }

  /** Records a command: appended to the history and applied, or refused with the reason. */
  record(command: Command): RecordResult {
    const prepared = this.prepare(command);
    if (!prepared.ok) return prepared;
    const refusal = this.newCommandRefusal(prepared.event);
    if (refusal !== null) return { ok: false, message: refusal };
    this.apply(prepared.event);
    return { ok: true, event: prepared.event, seq: this.events.length - 1 };
  }

  /**
   * Why a new command may not be recorded: what the machines refuse, and two checks of the time
   * typed that only new commands get (a history replayed later was checked when it was recorded,
   * and one written before these checks existed still opens): nothing is done in the future (a
   * minute of clock difference is allowed), and no step is dated before a step already recorded
   * on its server.
   */
  private newCommandRefusal(event: DomainEvent): string | null {
    const snapshot = this.snapshot();
    const wall = (this.options.wallClock ?? this.options.clock).now();
    const latest = epochMs(wall) + FUTURE_TOLERANCE_MS;
    if (epochMs(event.at) > latest) {
      return `The time ${event.at} is in the future (now is ${wall}). Enter when it actually happened.`;
    }
    return stepBeforeRecorded(snapshot, event, latest) ?? refusalOf(snapshot, event);
  }

  /** Calls `listener` after every recorded event. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private apply(event: DomainEvent): void {
    this.events.push(event);
    this.actor.send(event);
    for (const listener of this.listeners) listener();
  }
}
