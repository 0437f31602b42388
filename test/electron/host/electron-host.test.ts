import { describe, expect, it } from 'vitest';
import type { LyncRunbookBridge } from '../../../electron/shared/bridge';
import type { HostCommandPayload } from '../../../electron/shared/schemas';
import { createElectronHost } from '../../../renderer/host/electron-host';
import { HostError, type Preferences } from '../../../renderer/host/host';

const ok = <T>(value: T) => Promise.resolve({ ok: true as const, value });
const memory = (): Preferences => {
  const m = new Map<string, string>();
  return { get: (k) => m.get(k) ?? null, set: (k, v) => (v === null ? m.delete(k) : m.set(k, v)) };
};

function fakeBridge(overrides: Partial<LyncRunbookBridge> = {}) {
  const calls: string[] = [];
  const listeners = new Set<(c: HostCommandPayload) => void>();
  const doc = { handle: 'abcdefghijklmnop', name: 'hq.lyncrunbook', location: '/home/admin', text: '{}' };
  const bridge: LyncRunbookBridge = {
    openDocument: () => ok(doc),
    openRecent: (h) => (calls.push(`openRecent ${h}`), ok(doc)),
    openDroppedFile: (f) => (calls.push(`drop ${f.name}`), ok(null)),
    saveDocument: (r) => (
      calls.push(`save ${JSON.stringify(r)}`),
      ok({ handle: doc.handle, name: doc.name, location: doc.location })
    ),
    listRecent: () => ok([]),
    forgetRecent: () => ok(null),
    writeRecovery: () => ok(null),
    clearRecovery: () => ok(null),
    findRecovery: () => ok(null),
    exportRunbook: () => ok({ name: 'r.pdf' }),
    writeClipboard: (t) => (calls.push(`clip ${t}`), ok(null)),
    appInfo: () => (
      calls.push('appInfo'),
      ok({ name: 'lync-runbook', version: '0.1.0', operator: 'j.smith', platform: 'win32' })
    ),
    setDirty: (d, t) => (calls.push(`dirty ${d} ${t}`), ok(null)),
    onCommand: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    ...overrides,
  };
  return { bridge, calls, listeners };
}

describe('createElectronHost', () => {
  it('is the desktop host: PDF export, the workstation time zone', () => {
    const host = createElectronHost(fakeBridge().bridge, { dropTarget: null, preferences: memory() });
    expect(host.kind).toBe('electron');
    expect(host.canExportPdf).toBe(true);
    expect(host.timeZone()).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });

  it('passes calls through and answers with their values', async () => {
    const { bridge, calls } = fakeBridge();
    const host = createElectronHost(bridge, { dropTarget: null, preferences: memory() });
    expect(await host.saveDocument({ handle: null, suggestedName: 'HQ', text: '{}', saveAs: false })).toEqual({
      handle: 'abcdefghijklmnop',
      name: 'hq.lyncrunbook',
      location: '/home/admin',
    });
    await host.copyText('Get-CsManagementStoreReplicationStatus');
    expect(calls).toEqual([
      'save {"handle":null,"suggestedName":"HQ","text":"{}","saveAs":false}',
      'clip Get-CsManagementStoreReplicationStatus',
    ]);
    expect(await host.exportFile({ suggestedName: 'r', format: 'pdf', content: '<html/>' })).toEqual({ name: 'r.pdf' });
  });

  it("rejects with a HostError carrying main's message for the user", async () => {
    const { bridge } = fakeBridge({
      openRecent: () => Promise.resolve({ ok: false, message: 'hq.lyncrunbook could not be found.' }),
    });
    const host = createElectronHost(bridge, { dropTarget: null, preferences: memory() });
    const error = await host.openRecent('abcdefghijklmnop').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect((error as Error).message).toBe('hq.lyncrunbook could not be found.');
  });

  it('turns a refused or broken IPC call into a HostError too', async () => {
    const { bridge } = fakeBridge({
      listRecent: () => Promise.reject(new Error("Error invoking remote method 'recent:list': Refused.")),
    });
    const host = createElectronHost(bridge, { dropTarget: null, preferences: memory() });
    await expect(host.listRecent()).rejects.toThrow(/desktop app did not answer/);
  });

  it('asks main once for the operator name', async () => {
    const { bridge, calls } = fakeBridge();
    const host = createElectronHost(bridge, { dropTarget: null, preferences: memory() });
    expect(await host.defaultOperator()).toBe('j.smith');
    expect(await host.defaultOperator()).toBe('j.smith');
    expect(calls.filter((c) => c === 'appInfo')).toHaveLength(1);
  });

  it('tells main about unsaved changes without making the page wait or fail', () => {
    const { bridge, calls } = fakeBridge({ setDirty: () => Promise.reject(new Error('gone')) });
    const host = createElectronHost(bridge, { dropTarget: null, preferences: memory() });
    expect(() => host.setDirty(true, 'HQ')).not.toThrow();
    expect(calls).toEqual([]);
  });

  it('relays commands from the menu and the OS, and unsubscribes', () => {
    const { bridge, listeners } = fakeBridge();
    const host = createElectronHost(bridge, { dropTarget: null, preferences: memory() });
    const got: string[] = [];
    const off = host.onCommand((c) => got.push(c.type));
    for (const l of listeners) l({ type: 'save-as' });
    off();
    expect(got).toEqual(['save-as']);
    expect(listeners.size).toBe(0);
  });

  it('hands a .lyncrunbook file dropped on the window to main, and leaves other drops to the page', () => {
    const { bridge, calls } = fakeBridge();
    const target = new EventTarget();
    createElectronHost(bridge, { dropTarget: target, preferences: memory() });
    const drop = (names: string[]) => {
      const event = new Event('drop', { cancelable: true }) as Event & { dataTransfer: unknown };
      event.dataTransfer = { types: ['Files'], files: names.map((name) => new File(['{}'], name)) };
      let reachedPage = false;
      target.addEventListener('drop', () => (reachedPage = true), { once: true });
      target.dispatchEvent(event);
      return { prevented: event.defaultPrevented, reachedPage };
    };
    expect(drop(['notes.txt', 'HQ.LyncRunbook'])).toEqual({ prevented: true, reachedPage: false });
    expect(calls).toEqual(['drop HQ.LyncRunbook']);
    expect(drop(['topology.tbxml'])).toEqual({ prevented: false, reachedPage: true });
    const over = new Event('dragover', { cancelable: true }) as Event & { dataTransfer: unknown };
    over.dataTransfer = { types: ['Files'], files: [] };
    target.dispatchEvent(over);
    expect(over.defaultPrevented).toBe(true);
  });
});
