import { join } from 'node:path';
import { parseDocument } from '../../../renderer/core/document/load';
import { DocumentService } from '../../../electron/main/document-service';
import { DocumentStore } from '../../../electron/main/document-store';
import { PathRegistry } from '../../../electron/main/path-registry';
import { RecentFiles } from '../../../electron/main/recent-files';
import { MAX_DOCUMENT_BYTES } from '../../../renderer/core/document/document';
import { realFs } from './fs';

/** Main's document commands over a real folder, with scripted dialogs that record what they were asked. */
export function documentWorld(dir: string) {
  let n = 0;
  const paths = new PathRegistry(() => `h${String(++n).padStart(20, '0')}`, 'linux');
  const store = new DocumentStore({
    fs: realFs,
    paths,
    check: (text) => parseDocument(text),
    maxBytes: MAX_DOCUMENT_BYTES,
    platform: 'linux',
    randomSuffix: () => 'r',
  });
  const recent = new RecentFiles({
    file: join(dir, 'data', 'recent.json'),
    fs: realFs,
    now: () => '2026-03-14T10:00:00.000Z',
    platform: 'linux',
    randomSuffix: () => 'r',
    log: () => undefined,
  });
  const dialogs = { open: null as string | null, save: null as string | null, replace: false, asked: [] as string[] };
  let menuRebuilds = 0;
  const documents = new DocumentService({
    store,
    paths,
    recent,
    documentsFolder: join(dir, 'Documents'),
    onRecentChanged: () => menuRebuilds++,
    lockWaitMs: 300,
    dialogs: {
      chooseDocumentToOpen: async (folder) => {
        dialogs.asked.push(`open in ${folder}`);
        return dialogs.open;
      },
      chooseWhereToSave: async (defaultPath) => {
        dialogs.asked.push(`save as ${defaultPath}`);
        return dialogs.save;
      },
      confirmReplace: async (path) => {
        dialogs.asked.push(`replace ${path}?`);
        return dialogs.replace;
      },
    },
  });
  return { documents, paths, dialogs, menuRebuilds: () => menuRebuilds };
}
