import { parseDocument } from '../../core/document/load';
import { serializeDocument, toDocument } from '../../core/document/save';
import type { Command } from '../../core/events/schema';
import type { Deployment } from '../../core/model/deployment';
import type { Clock } from '../../core/model/time';
import { DeploymentSession, type RecordResult } from '../../core/session/session';
import type { DocumentHandle, Host, OpenedDocument } from '../../host/host';
import { HostError } from '../../host/host';

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

/** What the shell shows about the open document. */
export interface WorkspaceState extends WorkspaceMeta {
  readonly dirty: boolean;
  readonly historyLength: number;
  readonly lastSavedAt: string | null;
  /** Why the last recovery copy could not be written, until one is written again. */
  readonly autosaveError: string | null;
}

const AUTOSAVE_DELAY_MS = 400;

/**
 * The open deployment: its session, where it is saved, whether it has unsaved changes. Every change
 * goes through `record`; each accepted change is autosaved to the host's recovery area so that a
 * crash or a reload loses nothing.
 */
export class Workspace {
  readonly session: DeploymentSession;
  private meta: WorkspaceMeta;
  private dirty: boolean;
  private lastSavedAt: string | null = null;
  private autosaveError: string | null = null;
  private state: WorkspaceState;
  private readonly listeners = new Set<() => void>();
  private autosaveTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly host: Host,
    session: DeploymentSession,
    meta: WorkspaceMeta,
    dirty: boolean,
  ) {
    this.session = session;
    this.meta = meta;
    this.dirty = dirty;
    this.state = this.computeState();
    session.subscribe(() => this.changed());
  }

  /** A new deployment, not saved anywhere yet. */
  static create(
    host: Host,
    deployment: Deployment,
    operator: string,
  ): { ok: true; workspace: Workspace } | { ok: false; message: string } {
    const created = DeploymentSession.create(deployment, { clock: systemClock, operator });
    if (!created.ok) return created;
    const workspace = new Workspace(
      host,
      created.session,
      { handle: null, name: deployment.name, location: 'not saved yet' },
      true,
    );
    workspace.scheduleAutosave();
    return { ok: true, workspace };
  }

  /** Opens a document the host read; refuses it with the reason when it is not a valid deployment. */
  static open(
    host: Host,
    opened: DocumentSource,
    operator: string,
    dirty = false,
  ): { ok: true; workspace: Workspace } | { ok: false; message: string } {
    const loaded = parseDocument(opened.text, { clock: systemClock, operator });
    if (!loaded.ok) return { ok: false, message: `${opened.name}: ${loaded.message}` };
    return {
      ok: true,
      workspace: new Workspace(
        host,
        loaded.session,
        { handle: opened.handle, name: opened.name, location: opened.location },
        dirty,
      ),
    };
  }

  /** Records a change; refused changes leave everything as it was. */
  record(command: Command): RecordResult {
    if ((this.session.recorder?.operator ?? '').trim() === '' && command.operator === undefined) {
      return {
        ok: false,
        message: 'Enter your name in "Operator" (top right) first, so the runbook says who did what.',
      };
    }
    return this.session.record(command);
  }

  /** Sets who is recorded as doing each thing from now on. */
  setOperator(name: string): void {
    this.session.setRecorder({ clock: systemClock, operator: name });
  }

  /** The document text as it would be saved now. */
  text(): string {
    return serializeDocument(toDocument(this.session, systemClock.now()));
  }

  /** The name to suggest when saving. */
  suggestedName(): string {
    return this.session.deployment()?.name ?? 'deployment';
  }

  /** Saves (or saves as); null when the user cancelled the host's dialog. */
  async save(saveAs = false): Promise<{ ok: true } | { ok: false; message: string } | null> {
    try {
      const savedLength = this.session.history.length;
      const saved = await this.host.saveDocument({
        handle: this.meta.handle,
        suggestedName: this.suggestedName(),
        text: this.text(),
        saveAs,
      });
      if (saved === null) return null;
      this.meta = { handle: saved.handle, name: saved.name, location: saved.location };
      // A change recorded while the save was under way is not in the file.
      this.dirty = this.session.history.length !== savedLength;
      if (this.dirty) {
        this.changed(false);
        this.scheduleAutosave();
        return { ok: true };
      }
      // What is saved needs no recovery copy: a pending autosave would bring one back.
      if (this.autosaveTimer !== null) clearTimeout(this.autosaveTimer);
      this.autosaveTimer = null;
      this.lastSavedAt = systemClock.now();
      await this.host.clearAutosave();
      this.changed(false);
      return { ok: true };
    } catch (error) {
      return {
        ok: false,
        message: error instanceof HostError || error instanceof Error ? error.message : String(error),
      };
    }
  }

  /** The shell's view of the document (a stable object between changes, for useSyncExternalStore). */
  getState = (): WorkspaceState => this.state;

  /** Calls `listener` when the document changes or is saved. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Writes the recovery copy now (e.g. before the page goes away). */
  flushAutosave(): void {
    if (this.autosaveTimer === null) return;
    clearTimeout(this.autosaveTimer);
    this.autosaveTimer = null;
    this.writeRecovery();
  }

  /** Writes the recovery copy now if there are unsaved changes (the slot became free again). */
  resumeAutosave(): void {
    if (this.dirty) this.writeRecovery();
  }

  /** Closes the workspace without writing its recovery copy (another document takes the slot). */
  discard(): void {
    if (this.autosaveTimer !== null) clearTimeout(this.autosaveTimer);
    this.autosaveTimer = null;
    this.listeners.clear();
  }

  private changed(edited = true): void {
    if (edited) {
      this.dirty = true;
      this.scheduleAutosave();
    }
    this.state = this.computeState();
    this.host.setDirty(this.dirty, this.title());
    for (const listener of this.listeners) listener();
  }

  private scheduleAutosave(): void {
    if (this.autosaveTimer !== null) clearTimeout(this.autosaveTimer);
    this.autosaveTimer = setTimeout(() => {
      this.autosaveTimer = null;
      this.writeRecovery();
    }, AUTOSAVE_DELAY_MS);
  }

  /** Writes the recovery copy; a failure is shown in the shell (the admin should save), never swallowed. */
  private writeRecovery(): void {
    this.host.autosave({ handle: this.meta.handle, name: this.meta.name, text: this.text() }).then(
      () => this.setAutosaveError(null),
      (error: unknown) => this.setAutosaveError(error instanceof Error ? error.message : String(error)),
    );
  }

  private setAutosaveError(message: string | null): void {
    if (message === this.autosaveError) return;
    this.autosaveError = message;
    this.state = this.computeState();
    for (const listener of this.listeners) listener();
  }

  private title(): string {
    return `${this.dirty ? '• ' : ''}${this.meta.name} — lync-runbook`;
  }

  private computeState(): WorkspaceState {
    return {
      ...this.meta,
      dirty: this.dirty,
      historyLength: this.session.history.length,
      lastSavedAt: this.lastSavedAt,
      autosaveError: this.autosaveError,
    };
  }
}
