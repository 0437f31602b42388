import { extname, isAbsolute } from 'node:path';
import { DOCUMENT_EXTENSION } from '../../renderer/core/document/document';
import type { CommandOutbox } from './command-outbox';
import type { DocumentService } from './document-service';
import { describeError } from './file-system';
import { UserError } from './user-error';

/** What opening a document from outside the page needs. */
export interface ExternalOpenDeps {
  readonly documents: DocumentService;
  readonly outbox: CommandOutbox;
  /** A native error box: the page did not ask, so there is no request to answer with the refusal. */
  showError(message: string): void;
  log(message: string): void;
}

/** Where a document opened from outside the page came from. */
export type OutsideSource = 'os' | 'recent' | 'drop';

/**
 * Opens a document that arrives from outside the page — a file argument, macOS's open-file, a
 * second launch, the Open Recent menu, a drop on the window — and hands it to the page as an
 * `opened` command. A refusal is shown natively and never sent to the page, so a page could not
 * use a drop to read bits of arbitrary files through error messages; and a drop, whose path comes
 * through the renderer process, must name a `.lyncrunbook` file by an absolute path.
 */
export function createExternalOpener(deps: ExternalOpenDeps): (path: string, source: OutsideSource) => Promise<boolean> {
  return async (path, source) => {
    if (!isAbsolute(path) || (source === 'drop' && extname(path).toLowerCase() !== DOCUMENT_EXTENSION)) {
      deps.showError(`Only lync-runbook deployments (${DOCUMENT_EXTENSION} files) can be opened this way.`);
      return false;
    }
    try {
      const document = await deps.documents.openPath(path);
      deps.outbox.push({ type: 'opened', document });
      return true;
    } catch (error) {
      if (error instanceof UserError) deps.showError(error.message);
      else {
        deps.log(`open: ${describeError(error)}`);
        deps.showError(`Could not open the document: ${describeError(error)}.`);
      }
      return false;
    }
  };
}
