// A document shell with every host call replaced by a fake (.provide()), recording what it was asked.
import { vi } from 'vitest';
import { createActor, fromPromise } from 'xstate';
import { sampleDocumentText } from '../../../renderer/core/sample/sample';
import type { OpenedDocument, RecoveredDocument } from '../../../renderer/host/host';
import { documentMachine, documentView, type SaveInput } from '../../../renderer/ui/workspace/document.machine';
import type { ShellEmitted } from '../../../renderer/ui/workspace/document.words';
import type { DocumentSource, WorkspaceMeta } from '../../../renderer/ui/workspace/workspace';

/** The bundled sample as the shell is given it. */
export const SAMPLE: DocumentSource = { handle: null, name: 'sample', location: 'test', text: sampleDocumentText() };

/** What a test may make the host do. */
export interface Fakes {
  boot?: () => Promise<{ recovered: RecoveredDocument | null; firstStart: boolean }>;
  write?: (input: { meta: WorkspaceMeta; text: string }) => Promise<void>;
  clear?: () => Promise<void>;
  save?: (input: SaveInput) => Promise<WorkspaceMeta | null>;
  choose?: () => Promise<OpenedDocument | null>;
  exportRecovery?: () => Promise<{ name: string } | null>;
}

/** A started shell, what it asked of the host (in order) and what it told the screens. */
export function startShell(fakes: Fakes = {}) {
  const calls: string[] = [];
  const machine = documentMachine.provide({
    actors: {
      boot: fromPromise(() => fakes.boot?.() ?? Promise.resolve({ recovered: null, firstStart: false })),
      writeRecovery: fromPromise(async ({ input }: { input: { meta: WorkspaceMeta; text: string } }) => {
        calls.push('write');
        await fakes.write?.(input);
      }),
      clearRecovery: fromPromise(async () => {
        calls.push('clear');
        await fakes.clear?.();
      }),
      saveDocument: fromPromise(({ input }: { input: SaveInput }) => {
        calls.push(input.saveAs ? 'save as' : 'save');
        return fakes.save?.(input) ?? Promise.resolve({ handle: 'h1', name: 'x.lyncrunbook', location: 'memory' });
      }),
      chooseDocument: fromPromise(() => {
        calls.push('choose');
        return fakes.choose?.() ?? Promise.resolve(null);
      }),
      openRecent: fromPromise(({ input }: { input: string }) => Promise.reject(new Error(`no recent ${input}`))),
      exportRecovery: fromPromise(() => {
        calls.push('export');
        return fakes.exportRecovery?.() ?? Promise.resolve({ name: 'kept.json' });
      }),
    },
    actions: { tellHost: (_, params) => calls.push(`dirty ${params.dirty}`) },
  });
  const actor = createActor(machine, { input: { sample: SAMPLE, operator: () => 'tester' } });
  const emitted: ShellEmitted[] = [];
  actor.on('*', (event) => emitted.push(event));
  actor.start();
  return {
    actor,
    calls,
    emitted,
    view: () => documentView(actor.getSnapshot()),
    workspace: () => actor.getSnapshot().context.document!.workspace,
    notices: () => emitted.flatMap((e) => (e.type === 'notice' && e.notice !== null ? [e.notice.title] : [])),
  };
}

/** Lets the fakes' promises settle (under fake timers, no time passes). */
export async function settle(): Promise<void> {
  await vi.advanceTimersByTimeAsync(0);
}
