import { BrowserWindow, session as sessions } from 'electron';
import { APP_SCHEME } from './app-protocol';
import { hardenSession, printWindowOptions, type SessionLike } from './hardening';
import type { Log } from './logger';

/** The print page's URL, on the app scheme of the print session only. */
export const PRINT_URL = `${APP_SCHEME}://print/runbook.html`;

/** The runbook HTML is self-contained and printed with JavaScript off: it needs inline styles and data: images only. */
export const PRINT_CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

/**
 * A printer turning a runbook's HTML into PDF bytes in a hidden window: its own in-memory session
 * (no cookies or storage shared with the app), no preload, JavaScript disabled, every permission
 * and every request outside the one page refused. One print at a time; one printer per app (it
 * registers the print page on its session once).
 */
export function createPdfPrinter(log: Log): (html: string) => Promise<Uint8Array> {
  let current = '';
  let chain: Promise<unknown> = Promise.resolve();
  let prepared = false;
  const printSession = () => {
    const ses = sessions.fromPartition('lync-runbook-print', { cache: false });
    if (!prepared) {
      prepared = true;
      // The page itself and its inline images; nothing else may load.
      hardenSession(ses as unknown as SessionLike, {
        allowRequest: (url) => url === PRINT_URL || url.startsWith('data:'),
        log,
      });
      ses.protocol.handle(
        APP_SCHEME,
        () =>
          new Response(current, {
            headers: {
              'Content-Type': 'text/html; charset=utf-8',
              'Content-Security-Policy': PRINT_CONTENT_SECURITY_POLICY,
            },
          }),
      );
    }
    return ses;
  };
  const print = async (html: string): Promise<Uint8Array> => {
    current = html;
    const window = new BrowserWindow(printWindowOptions(printSession()));
    try {
      await window.loadURL(PRINT_URL);
      return await window.webContents.printToPDF({
        printBackground: true,
        pageSize: 'A4',
        generateDocumentOutline: true,
      });
    } finally {
      current = '';
      window.destroy();
    }
  };
  return (html) => {
    const result = chain.then(() => print(html));
    chain = result.catch(() => undefined);
    return result;
  };
}
