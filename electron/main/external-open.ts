import { extname, isAbsolute } from 'node:path';
import { DOCUMENT_EXTENSION } from '../../renderer/core/document/document';
import type { CommandOutbox } from './command-outbox';
import type { DocumentService } from './document-service';
import { describeError } from '../node/file-system';
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
 * Whether a path names a network share or a Windows device namespace rather than a local file:
 * `\\server\share\…`, `//server/share/…`, `\\?\…`, `\\.\…` and `\??\…`, with either slash. Decided
 * on the text alone, the same on every platform, so checking it never touches the network.
 */
export function isNetworkOrDevicePath(path: string): boolean {
  return /^[\\/]{2}/.test(path) || /^[\\/]\?\?[\\/]/.test(path);
}

/**
 * Opens a document that arrives from outside the page — a file argument, macOS's open-file, a
 * second launch, the Open Recent menu, a drop on the window — and hands it to the page as an
 * `opened` command. A refusal is shown natively and never sent to the page, so a page could not
 * use a drop to read bits of arbitrary files through error messages; and a drop, whose path comes
 * through the renderer process, must name a local `.lyncrunbook` file by an absolute path: a
 * compromised page could otherwise name `\\attacker\share\x.lyncrunbook` and make main connect to
 * that server, which on Windows hands it the user's NTLM credentials. A path the user chose
 * (argv, double-click, the Open dialog, the recent list) may still be on a share.
 */
export function createExternalOpener(
  deps: ExternalOpenDeps,
): (path: string, source: OutsideSource) => Promise<boolean> {
  return async (path, source) => {
    if (source === 'drop' && isNetworkOrDevicePath(path)) {
      deps.log('open: refused a dropped file on a network share or device path');
      deps.showError(
        'Files on a network share (\\\\server\\share\\…) or a device path cannot be opened by dropping them on the window. Use File › Open to choose the file, or copy it to this computer first.',
      );
      return false;
    }
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
