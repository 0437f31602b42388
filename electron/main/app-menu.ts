// The items are decided in menu.ts, tested without Electron; this only hands them to Electron, and
// runs again whenever the recent list changes.
import { app, Menu } from 'electron';
import type { CommandOutbox } from './command-outbox';
import type { DocumentService } from './document-service';
import type { OutsideSource } from './external-open';
import { buildMenuTemplate } from './menu';
import type { RecentFiles } from './recent-files';

/** What the application menu's items reach. */
export interface AppMenuDeps {
  readonly recent: RecentFiles;
  readonly documents: DocumentService;
  readonly outbox: CommandOutbox;
  readonly isDev: boolean;
  readonly openFromOutside: (path: string, source: OutsideSource) => Promise<boolean>;
  readonly showAbout: () => void;
  readonly checkForUpdates: () => void;
}

/** Sets the application menu (and the OS's recent documents) from the current recent list. */
export async function refreshAppMenu(deps: AppMenuDeps): Promise<void> {
  const { recent, documents, outbox, isDev, openFromOutside, showAbout, checkForUpdates } = deps;
  const entries = await recent.list();
  if (process.platform !== 'linux') for (const entry of entries.slice(0, 1)) app.addRecentDocument(entry.path);
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        platform: process.platform,
        isDev,
        recent: entries,
        send: (command) => outbox.push({ type: command }),
        openRecent: (path) => void openFromOutside(path, 'recent'),
        clearRecent: () => {
          app.clearRecentDocuments();
          void documents.clearRecent();
        },
        showAbout,
        checkForUpdates,
      }),
    ),
  );
}
