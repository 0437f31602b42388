// The main process's wiring, with Electron replaced by recording fakes: what happens before the app
// is ready, the window it opens, the handlers it installs, the IPC channels it registers and the
// close prompt. (No Electron binary runs on the build machines; this is what can be checked here.)
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNELS } from '../../../electron/shared/channels';
import { documentVersions } from '../support/documents';

const userData = mkdtempSync(join(tmpdir(), 'lync-runbook-main-'));
const calls: string[] = [];
const appHandlers = new Map<string, (...args: unknown[]) => unknown>();
const ipcHandlers = new Map<string, (...args: unknown[]) => Promise<unknown>>();
const windows: FakeWindow[] = [];
const sessionHandlers: Record<string, unknown> = {};
let resolveReady: () => void = () => undefined;
const ready = new Promise<void>((resolve) => (resolveReady = resolve));
let messageBoxAnswer = 2;
let saveDialogAnswer: { canceled: boolean; filePath?: string } = { canceled: true };
type MenuTemplate = { label?: string; submenu?: { id?: string; click?: () => void }[] }[];
const menu: { current: MenuTemplate | null } = { current: null };

class FakeWindow {
  readonly handlers = new Map<string, (...args: unknown[]) => unknown>();
  readonly contentsHandlers = new Map<string, (...args: unknown[]) => unknown>();
  readonly sent: unknown[][] = [];
  loaded: string | null = null;
  destroyed = false;
  readonly mainFrame = { url: 'app://lync-runbook/index.html', processId: 3, routingId: 1, parent: null };
  readonly webContents = {
    id: 42,
    mainFrame: this.mainFrame,
    on: (event: string, listener: (...args: unknown[]) => unknown) => this.contentsHandlers.set(event, listener),
    send: (...args: unknown[]) => this.sent.push(args),
  };
  constructor(readonly options: Record<string, unknown>) {
    windows.push(this);
  }
  on(event: string, listener: (...args: unknown[]) => unknown) {
    this.handlers.set(event, listener);
  }
  once(event: string, listener: (...args: unknown[]) => unknown) {
    this.handlers.set(event, listener);
  }
  loadURL(url: string) {
    this.loaded = url;
    return Promise.resolve();
  }
  isDestroyed = () => this.destroyed;
  maximize = () => calls.push('maximize');
  show = () => calls.push('show');
  getNormalBounds = () => ({ x: 10, y: 20, width: 1100, height: 700 });
  isMaximized = () => false;
  isMinimized = () => false;
  setTitle = (title: string) => calls.push(`title ${title}`);
  setDocumentEdited = () => undefined;
  close = () => {
    calls.push('window.close');
    const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
    this.handlers.get('close')?.(event);
    if (!event.defaultPrevented) calls.push('closed for real');
  };
}

vi.mock('../../../assets/icons/icon.png?asset', () => ({ default: '/app/out/main/chunks/icon.png' }));
vi.mock('electron', () => {
  const fakeSession = {
    setPermissionRequestHandler: (h: unknown) => (sessionHandlers.permissionRequest = h),
    setPermissionCheckHandler: (h: unknown) => (sessionHandlers.permissionCheck = h),
    setDevicePermissionHandler: (h: unknown) => (sessionHandlers.devicePermission = h),
    setDisplayMediaRequestHandler: (h: unknown) => (sessionHandlers.displayMedia = h),
    on: (e: string, h: unknown) => (sessionHandlers[e] = h),
    webRequest: { onBeforeRequest: (h: unknown) => (sessionHandlers.beforeRequest = h) },
    protocol: { handle: () => undefined },
  };
  return {
    app: {
      isPackaged: true,
      getPath: (name: string) => (name === 'userData' ? userData : join(userData, name)),
      getVersion: () => '0.1.0',
      enableSandbox: () => calls.push('app.enableSandbox'),
      requestSingleInstanceLock: () => (calls.push('requestSingleInstanceLock'), true),
      quit: () => calls.push('app.quit'),
      on: (event: string, listener: (...args: unknown[]) => unknown) => appHandlers.set(event, listener),
      whenReady: () => ready,
      isReady: () => true,
      setAppUserModelId: () => undefined,
      setAboutPanelOptions: () => undefined,
      addRecentDocument: () => undefined,
      clearRecentDocuments: () => undefined,
    },
    BrowserWindow: FakeWindow,
    clipboard: { writeText: (text: string) => calls.push(`clipboard ${text}`) },
    dialog: {
      showMessageBox: async (_w: unknown, options: { buttons: string[]; message: string }) => {
        calls.push(`messageBox ${options.buttons.join('/')}`);
        calls.push(`message ${options.message}`);
        return { response: messageBoxAnswer };
      },
      showErrorBox: () => undefined,
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showSaveDialog: async () => saveDialogAnswer,
    },
    ipcMain: {
      handle: (channel: string, listener: (...args: unknown[]) => Promise<unknown>) =>
        ipcHandlers.set(channel, listener),
    },
    Menu: {
      buildFromTemplate: (t: unknown) => t,
      setApplicationMenu: (t: unknown) => (menu.current = t as MenuTemplate),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown) =>
        calls.push(`registerSchemesAsPrivileged ${JSON.stringify(schemes)}`),
      handle: (scheme: string) => calls.push(`protocol.handle ${scheme}`),
    },
    screen: {
      getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
      getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }),
    },
    session: { defaultSession: fakeSession, fromPartition: () => fakeSession },
    shell: { openExternal: async (url: string) => calls.push(`openExternal ${url}`) },
  };
});

