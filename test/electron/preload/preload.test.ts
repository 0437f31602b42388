import { beforeAll, describe, expect, it, vi } from 'vitest';
import { BRIDGE_NAME, COMMAND_CHANNEL, INVOKE_CHANNELS } from '../../../electron/shared/channels';

const exposed: Record<string, unknown> = {};
const invoked: unknown[][] = [];
const listeners = new Map<string, Set<(...args: unknown[]) => void>>();

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (name: string, api: unknown) => (exposed[name] = api) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => {
      invoked.push(args);
      return Promise.resolve({ ok: true, value: null });
    },
    on: (channel: string, l: (...args: unknown[]) => void) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(l);
    },
    removeListener: (channel: string, l: (...args: unknown[]) => void) => listeners.get(channel)?.delete(l),
  },
  webUtils: { getPathForFile: (file: { fakePath?: string }) => file.fakePath ?? '' },
}));

beforeAll(async () => {
  await import('../../../electron/preload/index');
});

describe('the preload', () => {
  it('exposes one object, lyncRunbook, of functions only — never ipcRenderer', () => {
    expect(Object.keys(exposed)).toEqual([BRIDGE_NAME]);
    const bridge = exposed[BRIDGE_NAME] as Record<string, unknown>;
    for (const [key, value] of Object.entries(bridge)) expect(typeof value, key).toBe('function');
    expect(Object.keys(bridge)).not.toContain('ipcRenderer');
    expect(Object.keys(bridge)).toHaveLength(Object.keys(INVOKE_CHANNELS).length);
  });

  it('sends each call on its contract channel with exactly one argument', async () => {
    const bridge = exposed[BRIDGE_NAME] as Record<string, (...args: unknown[]) => Promise<unknown>>;
    invoked.length = 0;
    await bridge.openDocument!();
    await bridge.openRecent!('abcdefghijklmnop');
    await bridge.saveDocument!({ handle: null, suggestedName: 'x', text: '{}', saveAs: true, extra: 'dropped' });
    await bridge.setDirty!(true, 'Contoso');
    await bridge.openDroppedFile!({ fakePath: '/home/admin/hq.lyncrunbook' });
    expect(invoked).toEqual([
      ['document:open', null],
      ['document:open-recent', { handle: 'abcdefghijklmnop' }],
      ['document:save', { handle: null, suggestedName: 'x', text: '{}', saveAs: true }],
      ['app:set-dirty', { dirty: true, title: 'Contoso' }],
      ['document:open-dropped', { path: '/home/admin/hq.lyncrunbook' }],
    ]);
  });

  it('relays pushed commands without the IPC event, tells main once that the page listens, and unsubscribes', () => {
    const bridge = exposed[BRIDGE_NAME] as { onCommand(l: (c: unknown) => void): () => void };
    invoked.length = 0;
    const received: unknown[][] = [];
    const off = bridge.onCommand((...args) => received.push(args));
    bridge.onCommand(() => undefined);
    expect(invoked).toEqual([['command:listen', null]]);
    for (const l of listeners.get(COMMAND_CHANNEL)!) l({ sender: 'ipcRenderer would leak here' }, { type: 'save' });
    expect(received).toEqual([[{ type: 'save' }]]);
    off();
    expect(listeners.get(COMMAND_CHANNEL)!.size).toBe(1);
  });
});
