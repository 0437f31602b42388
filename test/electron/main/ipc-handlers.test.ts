import { describe, expect, it } from 'vitest';
import { CloseGuard } from '../../../electron/main/close-guard';
import { CommandOutbox } from '../../../electron/main/command-outbox';
import type { DocumentService } from '../../../electron/main/document-service';
import { createIpcHandlers, type IpcHandlerDeps } from '../../../electron/main/ipc-handlers';
import { guardHandler, type IpcEventLike } from '../../../electron/main/ipc-guard';
import { PathRegistry } from '../../../electron/main/path-registry';
import type { RecoveryStore } from '../../../electron/main/recovery';
import { type INVOKE_CHANNELS } from '../../../electron/shared/channels';

const event: IpcEventLike = {
  senderFrame: { url: 'app://lync-runbook/index.html', processId: 1, routingId: 1, parent: null },
  sender: { id: 1 },
};

function setup(saveResult: () => Promise<{ handle: string; name: string; location: string } | null>) {
  const events: string[] = [];
  const paths = new PathRegistry(() => 'x'.repeat(16) + String(events.length).padStart(4, '0'), 'linux');
  const recoveryWrites: unknown[] = [];
  const outbox = new CommandOutbox(
    (c) => events.push(`push ${c.type}`),
    () => undefined,
  );
  const closeGuard = new CloseGuard({
    ask: async () => 'save',
    requestSave: () => outbox.push({ type: 'save' }),
    close: () => events.push('close'),
    discardRecovery: async () => void events.push('discard recovery'),
    setTimer: () => 0,
    clearTimer: () => undefined,
    log: () => undefined,
  });
  const deps: IpcHandlerDeps = {
    documents: { save: saveResult } as unknown as DocumentService,
    recovery: {
      write: async (r: unknown) => void recoveryWrites.push(r),
      find: async () => ({ path: '/home/admin/hq.lyncrunbook', name: 'hq.lyncrunbook', text: '{}', at: 't' }),
    } as unknown as RecoveryStore,
    paths,
    closeGuard,
    outbox,
    openFromOutside: async () => true,
    exportRunbook: async () => null,
    writeClipboard: (text) => events.push(`clipboard ${text}`),
    appInfo: () => ({ name: 'lync-runbook', version: '0.1.0', operator: 'j.smith', platform: 'linux' }),
    showTitle: (dirty, title) => events.push(`title ${title}${dirty ? ' *' : ''}`),
  };
  const handlers = createIpcHandlers(deps);
  const call = <C extends (typeof INVOKE_CHANNELS)[keyof typeof INVOKE_CHANNELS]>(channel: C, payload: unknown) =>
    guardHandler(channel, handlers[channel], { isTrusted: () => true, log: () => undefined })(event, payload);
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return { handlers, call, events, closeGuard, outbox, paths, recoveryWrites, settle };
}

describe('the IPC handlers', () => {
  it('close with unsaved changes → Save → the page saves → the window closes', async () => {
    const { call, events, closeGuard, outbox, settle } = setup(async () => ({
      handle: 'h'.repeat(16),
      name: 'hq.lyncrunbook',
      location: '/home/admin',
    }));
    outbox.listen();
    await call('app:set-dirty', { dirty: true, title: 'Contoso HQ' });
    expect(events).toEqual(['title Contoso HQ *']);
    expect(closeGuard.onCloseRequested()).toBe(false);
    await settle();
    expect(events).toContain('push save');
    expect(
      await call('document:save', { handle: null, suggestedName: 'Contoso HQ', text: '{}', saveAs: false }),
    ).toMatchObject({ ok: true });
    await settle();
    expect(events.slice(-2)).toEqual(['discard recovery', 'close']);
  });

  it('close → Save → the save fails: the window stays, and the page hears why', async () => {
    const { call, events, closeGuard, outbox, settle } = setup(async () => {
      const { UserError } = await import('../../../electron/main/user-error');
      throw new UserError('Could not save hq.lyncrunbook: ENOSPC.');
    });
    outbox.listen();
    await call('app:set-dirty', { dirty: true, title: 'x' });
    closeGuard.onCloseRequested();
    await settle();
    expect(await call('document:save', { handle: null, suggestedName: 'x', text: '{}', saveAs: false })).toEqual({
      ok: false,
      message: 'Could not save hq.lyncrunbook: ENOSPC.',
    });
    await settle();
    expect(events).not.toContain('close');
  });

  it('keeps paths in main: recovery is written against the path a handle names, and found with a handle', async () => {
    const { call, paths, recoveryWrites } = setup(async () => null);
    const handle = paths.issue('/home/admin/hq.lyncrunbook');
    await call('recovery:write', { handle, name: 'hq.lyncrunbook', text: '{}' });
    await call('recovery:write', { handle: 'unknownunknownunknown', name: 'x', text: '{}' });
    expect(recoveryWrites).toEqual([
      { path: '/home/admin/hq.lyncrunbook', name: 'hq.lyncrunbook', text: '{}' },
      { path: null, name: 'x', text: '{}' },
    ]);
    expect(await call('recovery:find', null)).toEqual({
      ok: true,
      value: { handle, name: 'hq.lyncrunbook', text: '{}', at: 't' },
    });
  });

  it('answers app:info, writes the clipboard, and starts sending commands on command:listen', async () => {
    const { call, events, outbox } = setup(async () => null);
    outbox.push({ type: 'new' });
    expect(await call('app:info', null)).toEqual({
      ok: true,
      value: { name: 'lync-runbook', version: '0.1.0', operator: 'j.smith', platform: 'linux' },
    });
    await call('clipboard:write', { text: 'Import-CsConfiguration -LocalStore' });
    expect(events).toEqual(['clipboard Import-CsConfiguration -LocalStore']);
    await call('command:listen', null);
    expect(events.at(-1)).toBe('push new');
  });
});
