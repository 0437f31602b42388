/** The user's answer to "save your changes?". */
export type CloseChoice = 'save' | 'discard' | 'cancel';

/** The native message box asking about unsaved changes (buttons in this order: Save, Don't Save, Cancel). */
export function unsavedChangesPrompt(title: string): {
  type: 'warning';
  buttons: string[];
  defaultId: number;
  cancelId: number;
  noLink: true;
  title: string;
  message: string;
  detail: string;
} {
  const name = title.trim() === '' ? 'this deployment' : `“${title.trim()}”`;
  return {
    type: 'warning',
    buttons: ['Save', "Don't Save", 'Cancel'],
    defaultId: 0,
    cancelId: 2,
    noLink: true,
    title: 'lync-runbook',
    message: `Do you want to save the changes you made to ${name}?`,
    detail: "Your changes will be lost if you don't save them.",
  };
}

/** The button index of the prompt as a choice. */
export function choiceOf(response: number): CloseChoice {
  return response === 0 ? 'save' : response === 1 ? 'discard' : 'cancel';
}

/** What the guard does to the world. */
export interface CloseGuardDeps {
  ask(title: string): Promise<CloseChoice>;
  /** Pushes the `save` command to the page. */
  requestSave(): void;
  /** Closes the window for real (the guard lets this one through). */
  close(): void;
  /** Removes the recovery copy (the user chose to discard the changes, or there were none). */
  discardRecovery(): Promise<void>;
  setTimer(callback: () => void, ms: number): unknown;
  clearTimer(timer: unknown): void;
  log(message: string): void;
}

/** How long the page has to start saving after being asked, before the close is called off. */
export const SAVE_START_TIMEOUT_MS = 15_000;

/**
 * Asks before closing a window with unsaved changes: Save (the page saves through the usual
 * `document:save`; the window closes when that save succeeds and stays open when it is cancelled
 * or fails), Don't Save (the recovery copy is discarded too), or Cancel.
 */
export class CloseGuard {
  private dirty = false;
  private title = '';
  private closing = false;
  private prompting = false;
  private waitingForSave = false;
  private timer: unknown = null;

  constructor(private readonly deps: CloseGuardDeps) {}

  /** The page says whether there are unsaved changes (and the document's title). */
  setDirty(dirty: boolean, title: string): void {
    this.dirty = dirty;
    this.title = title;
  }

  /** Whether the page last said it had unsaved changes. */
  isDirty(): boolean {
    return this.dirty;
  }

  /**
   * The window is about to close: true lets it close now; false means the caller must cancel
   * this close (the guard closes the window itself later, if the user agrees).
   */
  onCloseRequested(): boolean {
    if (this.closing) return true;
    if (!this.dirty) {
      this.closing = true;
      void this.deps
        .discardRecovery()
        .catch((error: unknown) => this.deps.log(`close: could not remove the recovery copy: ${String(error)}`));
      return true;
    }
    if (!this.prompting && !this.waitingForSave) void this.prompt();
    return false;
  }

  private async prompt(): Promise<void> {
    this.prompting = true;
    let choice: CloseChoice;
    try {
      choice = await this.deps.ask(this.title);
    } finally {
      this.prompting = false;
    }
    if (choice === 'cancel') return;
    if (choice === 'discard') {
      await this.discardThenClose();
      return;
    }
    this.waitingForSave = true;
    this.timer = this.deps.setTimer(() => {
      if (!this.waitingForSave) return;
      this.waitingForSave = false;
      this.deps.log('close: the page did not start saving; the window stays open');
    }, SAVE_START_TIMEOUT_MS);
    this.deps.requestSave();
  }

  /** A `document:save` began (the page is answering our request, or the user saved anyway). */
  saveStarted(): void {
    if (this.waitingForSave && this.timer !== null) {
      // The save dialog may stay open as long as the user likes: no timeout once the save began.
      this.deps.clearTimer(this.timer);
      this.timer = null;
    }
  }

  /** A `document:save` ended: saved, or cancelled / failed. */
  saveFinished(saved: boolean): void {
    if (saved) this.dirty = false;
    if (!this.waitingForSave) return;
    this.waitingForSave = false;
    if (this.timer !== null) {
      this.deps.clearTimer(this.timer);
      this.timer = null;
    }
    if (saved) void this.discardThenClose();
  }

  private async discardThenClose(): Promise<void> {
    // The deployment is on disk now: its recovery copy would only offer stale changes next time.
    try {
      await this.deps.discardRecovery();
    } catch (error) {
      this.deps.log(`close: could not remove the recovery copy: ${String(error)}`);
    }
    this.closeNow();
  }

  private closeNow(): void {
    this.closing = true;
    this.deps.close();
  }
}
