import { describe, expect, it, vi } from 'vitest';

const events: string[] = [];
let handler: (() => Response) | null = null;
let allowRequest: ((details: { url: string }, cb: (r: { cancel: boolean }) => void) => void) | null = null;
let failNext = false;

vi.mock('electron', () => {
  class BrowserWindow {
    readonly webContents = {
      printToPDF: async (options: Record<string, unknown>) => {
        const html = await handler!().text();
        events.push(`print ${JSON.stringify(options)} ${html}`);
        if (failNext) {
          failNext = false;
          throw new Error('printing failed');
        }
        return Buffer.from(`%PDF ${html}`);
      },
    };
    constructor(readonly options: { webPreferences: Record<string, unknown> }) {
      events.push(
        `window javascript=${String(options.webPreferences.javascript)} sandbox=${String(options.webPreferences.sandbox)} preload=${String(options.webPreferences.preload)}`,
      );
    }
    loadURL = async (url: string) => void events.push(`load ${url}`);
    destroy = () => void events.push('destroy');
  }
  const session = {
    setPermissionRequestHandler: () => undefined,
    setPermissionCheckHandler: () => undefined,
    setDevicePermissionHandler: () => undefined,
    setDisplayMediaRequestHandler: () => undefined,
    on: () => undefined,
    webRequest: { onBeforeRequest: (h: typeof allowRequest) => (allowRequest = h) },
    protocol: { handle: (scheme: string, h: () => Response) => (events.push(`handle ${scheme}`), (handler = h)) },
  };
  return { BrowserWindow, session: { fromPartition: (name: string) => (events.push(`partition ${name}`), session) } };
});

describe('the PDF printer', () => {
  it('prints the HTML in a hidden window without JavaScript or preload, in its own session, and closes the window', async () => {
    const { createPdfPrinter, PRINT_CONTENT_SECURITY_POLICY } = await import('../../../electron/main/pdf-printer');
    const print = createPdfPrinter(() => undefined);
    const pdf = await print('<h1>Runbook</h1>');
    expect(new TextDecoder().decode(pdf)).toBe('%PDF <h1>Runbook</h1>');
    expect(events).toEqual([
      'partition lync-runbook-print',
      'handle app',
      'window javascript=false sandbox=true preload=undefined',
      'load app://print/runbook.html',
      expect.stringMatching(/^print \{"printBackground":true,"pageSize":"A4".*\} <h1>Runbook<\/h1>$/),
      'destroy',
    ]);
    expect(handler!().headers.get('content-security-policy')).toBe(PRINT_CONTENT_SECURITY_POLICY);
    const cancelled = (url: string) => {
      let cancel: boolean | null = null;
      allowRequest!({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(cancelled('app://print/runbook.html')).toBe(false);
    expect(cancelled('data:image/png;base64,AA==')).toBe(false);
    expect(cancelled('https://tracker.example/pixel.gif')).toBe(true);
  });

  it('prints one runbook at a time, closes the window after a failure, and keeps working', async () => {
    const { createPdfPrinter } = await import('../../../electron/main/pdf-printer');
    const print = createPdfPrinter(() => undefined);
    events.length = 0;
    failNext = true;
    const results = await Promise.allSettled([print('first'), print('second')]);
    expect(results[0]).toMatchObject({ status: 'rejected' });
    expect(results[1]).toMatchObject({ status: 'fulfilled' });
    const printed = events
      .filter((e) => e.startsWith('print ') || e === 'destroy')
      .map((e) => (e.startsWith('print') ? e.split(' ').at(-1) : e));
    expect(printed).toEqual(['first', 'destroy', 'second', 'destroy']);
  });
});