const settle = () => new Promise((r) => setTimeout(r, 20));

beforeAll(async () => {
  await import('../../../electron/main/index');
  calls.push('-- ready --');
  resolveReady();
  // Startup reads the recent list before it builds the menu: wait for the menu and the window.
  await vi.waitFor(() => expect(menu.current !== null && windows.length === 1).toBe(true));
});
afterAll(() => rmSync(userData, { recursive: true, force: true }));

describe('the main process', () => {
  it('registers the app scheme as privileged and enables the sandbox before the app is ready', () => {
    const before = calls.slice(0, calls.indexOf('-- ready --'));
    expect(before).toContain('app.enableSandbox');
    expect(before).toContain('requestSingleInstanceLock');
    expect(before.find((c) => c.startsWith('registerSchemesAsPrivileged'))).toContain(
      '"scheme":"app","privileges":{"standard":true,"secure":true',
    );
  });

  it('hardens every webContents as it is created, the default session, and serves the page from app://', () => {
    expect(appHandlers.has('web-contents-created')).toBe(true);
    expect(appHandlers.has('second-instance')).toBe(true);
    expect(appHandlers.has('open-file')).toBe(true);
    expect(Object.keys(sessionHandlers).sort()).toEqual([
      'beforeRequest',
      'devicePermission',
      'displayMedia',
      'permissionCheck',
      'permissionRequest',
      'will-download',
    ]);
    expect(calls).toContain('protocol.handle app');
    expect(windows).toHaveLength(1);
    expect(windows[0]!.loaded).toBe('app://lync-runbook/index.html');
  });

  it('opens one hardened window with the bundled preload, where it fits', () => {
    const options = windows[0]!.options as { webPreferences: Record<string, unknown>; width: number; show: boolean };
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      devTools: false,
    });
    expect(String(options.webPreferences.preload)).toMatch(/preload[/\\]index\.js$/);
    expect(options.show).toBe(false);
    expect(options.width).toBeLessThanOrEqual(1920);
  });

  it('registers every contract channel, and drops messages from anything but its window', async () => {
    expect([...ipcHandlers.keys()].sort()).toEqual(Object.values(INVOKE_CHANNELS).sort());
    const info = ipcHandlers.get('app:info')!;
    const trusted = { sender: { id: 42 }, senderFrame: windows[0]!.mainFrame };
    expect(await info(trusted, null)).toMatchObject({ ok: true, value: { name: 'lync-runbook', version: '0.1.0' } });
    await expect(info({ sender: { id: 7 }, senderFrame: windows[0]!.mainFrame }, null)).rejects.toThrow('Refused');
    await expect(
      info({ sender: { id: 42 }, senderFrame: { ...windows[0]!.mainFrame, url: 'https://evil.example/' } }, null),
    ).rejects.toThrow('Refused');
  });

  it('checks for updates only from the menu, on the channel the build holds (none here)', async () => {
    // No update check at start-up: nothing has been asked.
    expect(calls).not.toContain('message No update channel');
    const resources = mkdtempSync(join(tmpdir(), 'lync-runbook-resources-'));
    const saved = (process as { resourcesPath?: string }).resourcesPath;
    (process as { resourcesPath?: string }).resourcesPath = resources;
    try {
      const item = menu.current!.flatMap((m) => m.submenu ?? []).find((i) => i.id === 'check-for-updates')!;
      item.click!();
      await vi.waitFor(() => expect(calls).toContain('message No update channel'));
    } finally {
      (process as { resourcesPath?: string }).resourcesPath = saved;
      rmSync(resources, { recursive: true, force: true });
    }
  });

  it('sends menu commands to the page once it listens', async () => {
    const w = windows[0]!;
    const save = menu.current!.flatMap((m) => m.submenu ?? []).find((i) => i.id === 'save')!;
    save.click!();
    expect(w.sent).toEqual([]);
    await ipcHandlers.get('command:listen')!({ sender: { id: 42 }, senderFrame: w.mainFrame }, null);
    expect(w.sent).toEqual([['command:push', { type: 'save' }]]);
    await ipcHandlers.get('clipboard:write')!(
      { sender: { id: 42 }, senderFrame: w.mainFrame },
      { text: 'Get-CsCertificate' },
    );
    expect(calls).toContain('clipboard Get-CsCertificate');
  });

  it('asks natively (Replace/Cancel) before a name typed without the extension replaces a deployment', async () => {
    const [V0, V1] = documentVersions();
    const trusted = { sender: { id: 42 }, senderFrame: windows[0]!.mainFrame };
    const folder = join(userData, 'runbooks');
    mkdirSync(folder, { recursive: true });
    const file = join(folder, 'hq.lyncrunbook');
    writeFileSync(file, V0);
    const save = () =>
      ipcHandlers.get('document:save')!(trusted, { handle: null, suggestedName: 'hq', text: V1, saveAs: false });
    saveDialogAnswer = { canceled: false, filePath: join(folder, 'hq') };
    try {
      messageBoxAnswer = 1;
      expect(await save()).toEqual({ ok: true, value: null });
      expect(calls).toContain('messageBox Replace/Cancel');
      expect(readFileSync(file, 'utf8')).toBe(V0);
      messageBoxAnswer = 0;
      expect(await save()).toMatchObject({ ok: true, value: { name: 'hq.lyncrunbook' } });
      expect(readFileSync(file, 'utf8')).toBe(V1);
    } finally {
      saveDialogAnswer = { canceled: true };
    }
  });

  it("asks before closing with unsaved changes, and closes on Don't Save", async () => {
    const w = windows[0]!;
    const trusted = { sender: { id: 42 }, senderFrame: w.mainFrame };
    await ipcHandlers.get('recovery:write')!(trusted, { handle: null, name: 'Contoso HQ', text: '{}' });
    expect(existsSync(join(userData, 'recovery', 'autosave.json'))).toBe(true);
    await ipcHandlers.get('app:set-dirty')!(trusted, { dirty: true, title: 'Contoso HQ' });
    expect(calls).toContain('title • Contoso HQ — lync-runbook');
    messageBoxAnswer = 2;
    w.close();
    await vi.waitFor(() => expect(calls).toContain("messageBox Save/Don't Save/Cancel"));
    await settle();
    expect(calls).not.toContain('closed for real');
    expect(existsSync(join(userData, 'recovery', 'autosave.json'))).toBe(true);
    messageBoxAnswer = 1;
    w.close();
    await vi.waitFor(() => expect(calls.filter((c) => c === 'closed for real')).toHaveLength(1));
    // The changes were discarded, so no recovery copy is offered next time.
    expect(existsSync(join(userData, 'recovery', 'autosave.json'))).toBe(false);
    // The window's place is remembered for the next start.
    expect(JSON.parse(readFileSync(join(userData, 'window-state.json'), 'utf8'))).toEqual({
      x: 10,
      y: 20,
      width: 1100,
      height: 700,
      maximized: false,
    });
  });
});
