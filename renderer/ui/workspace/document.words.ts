/** What the document shell opens, the events it trades, and what it says. */
import type { OpenedDocument, RecoveredDocument } from '../../host/host';
import type { DiscardChoice } from '../components/confirm-discard';
import type { NoticeState } from '../components/notice';
import { Workspace, type DocumentSource, type WorkspaceMeta } from './workspace';

/** The open document: its workspace and where it lives. */
export interface OpenDocument {
  readonly workspace: Workspace;
  readonly meta: WorkspaceMeta;
}

/** Unsaved work from last time that could not be opened: kept until the admin saves or discards it. */
export interface HeldRecovery {
  readonly name: string;
  readonly text: string;
  readonly message: string;
}

/** What the admin asks for that replaces (or may replace) the open document. */
export type ShellRequest =
  | { readonly kind: 'new' }
  | { readonly kind: 'open' }
  | { readonly kind: 'open-recent'; readonly handle: string }
  | { readonly kind: 'open-sample' }
  | { readonly kind: 'opened'; readonly document: OpenedDocument }
  /** Back to the start screen, with no deployment open. */
  | { readonly kind: 'close' }
  /** A deployment made on the setup screen (not saved yet). */
  | { readonly kind: 'create'; readonly document: OpenDocument };

/** What the screens and the host send the shell. */
export type ShellEvent =
  | { readonly type: 'request'; readonly request: ShellRequest }
  | { readonly type: 'choose'; readonly choice: DiscardChoice }
  | { readonly type: 'save'; readonly as?: boolean; readonly quiet?: boolean }
  | { readonly type: 'edited' }
  | { readonly type: 'flush' }
  | { readonly type: 'recovery.export' }
  | { readonly type: 'recovery.discard' }
  // Raised by the shell itself, between its regions.
  | { readonly type: 'document.replace'; readonly document: OpenDocument; readonly dirty: boolean }
  | { readonly type: 'document.close' }
  | { readonly type: 'recovery.hold'; readonly held: HeldRecovery }
  | { readonly type: 'recovery.released' }
  | { readonly type: 'document.saved' }
  | { readonly type: 'document.save.ended' };

/** What the shell tells the screens. */
export type ShellEmitted =
  | { readonly type: 'notice'; readonly notice: NoticeState | null }
  /** A document was opened: the app shows it (where it was, when it is the recovered one). */
  | { readonly type: 'opened'; readonly recovered: boolean }
  | { readonly type: 'setup' }
  | { readonly type: 'closed' };

/** The error of a failed host call, as a message. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What opening a document's text does: the new document for the document region, and what to tell the screens. */
export interface Adoption {
  readonly replace: Extract<ShellEvent, { type: 'document.replace' }> | null;
  readonly emitted: readonly ShellEmitted[];
}

/** A document's text opened as a workspace, or why it was refused. */
export function openDocument(
  source: DocumentSource,
  operator: string,
): { ok: true; document: OpenDocument } | { ok: false; message: string } {
  const opened = Workspace.open(source, operator);
  if (!opened.ok) return opened;
  const meta = { handle: source.handle, name: source.name, location: source.location };
  return { ok: true, document: { workspace: opened.workspace, meta } };
}

/** Opens a document's text as a workspace, or says why not under `failure`. */
export function adoption(source: DocumentSource, operator: string, failure: string): Adoption {
  const opened = openDocument(source, operator);
  if (!opened.ok) {
    return {
      replace: null,
      emitted: [{ type: 'notice', notice: { intent: 'error', title: failure, text: opened.message } }],
    };
  }
  return {
    replace: { type: 'document.replace', document: opened.document, dirty: false },
    emitted: [
      { type: 'opened', recovered: false },
      { type: 'notice', notice: null },
    ],
  };
}

/** The recovery copy as a document to open: where it was saved, if it had been. */
export function recoveredSource(recovered: RecoveredDocument): DocumentSource {
  const location = recovered.handle === null ? 'not saved yet' : 'recovered';
  return { handle: recovered.handle, name: recovered.name, location, text: recovered.text };
}

/** The confirmation of a save. */
export function savedNotice(meta: WorkspaceMeta): NoticeState {
  return { intent: 'success', title: 'Saved', text: `${meta.name} (${meta.location})`, transient: true };
}

/** A failure the admin is told about, with the host's message. */
export function errorNotice(title: string, error: unknown): { notice: NoticeState } {
  return { notice: { intent: 'error', title, text: messageOf(error) } };
}

/** What the bundled sample is, said when it opens. */
export const SAMPLE_NOTICE: NoticeState = {
  intent: 'info',
  title: 'Sample deployment',
  text: 'This is the bundled sample: fe01 assigned the OAuthTokenIssuer certificate after fe02 and fe03 took their local stores, so both are blocked. Save it under another name to keep your changes.',
};

/** Why autosave is off while unsaved work from last time is held. */
export const RECOVERY_HELD =
  'Unsaved work from last time is waiting in the recovery copy: save it as a file or discard it (the message at the top), then changes here are kept for recovery again.';
