import { assign, raise } from 'xstate';
import { errorNotice, messageOf, RECOVERY_HELD, type OpenDocument } from './document.words';
import { shellSetup } from './document.setup';

function hostState(document: OpenDocument | null, dirty: boolean): { dirty: boolean; title: string } {
  if (document === null) return { dirty, title: 'lync-runbook' };
  return { dirty, title: `${dirty ? '• ' : ''}${document.meta.name} — lync-runbook` };
}

/** A document arriving where none is open. */
const replaceFromNothing = [
  { guard: ({ event }: { event: { dirty: boolean } }) => event.dirty, target: 'open.dirty', actions: 'takeDocument' },
  { target: 'open.clean', actions: 'takeDocument' },
] as const;

/** The open document: clean or dirty, its recovery copy written after each change, saving. */
export const documentRegion = shellSetup.createStateConfig({
  initial: 'none',
  // A new document re-enters `open` (a new watch on its session), never the whole shell: that
  // would reset the other regions, the held recovery copy among them.
  states: {
    none: { on: { 'document.replace': replaceFromNothing } },
    // Closed: the document goes, and with it its recovery copy (the admin chose not to keep the changes).
    // The next document may arrive before the host has finished clearing: it is taken at once.
    closing: {
      on: { 'document.replace': replaceFromNothing },
      entry: [assign({ document: null, dirty: false }), { type: 'tellHost', params: () => hostState(null, false) }],
      always: { guard: 'isHeld', target: 'none' },
      invoke: { id: 'clearClosed', src: 'clearRecovery', onDone: 'none', onError: 'none' },
    },
    open: {
      invoke: { id: 'watchSession', src: 'watchSession', input: ({ context }) => context.document!.workspace },
      on: {
        'document.close': 'closing',
        'document.replace': [
          { guard: ({ event }) => event.dirty, target: '.dirty', reenter: true, actions: 'takeDocument' },
          // The single recovery slot now belongs to the new document: a clean one needs none.
          { target: '.clearing', reenter: true, actions: 'takeDocument' },
        ],
        save: {
          target: '.saving',
          actions: assign({
            save: ({ event }) => ({ as: event.as ?? false, quiet: event.quiet ?? false, changed: false }),
          }),
        },
      },
      initial: 'clean',
      states: {
        clean: {
          entry: [
            assign({ dirty: false }),
            { type: 'tellHost', params: ({ context }) => hostState(context.document, false) },
          ],
          on: { edited: 'dirty' },
        },
        dirty: {
          entry: [
            assign({ dirty: true }),
            { type: 'tellHost', params: ({ context }) => hostState(context.document, true) },
          ],
          initial: 'waiting',
          on: { edited: { target: '.waiting', reenter: true, actions: assign({ consent: false }) } },
          states: {
            waiting: { after: { autosave: 'writing' }, on: { flush: 'writing' } },
            writing: {
              always: { guard: 'isHeld', target: 'written', actions: assign({ autosaveError: RECOVERY_HELD }) },
              invoke: {
                id: 'writeRecovery',
                src: 'writeRecovery',
                input: ({ context }) => ({
                  meta: context.document!.meta,
                  text: context.document!.workspace.text(),
                }),
                onDone: { target: 'written', actions: assign({ autosaveError: null }) },
                // Shown in the shell (the admin should save), never swallowed.
                onError: {
                  target: 'written',
                  actions: assign({ autosaveError: ({ event }) => messageOf(event.error) }),
                },
              },
            },
            // The slot became free again: the copy is written now.
            written: { on: { 'recovery.released': 'writing' } },
          },
        },
        saving: {
          on: { edited: { actions: assign({ save: ({ context }) => ({ ...context.save, changed: true }) }) } },
          invoke: {
            id: 'saveDocument',
            src: 'saveDocument',
            input: ({ context }) => ({
              meta: context.document!.meta,
              suggestedName: context.document!.workspace.suggestedName(),
              text: context.document!.workspace.text(),
              saveAs: context.save.as,
            }),
            onDone: [
              {
                guard: ({ event }) => event.output === null,
                target: 'settling',
                actions: raise({ type: 'document.save.ended' }),
              },
              // A change recorded while the save was under way is not in the file.
              {
                guard: ({ context }) => context.save.changed,
                target: 'dirty',
                actions: { type: 'takeSaved', params: ({ event }) => ({ meta: event.output! }) },
              },
              {
                target: 'clearing',
                actions: [
                  { type: 'takeSaved', params: ({ event }) => ({ meta: event.output! }) },
                  assign({ lastSavedAt: () => new Date().toISOString() }),
                ],
              },
            ],
            onError: {
              target: 'settling',
              actions: [
                { type: 'notice', params: ({ event }) => errorNotice('Not saved', event.error) },
                raise({ type: 'document.save.ended' }),
              ],
            },
          },
        },
        // After a save that did not happen: back to where the document was.
        settling: {
          always: [
            { guard: ({ context }) => context.dirty || context.save.changed, target: 'dirty' },
            { target: 'clean' },
          ],
        },
        // What is saved needs no recovery copy (and a held one is not this document's to clear).
        clearing: {
          always: { guard: 'isHeld', target: 'clean' },
          invoke: { id: 'clearRecovery', src: 'clearRecovery', onDone: 'clean', onError: 'clean' },
        },
      },
    },
  },
});
