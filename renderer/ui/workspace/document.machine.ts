/**
 * The document shell: which deployment is open, whether it has unsaved changes, its recovery copy,
 * saving, asking before unsaved work would be lost, and unsaved work from last time that could not
 * be opened. Everything it asks of the system is an actor provided from the host in one place
 * (document.actors.ts); app.tsx only routes and renders. Its two promises, walked in its graph test:
 * a dirty document is never replaced without the admin's choice, and a held recovery copy is never
 * written over. Its regions: document.recovery.ts, document.open.ts, document.requests.ts.
 */
import { enqueueActions, type ActorRefFrom, type SnapshotFrom } from 'xstate';
import { adoption, errorNotice, openDocument, recoveredSource, SAMPLE_NOTICE } from './document.words';
import { documentRegion } from './document.open';
import { recoveryRegion } from './document.recovery';
import { requestRegion } from './document.requests';
import { adoptInto, shellSetup } from './document.setup';
import type { WorkspaceMeta } from './workspace';

export type { SaveInput, ShellContext, ShellInput } from './document.setup';
export { AUTOSAVE_DELAY_MS } from './document.setup';
export type { HeldRecovery, ShellEvent, ShellRequest } from './document.words';

/** The document shell (see the top of this file). Host calls are provided with `.provide()`. */
export const documentMachine = shellSetup.createMachine({
  id: 'shell',
  context: ({ input }) => ({
    document: null,
    dirty: false,
    consent: false,
    autosaveError: null,
    lastSavedAt: null,
    held: null,
    pending: null,
    save: { as: false, quiet: false, changed: false },
    sample: input.sample,
    operator: input.operator,
  }),
  initial: 'booting',
  states: {
    // Work in progress from last time, if any; otherwise the sample on the very first start.
    booting: {
      invoke: {
        id: 'boot',
        src: 'boot',
        onDone: {
          target: 'ready',
          actions: enqueueActions(({ context, event, enqueue }) => {
            const { recovered, firstStart } = event.output;
            if (recovered !== null) {
              const opened = openDocument(recoveredSource(recovered), context.operator());
              if (opened.ok) {
                enqueue.raise({ type: 'document.replace', document: opened.document, dirty: true });
                enqueue.emit({ type: 'opened', recovered: true });
              } else {
                // Never thrown away unasked: it may be the only copy of unsaved work.
                const held = { name: recovered.name, text: recovered.text, message: opened.message };
                enqueue.raise({ type: 'recovery.hold', held });
              }
            } else if (firstStart) {
              adoptInto(enqueue, adoption(context.sample, context.operator(), 'The sample did not open'));
              enqueue.emit({ type: 'notice', notice: SAMPLE_NOTICE });
            }
          }),
        },
        onError: {
          target: 'ready',
          actions: {
            type: 'notice',
            params: ({ event }) => errorNotice('Could not check for work in progress', event.error),
          },
        },
      },
    },
    ready: {
      type: 'parallel',
      states: {
        recovery: recoveryRegion,
        document: documentRegion,
        request: requestRegion,
      },
    },
  },
});

/** The shell as the screens show it. */
export interface DocumentView extends WorkspaceMeta {
  readonly dirty: boolean;
  readonly lastSavedAt: string | null;
  /** Why the last recovery copy could not be written, until one is written again. */
  readonly autosaveError: string | null;
}

/** What the screens show of the open document (null when none is open). */
export function documentView(snapshot: SnapshotFrom<typeof documentMachine>): DocumentView | null {
  const { document, dirty, lastSavedAt, autosaveError } = snapshot.context;
  return document === null ? null : { ...document.meta, dirty, lastSavedAt, autosaveError };
}

/** Equal views render the same. */
export function sameView(a: DocumentView | null, b: DocumentView | null): boolean {
  if (a === null || b === null) return a === b;
  return (Object.keys(a) as (keyof DocumentView)[]).every((k) => a[k] === b[k]);
}

/** The running shell. */
export type DocumentActor = ActorRefFrom<typeof documentMachine>;
