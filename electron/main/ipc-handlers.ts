import type { AppInfo } from '../shared/schemas';
import type { CloseGuard } from './close-guard';
import type { CommandOutbox } from './command-outbox';
import type { DocumentService } from './document-service';
import type { ExportFormat } from './export-service';
import type { OutsideSource } from './external-open';
import type { IpcHandlers } from './ipc-guard';
import type { PathRegistry } from './path-registry';
import type { RecoveryStore } from './recovery';

/** The services the IPC handlers call. */
export interface IpcHandlerDeps {
  readonly documents: DocumentService;
  readonly recovery: RecoveryStore;
  readonly paths: PathRegistry;
  readonly closeGuard: CloseGuard;
  readonly outbox: CommandOutbox;
  openFromOutside(path: string, source: OutsideSource): Promise<boolean>;
  exportRunbook(request: {
    readonly suggestedName: string;
    readonly format: ExportFormat;
    readonly content: string;
  }): Promise<{ name: string } | null>;
  writeClipboard(text: string): void;
  appInfo(): AppInfo;
  /** Shows the document's title and unsaved state on the window. */
  showTitle(dirty: boolean, title: string): void;
}

/** The handler of every contract channel, over main's services (each runs after the guard's checks). */
export function createIpcHandlers(deps: IpcHandlerDeps): IpcHandlers {
  return {
    'document:open': () => deps.documents.open(),
    'document:open-recent': ({ handle }) => deps.documents.openRecent(handle),
    'document:open-dropped': async ({ path }) => {
      await deps.openFromOutside(path, 'drop');
      return null;
    },
    'document:save': async (request) => {
      deps.closeGuard.saveStarted();
      try {
        const saved = await deps.documents.save(request);
        deps.closeGuard.saveFinished(saved !== null);
        return saved;
      } catch (error) {
        deps.closeGuard.saveFinished(false);
        throw error;
      }
    },
    'recent:list': () => deps.documents.listRecent(),
    'recent:forget': async ({ handle }) => {
      await deps.documents.forgetRecent(handle);
      return null;
    },
    'recovery:write': async ({ handle, name, text }) => {
      await deps.recovery.write({ path: handle === null ? null : deps.paths.resolve(handle), name, text });
      return null;
    },
    'recovery:clear': async () => {
      await deps.recovery.clear();
      return null;
    },
    'recovery:find': async () => {
      const found = await deps.recovery.find();
      if (found === null) return null;
      return {
        handle: found.path === null ? null : deps.paths.issue(found.path),
        name: found.name,
        text: found.text,
        at: found.at,
      };
    },
    'runbook:export': (request) => deps.exportRunbook(request),
    'clipboard:write': ({ text }) => {
      deps.writeClipboard(text);
      return null;
    },
    'app:info': () => deps.appInfo(),
    'app:set-dirty': ({ dirty, title }) => {
      deps.closeGuard.setDirty(dirty, title);
      deps.showTitle(dirty, title);
      return null;
    },
    'command:listen': () => {
      deps.outbox.listen();
      return null;
    },
  };
}
