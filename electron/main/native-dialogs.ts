// The native dialogs main shows. The window is looked up at each call: the services that ask are
// built before it exists, and it is gone once closed.
import { app, dialog, type BrowserWindow } from 'electron';
import iconPath from '../../assets/icons/icon.png?asset';
import { aboutBox } from './about';
import type { DocumentDialogs } from './document-service';
import { EXPORT_FORMATS, type ExportFormat } from './export-service';
import { replaceFilePrompt } from './file-names';
import type { UpdatePrompts } from './updates';

/** Main's native dialogs: the document dialogs, the export's save dialog, and the error and About boxes. */
export interface NativeDialogs extends DocumentDialogs {
  chooseWhereToExport(defaultPath: string, format: ExportFormat): Promise<string | null>;
  /** Says why a document could not be opened: over the window, or on its own when there is none. */
  showError(message: string): void;
  showAbout(): void;
  /** The update check's messages and questions (Help › Check for Updates…). */
  readonly updatePrompts: UpdatePrompts;
}

/** The native dialogs, shown over whatever window `mainWindow()` returns at the time. */
export function createNativeDialogs(mainWindow: () => BrowserWindow | null): NativeDialogs {
  // A name typed without its extension gets it after the save dialog's own overwrite question.
  const confirmReplace = async (path: string) =>
    (await dialog.showMessageBox(mainWindow()!, replaceFilePrompt(path))).response === 0;

  const chooseDocumentToOpen = async (defaultPath: string) => {
    const result = await dialog.showOpenDialog(mainWindow()!, {
      title: 'Open Deployment',
      defaultPath,
      properties: ['openFile'],
      filters: [
        { name: 'lync-runbook deployment', extensions: ['lyncrunbook'] },
        { name: 'All files', extensions: ['*'] },
      ],
    });
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };

  const chooseWhereToSave = async (defaultPath: string) => {
    const result = await dialog.showSaveDialog(mainWindow()!, {
      title: 'Save Deployment',
      defaultPath,
      properties: ['createDirectory', 'showOverwriteConfirmation'],
      filters: [{ name: 'lync-runbook deployment', extensions: ['lyncrunbook'] }],
    });
    return result.canceled || !result.filePath ? null : result.filePath;
  };

  const chooseWhereToExport = async (defaultPath: string, format: ExportFormat) => {
    const result = await dialog.showSaveDialog(mainWindow()!, {
      title: 'Export Runbook',
      defaultPath,
      properties: ['createDirectory', 'showOverwriteConfirmation'],
      filters: [{ name: EXPORT_FORMATS[format].filter, extensions: [EXPORT_FORMATS[format].extension.slice(1)] }],
    });
    return result.canceled || !result.filePath ? null : result.filePath;
  };

  const showError = (message: string) => {
    const window = mainWindow();
    if (window !== null)
      void dialog.showMessageBox(window, {
        type: 'error',
        title: 'lync-runbook',
        message: 'The document could not be opened.',
        detail: message,
        noLink: true,
      });
    else dialog.showErrorBox('lync-runbook', message);
  };

  const showAbout = () => {
    const box = aboutBox(app.getVersion(), {
      electron: process.versions.electron,
      chrome: process.versions.chrome,
      node: process.versions.node,
    });
    const options = {
      type: 'info' as const,
      title: box.title,
      message: box.message,
      detail: box.detail,
      buttons: ['OK'],
      noLink: true,
      icon: iconPath,
    };
    const window = mainWindow();
    if (window !== null) void dialog.showMessageBox(window, options);
    else void dialog.showMessageBox(options);
  };

  const messageBox = async (options: Electron.MessageBoxOptions) => {
    const window = mainWindow();
    return (window !== null ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options))
      .response;
  };
  const updatePrompts: UpdatePrompts = {
    tell: async (message, detail, kind) => {
      await messageBox({ type: kind, title: 'Check for Updates', message, detail, buttons: ['OK'], noLink: true });
    },
    choose: (message, detail, buttons) =>
      messageBox({
        type: 'question',
        title: 'Check for Updates',
        message,
        detail,
        buttons: [...buttons],
        defaultId: 0,
        cancelId: buttons.length - 1,
        noLink: true,
      }),
  };

  return {
    chooseDocumentToOpen,
    chooseWhereToSave,
    confirmReplace,
    chooseWhereToExport,
    showError,
    showAbout,
    updatePrompts,
  };
}
