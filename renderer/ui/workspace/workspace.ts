import { parseDocument } from '../../core/document/load';
import { serializeDocument, toDocument } from '../../core/document/save';
import type { Command } from '../../core/events/schema';
import type { Deployment } from '../../core/model/deployment';
import { normalizeFqdn } from '../../core/model/fqdn';
import type { Clock } from '../../core/model/time';
import { DeploymentSession, type BatchResult, type RecordResult } from '../../core/session/session';
import type { DocumentHandle, OpenedDocument } from '../../host/host';
import { whenIdle } from '../idle';

/** The workstation's clock: the only place the UI reads the time. */
export const systemClock: Clock = { now: () => new Date().toISOString() };

/** Where the open document lives. */
export interface WorkspaceMeta {
  readonly handle: DocumentHandle | null;
  readonly name: string;
  readonly location: string;
}

/** A document's text and where it came from; no handle when it was never saved (the sample, a recovered new one). */
export type DocumentSource = Omit<OpenedDocument, 'handle'> & { readonly handle: DocumentHandle | null };

/** A workspace, or why there is none. */
export type WorkspaceResult = { ok: true; workspace: Workspace } | { ok: false; message: string };

/**
 * The open deployment as the screens use it: its session, and recording in the operator's name.
 * Where it is saved, whether it has unsaved changes and its recovery copy belong to the document
 * shell (document.machine.ts).
 */
export class Workspace {
  private constructor(readonly session: DeploymentSession) {}

  /** A new deployment. */
  static create(deployment: Deployment, operator: string): WorkspaceResult {
    const created = DeploymentSession.create(deployment, { clock: systemClock, operator });
    return created.ok ? { ok: true, workspace: new Workspace(created.session) } : created;
  }

  /** Opens a document's text; refuses it with the reason when it is not a valid deployment. */
  static open(source: DocumentSource, operator: string): WorkspaceResult {
    const loaded = parseDocument(source.text, { clock: systemClock, operator });
    if (!loaded.ok) return { ok: false, message: `${source.name}: ${loaded.message}` };
    const workspace = new Workspace(loaded.session);
    workspace.prepareText();
    return { ok: true, workspace };
  }

  /**
   * Writes the document's text once while the page is idle after opening, so the first autosave
   * after a change appends to it instead of writing out the whole history (document/save.ts).
   */
  private prepareText(): void {
    whenIdle(() => void this.text());
  }

  /** Records a change; refused changes leave everything as it was. */
  record(command: Command): RecordResult {
    const unnamed = this.unnamedRefusal(command);
    return unnamed === null ? this.session.record(command) : { ok: false, message: unnamed };
  }

  /**
   * Records several changes as one action, each checked by its own server's machine (the session's
   * `recordAll`): none when any is refused, unless `evenIfSomeRefused`.
   */
  recordAll(commands: readonly Command[], options: { readonly evenIfSomeRefused?: boolean } = {}): BatchResult {
    const unnamed = commands.map((c) => this.unnamedRefusal(c)).find((r) => r !== null);
    if (unnamed === undefined) return this.session.recordAll(commands, options);
    return {
      ok: false,
      items: commands.map((command) => ({
        command,
        server: 'server' in command && typeof command.server === 'string' ? normalizeFqdn(command.server) : null,
        outcome: 'refused',
        message: unnamed,
      })),
    };
  }

  /** Nothing is recorded without a name to record it under. */
  private unnamedRefusal(command: Command): string | null {
    if ((this.session.recorder?.operator ?? '').trim() !== '' || command.operator !== undefined) return null;
    return 'Enter your name in "Operator" (top right) first, so the runbook says who did what.';
  }

  /** Why recording the command now would be refused (nothing is recorded), or null: what `record` would say. */
  wouldRefuse(command: Command): string | null {
    return this.unnamedRefusal(command) ?? this.session.wouldRefuse(command);
  }

  /** Sets who is recorded as doing each thing from now on. */
  setOperator(name: string): void {
    this.session.setRecorder({ clock: systemClock, operator: name });
  }

  /** How many events the document holds (a save is of this version). */
  version(): number {
    return this.session.history.length;
  }

  /** The document text as it would be saved now. */
  text(): string {
    return serializeDocument(toDocument(this.session, systemClock.now()));
  }

  /** The name to suggest when saving. */
  suggestedName(): string {
    return this.session.deployment()?.name ?? 'deployment';
  }
}
