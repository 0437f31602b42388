/**
 * The document shell's types and its named actors, actions and guards (document.machine.ts puts the
 * states together). Every host call is an actor here that document.actors.ts provides from the host.
 */
import { assertEvent, assign, emit, enqueueActions, fromCallback, fromPromise, setup } from 'xstate';
import type { OpenedDocument, RecoveredDocument } from '../../host/host';
import type { NoticeState } from '../components/notice';
import {
  adoption,
  SAMPLE_NOTICE,
  savedNotice,
  type Adoption,
  type HeldRecovery,
  type OpenDocument,
  type ShellEmitted,
  type ShellEvent,
  type ShellRequest,
} from './document.words';
import type { DocumentSource, Workspace, WorkspaceMeta } from './workspace';

/** How long after a change its recovery copy is written. */
export const AUTOSAVE_DELAY_MS = 400;

/** What the shell knows. */
export interface ShellContext {
  readonly document: OpenDocument | null;
  /** True from the first change after the document was opened or saved until it is saved. */
  readonly dirty: boolean;
  /** The admin chose to drop the unsaved changes ("Don't save" before New), until they change again. */
  readonly consent: boolean;
  readonly autosaveError: string | null;
  readonly lastSavedAt: string | null;
  readonly held: HeldRecovery | null;
  readonly pending: ShellRequest | null;
  /** The save under way: Save As; asked by a request (no "Saved" message); changed while it ran. */
  readonly save: { readonly as: boolean; readonly quiet: boolean; readonly changed: boolean };
  readonly sample: DocumentSource;
  /** The operator new documents record as (the operator field can change at any time). */
  readonly operator: () => string;
}

/** What the shell is started with. */
export interface ShellInput {
  readonly sample: DocumentSource;
  readonly operator: () => string;
}

/** What saving a document needs. */
export interface SaveInput {
  readonly meta: WorkspaceMeta;
  readonly suggestedName: string;
  readonly text: string;
  readonly saveAs: boolean;
}

/** The part of enqueueActions that raises and emits. */
export type Enqueue = { raise: (event: ShellEvent) => void; emit: (event: ShellEmitted) => void };

/** Does what opening a document's text decided: the document for the document region, the words for the screens. */
export function adoptInto(enqueue: Enqueue, adopted: Adoption): void {
  if (adopted.replace !== null) enqueue.raise(adopted.replace);
  for (const event of adopted.emitted) enqueue.emit(event);
}

const notProvided = (what: string) => () => Promise.reject(new Error(`${what} was not provided by the host.`));

/** The document shell's types and named implementations; host calls are provided with `.provide()`. */
export const shellSetup = setup({
  types: {
    context: {} as ShellContext,
    events: {} as ShellEvent,
    input: {} as ShellInput,
    emitted: {} as ShellEmitted,
  },
  actors: {
    boot: fromPromise<{ recovered: RecoveredDocument | null; firstStart: boolean }>(notProvided('boot')),
    writeRecovery: fromPromise<void, { meta: WorkspaceMeta; text: string }>(notProvided('writeRecovery')),
    clearRecovery: fromPromise<void>(notProvided('clearRecovery')),
    saveDocument: fromPromise<WorkspaceMeta | null, SaveInput>(notProvided('saveDocument')),
    chooseDocument: fromPromise<OpenedDocument | null>(notProvided('chooseDocument')),
    openRecent: fromPromise<OpenedDocument, string>(notProvided('openRecent')),
    exportRecovery: fromPromise<{ name: string } | null, HeldRecovery>(notProvided('exportRecovery')),
    /** Hears of every change recorded in the open document. */
    watchSession: fromCallback<ShellEvent, Workspace>(({ sendBack, input }) =>
      input.session.subscribe(() => sendBack({ type: 'edited' })),
    ),
  },
  actions: {
    /** Tells the host whether there are unsaved changes (the desktop asks before closing). */
    tellHost: (_, _params: { dirty: boolean; title: string }) => undefined,
    notice: emit((_, params: { notice: NoticeState | null }) => ({ type: 'notice' as const, notice: params.notice })),
    takeDocument: assign(({ event }) => {
      assertEvent(event, 'document.replace');
      return { document: event.document, dirty: event.dirty, consent: false, autosaveError: null, lastSavedAt: null };
    }),
    takeSaved: enqueueActions(({ context, enqueue }, params: { meta: WorkspaceMeta }) => {
      enqueue.assign({ document: { ...context.document!, meta: params.meta } });
      if (!context.save.quiet) enqueue.emit({ type: 'notice', notice: savedNotice(params.meta) });
      // A request waiting for this save goes ahead only when nothing changed meanwhile.
      enqueue.raise({ type: context.save.changed ? 'document.save.ended' : 'document.saved' });
    }),
    /** A request that needs no dialog: carried out at once. */
    carryOut: enqueueActions(({ context, enqueue }) => {
      const request = context.pending;
      enqueue.assign({ pending: null });
      if (request?.kind === 'new') {
        enqueue.emit({ type: 'notice', notice: null });
        enqueue.emit({ type: 'setup' });
      } else if (request?.kind === 'open-sample') {
        adoptInto(enqueue, adoption(context.sample, context.operator(), 'The sample did not open'));
        enqueue.emit({ type: 'notice', notice: SAMPLE_NOTICE });
      } else if (request?.kind === 'opened') {
        adoptInto(enqueue, adoption(request.document, context.operator(), 'This file was not opened'));
      } else if (request?.kind === 'close') {
        enqueue.raise({ type: 'document.close' });
        enqueue.emit({ type: 'notice', notice: null });
        enqueue.emit({ type: 'closed' });
      } else if (request?.kind === 'create') {
        enqueue.raise({ type: 'document.replace', document: request.document, dirty: true });
        enqueue.emit({ type: 'opened', recovered: false });
        enqueue.emit({ type: 'notice', notice: null });
      }
    }),
  },
  guards: {
    isDirty: ({ context }) => context.dirty,
    /** Replacing the document now would lose unsaved changes the admin has not agreed to lose. */
    needsChoice: ({ context }) => context.dirty && !(context.consent && context.pending?.kind === 'create'),
    isHeld: ({ context }) => context.held !== null,
    isRequest: ({ context }, params: { kind: ShellRequest['kind'] }) => context.pending?.kind === params.kind,
  },
  delays: { autosave: AUTOSAVE_DELAY_MS },
});
