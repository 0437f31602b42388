import { assign, raise } from 'xstate';
import type { OpenedDocument } from '../../host/host';
import { errorNotice, type ShellRequest } from './document.words';
import { shellSetup } from './document.setup';

function opened(document: OpenedDocument): ShellRequest {
  return { kind: 'opened', document };
}

/** What the admin asks for that may replace the document: asked about unsaved changes first, then carried out. */
export const requestRegion = shellSetup.createStateConfig({
  initial: 'idle',
  states: {
    idle: {
      on: { request: { target: 'settling', actions: assign({ pending: ({ event }) => event.request }) } },
    },
    settling: { always: [{ guard: 'needsChoice', target: 'confirming' }, { target: 'proceeding' }] },
    // The admin decides what happens to unsaved changes: save, don't save, or cancel.
    confirming: {
      on: {
        choose: [
          {
            guard: ({ event }) => event.choice === 'save',
            target: 'savingFirst',
            actions: raise({ type: 'save', quiet: true }),
          },
          {
            guard: ({ event }) => event.choice === 'discard',
            target: 'proceeding',
            actions: assign({ consent: true }),
          },
          { target: 'idle', actions: assign({ pending: null }) },
        ],
      },
    },
    savingFirst: {
      on: {
        'document.saved': 'proceeding',
        'document.save.ended': { target: 'idle', actions: assign({ pending: null }) },
      },
    },
    proceeding: {
      always: [
        { guard: { type: 'isRequest', params: { kind: 'open' } }, target: 'choosing' },
        { guard: { type: 'isRequest', params: { kind: 'open-recent' } }, target: 'loadingRecent' },
        { target: 'idle', actions: 'carryOut' },
      ],
    },
    choosing: {
      exit: assign({ pending: null }),
      invoke: {
        id: 'chooseDocument',
        src: 'chooseDocument',
        onDone: [
          { guard: ({ event }) => event.output === null, target: 'idle' },
          // Asked again if the document changed while the dialog was open.
          { target: 'settling', actions: assign({ pending: ({ event }) => opened(event.output!) }) },
        ],
        onError: {
          target: 'idle',
          actions: { type: 'notice', params: ({ event }) => errorNotice('Could not open', event.error) },
        },
      },
    },
    loadingRecent: {
      exit: assign({ pending: null }),
      invoke: {
        id: 'openRecent',
        src: 'openRecent',
        input: ({ context }) => (context.pending as Extract<ShellRequest, { kind: 'open-recent' }>).handle,
        onDone: { target: 'settling', actions: assign({ pending: ({ event }) => opened(event.output) }) },
        onError: {
          target: 'idle',
          actions: { type: 'notice', params: ({ event }) => errorNotice('Could not open', event.error) },
        },
      },
    },
  },
});
