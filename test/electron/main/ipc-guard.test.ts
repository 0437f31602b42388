import { describe, expect, it } from 'vitest';
import {
  guardHandler,
  isTrustedSender,
  registerIpcHandlers,
  type FrameLike,
  type IpcEventLike,
  type IpcHandlers,
  type WindowLike,
} from '../../../electron/main/ipc-guard';
import { isAppUrl } from '../../../electron/main/app-protocol';
import { UserError } from '../../../electron/main/user-error';
import { INVOKE_CHANNELS } from '../../../electron/shared/channels';

const mainFrame: FrameLike = { url: 'app://lync-runbook/index.html', processId: 4, routingId: 1, parent: null };
const window: WindowLike = { isDestroyed: () => false, webContents: { id: 7, mainFrame } };
const event = (frame: Partial<FrameLike> | null, senderId = 7): IpcEventLike => ({
  senderFrame: frame === null ? null : { ...mainFrame, ...frame },
  sender: { id: senderId },
});

describe('isTrustedSender', () => {
  it("accepts only our window's main frame showing our own page", () => {
    expect(isTrustedSender(event({}), window, isAppUrl)).toBe(true);
  });

  it.each([
    ['another webContents', event({}, 8)],
    ['a subframe', event({ routingId: 2, parent: mainFrame })],
    ['a frame of another process', event({ processId: 9 })],
    ['a page navigated elsewhere', event({ url: 'https://evil.example/index.html' })],
    ['a file:// page', event({ url: 'file:///home/admin/index.html' })],
    ['another host on our scheme', event({ url: 'app://print/runbook.html' })],
    ['a frame that is gone', event(null)],
  ])('drops messages from %s', (_name, e) => {
    expect(isTrustedSender(e, window, isAppUrl)).toBe(false);
  });

  it('drops everything once the window is gone', () => {
    expect(isTrustedSender(event({}), null, isAppUrl)).toBe(false);
    expect(isTrustedSender(event({}), { ...window, isDestroyed: () => true }, isAppUrl)).toBe(false);
  });
});

describe('guardHandler', () => {
  const trusted = { isTrusted: () => true, log: () => undefined };

  it('runs the handler with the checked request and wraps the answer', async () => {
    const handler = guardHandler(
      'recent:forget',
      async ({ handle }) => {
        expect(handle).toBe('abcdefghijklmnop');
        return null;
      },
      trusted,
    );
    await expect(handler(event({}), { handle: 'abcdefghijklmnop' })).resolves.toEqual({ ok: true, value: null });
  });

  it('drops and logs a message from an untrusted sender without running the handler', async () => {
    const logs: string[] = [];
    let ran = false;
    const handler = guardHandler(
      'clipboard:write',
      () => {
        ran = true;
        return null;
      },
      { isTrusted: () => false, log: (m) => logs.push(m) },
    );
    await expect(handler(event({ url: 'https://evil.example/' }), { text: 'x' })).rejects.toThrow('Refused');
    expect(ran).toBe(false);
    expect(logs).toEqual([
      expect.stringContaining('dropped clipboard:write from an untrusted sender (https://evil.example/)'),
    ]);
  });

  it.each([
    ['a path instead of a handle', 'document:open-recent', { handle: '/etc/passwd' }],
    ['an extra field', 'recent:forget', { handle: 'abcdefghijklmnop', path: '/tmp/x' }],
    ['a missing field', 'document:save', { handle: null, suggestedName: 'x', saveAs: false }],
    ['a wrong type', 'app:set-dirty', { dirty: 'yes', title: 'x' }],
    ['a control character in a title', 'app:set-dirty', { dirty: true, title: 'a\u0007b' }],
    ['an unknown export format', 'runbook:export', { suggestedName: 'x', format: 'docx', content: '' }],
    ['a payload where none is expected', 'document:open', { path: '/etc/passwd' }],
    ['a text over the size limit', 'clipboard:write', { text: 'x'.repeat(4 * 1024 * 1024 + 1) }],
  ] as const)('refuses %s before the handler runs', async (_name, channel, payload) => {
    const logs: string[] = [];
    let ran = false;
    const handler = guardHandler(
      channel,
      (() => {
        ran = true;
        return null;
      }) as never,
      { isTrusted: () => true, log: (m) => logs.push(m) },
    );
    const result = await handler(event({}), payload);
    expect(result).toEqual({ ok: false, message: expect.stringContaining('malformed request') });
    expect(ran).toBe(false);
    expect(logs[0]).toContain(`refused a malformed ${channel} request`);
  });

  it('refuses a wrong number of arguments', async () => {
    const handler = guardHandler(
      'app:info',
      () => ({ name: 'n', version: '1', operator: 'o', platform: 'linux' }),
      trusted,
    );
    expect(await handler(event({}))).toMatchObject({ ok: false });
    expect(await handler(event({}), null, null)).toMatchObject({ ok: false });
    expect(await handler(event({}), null)).toMatchObject({ ok: true });
  });

  it('passes a user-facing failure on and hides internal ones behind a generic message (logged)', async () => {
    const logs: string[] = [];
    const user = guardHandler('document:open', () => Promise.reject(new UserError('contoso.lyncrunbook is empty.')), {
      isTrusted: () => true,
      log: (m) => logs.push(m),
    });
    expect(await user(event({}), null)).toEqual({ ok: false, message: 'contoso.lyncrunbook is empty.' });
    const internal = guardHandler('document:open', () => Promise.reject(new TypeError('x is undefined')), {
      isTrusted: () => true,
      log: (m) => logs.push(m),
    });
    expect(await internal(event({}), null)).toEqual({
      ok: false,
      message: expect.stringMatching(/^Something went wrong in the desktop app/),
    });
    expect(logs.join()).toContain('x is undefined');
  });

  it('checks answers too: a path leaking into an answer is stopped', async () => {
    const logs: string[] = [];
    const handler = guardHandler(
      'recent:list',
      () =>
        [
          { handle: 'abcdefghijklmnop', name: 'a.lyncrunbook', location: '/x', at: 't', path: '/x/a.lyncrunbook' },
        ] as never,
      { isTrusted: () => true, log: (m) => logs.push(m) },
    );
    expect(await handler(event({}), null)).toMatchObject({ ok: false });
    expect(logs[0]).toContain('answer outside the contract');
  });
});

describe('registerIpcHandlers', () => {
  it('registers every contract channel, each behind the guard', async () => {
    const registered = new Map<string, (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>>();
    const handlers = Object.fromEntries(
      Object.values(INVOKE_CHANNELS).map((c) => [c, () => null]),
    ) as unknown as IpcHandlers;
    registerIpcHandlers({ handle: (channel, listener) => registered.set(channel, listener) }, handlers, {
      isTrusted: (e) => e.sender.id === 7,
      log: () => undefined,
    });
    expect([...registered.keys()].sort()).toEqual(Object.values(INVOKE_CHANNELS).sort());
    for (const listener of registered.values()) await expect(listener(event({}, 99), null)).rejects.toThrow('Refused');
  });
});
