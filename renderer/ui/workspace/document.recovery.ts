import { assign, raise } from 'xstate';
import { errorNotice } from './document.words';
import { shellSetup } from './document.setup';

/** Unsaved work from last time that could not be opened: held until the admin saves it as a file or discards it. */
export const recoveryRegion = shellSetup.createStateConfig({
  initial: 'free',
  states: {
    free: {
      on: { 'recovery.hold': { target: 'held', actions: assign({ held: ({ event }) => event.held }) } },
    },
    held: { on: { 'recovery.export': 'exporting', 'recovery.discard': 'discarding' } },
    exporting: {
      invoke: {
        id: 'exportRecovery',
        src: 'exportRecovery',
        input: ({ context }) => context.held!,
        onDone: [
          { guard: ({ event }) => event.output === null, target: 'held' },
          {
            target: 'releasing',
            actions: {
              type: 'notice',
              params: ({ event }) => ({
                notice: {
                  intent: 'success',
                  title: 'Saved',
                  text: `The unsaved work from last time is in ${event.output!.name}.`,
                  transient: true,
                },
              }),
            },
          },
        ],
        onError: {
          target: 'held',
          actions: { type: 'notice', params: ({ event }) => errorNotice('Not saved', event.error) },
        },
      },
    },
    // Saved as a file: the recovery slot is emptied, whether or not that succeeds.
    releasing: {
      invoke: { id: 'releaseRecovery', src: 'clearRecovery', onDone: 'free', onError: 'free' },
      exit: [assign({ held: null }), raise({ type: 'recovery.released' })],
    },
    discarding: {
      invoke: {
        id: 'discardRecovery',
        src: 'clearRecovery',
        onDone: { target: 'free', actions: [assign({ held: null }), raise({ type: 'recovery.released' })] },
        onError: 'held',
      },
    },
  },
});
