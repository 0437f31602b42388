/** The document shell's calls to the system, built from the host in one place. */
import { fromPromise } from 'xstate';
import type { Host, OpenedDocument, RecoveredDocument } from '../../host/host';
import { documentMachine, type SaveInput } from './document.machine';
import type { HeldRecovery } from './document.words';
import type { WorkspaceMeta } from './workspace';

const FIRST_START = 'first-start-done';

/** The document shell working on this host. */
export function documentMachineFor(host: Host) {
  return documentMachine.provide({
    actors: {
      boot: fromPromise(async (): Promise<{ recovered: RecoveredDocument | null; firstStart: boolean }> => {
        const recovered = await host.findRecovery();
        const firstStart = recovered === null && host.preferences.get(FIRST_START) === null;
        if (firstStart) host.preferences.set(FIRST_START, 'yes');
        return { recovered, firstStart };
      }),
      writeRecovery: fromPromise(({ input }: { input: { meta: WorkspaceMeta; text: string } }) =>
        host.autosave({ handle: input.meta.handle, name: input.meta.name, text: input.text }),
      ),
      clearRecovery: fromPromise(() => host.clearAutosave()),
      saveDocument: fromPromise(({ input }: { input: SaveInput }): Promise<WorkspaceMeta | null> =>
        host.saveDocument({
          handle: input.meta.handle,
          suggestedName: input.suggestedName,
          text: input.text,
          saveAs: input.saveAs,
        }),
      ),
      chooseDocument: fromPromise((): Promise<OpenedDocument | null> => host.openDocument()),
      openRecent: fromPromise(({ input }: { input: string }) => host.openRecent(input)),
      exportRecovery: fromPromise(({ input }: { input: HeldRecovery }) =>
        host.exportFile({ suggestedName: `${input.name} recovered`, format: 'json', content: input.text }),
      ),
    },
    actions: {
      tellHost: (_, params) => host.setDirty(params.dirty, params.title),
    },
  });
}
