import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate, type MenuCommand } from '../../../electron/main/menu';

function build(overrides: Partial<Parameters<typeof buildMenuTemplate>[0]> = {}) {
  const sent: MenuCommand[] = [];
  const opened: string[] = [];
  let about = 0;
  let updates = 0;
  let cleared = 0;
  const template = buildMenuTemplate({
    platform: 'win32',
    isDev: false,
    recent: [
      {
        path: 'C:\\Runbooks\\Contoso & Fabrikam.lyncrunbook',
        name: 'Contoso & Fabrikam.lyncrunbook',
        location: 'C:\\Runbooks',
      },
      { path: 'C:\\Runbooks\\hq.lyncrunbook', name: 'hq.lyncrunbook', location: 'C:\\Runbooks' },
    ],
    send: (c) => sent.push(c),
    openRecent: (p) => opened.push(p),
    clearRecent: () => cleared++,
    showAbout: () => about++,
    checkForUpdates: () => updates++,
    ...overrides,
  });
  const menu = (label: string) =>
    template.find((m) => m.label?.replace('&', '') === label)?.submenu as MenuItemConstructorOptions[];
  const item = (menuLabel: string, label: string) =>
    menu(menuLabel).find((i) => i.label?.replace(/&(?!&)/g, '') === label)!;
  const click = (i: MenuItemConstructorOptions) => (i.click as () => void)();
  return {
    template,
    menu,
    item,
    click,
    sent,
    opened,
    about: () => about,
    updates: () => updates,
    cleared: () => cleared,
  };
}

describe('the application menu', () => {
  it('has File, Edit, View and Help', () => {
    expect(build().template.map((m) => m.label?.replace('&', ''))).toEqual(['File', 'Edit', 'View', 'Help']);
    expect(build({ platform: 'darwin' }).template.map((m) => m.label ?? m.role)).toEqual([
      'lync-runbook',
      '&File',
      '&Edit',
      '&View',
      'windowMenu',
      '&Help',
    ]);
  });

  it.each([
    ['New Deployment', 'CmdOrCtrl+N', 'new'],
    ['Open…', 'CmdOrCtrl+O', 'open'],
    ['Save', 'CmdOrCtrl+S', 'save'],
    ['Save As…', 'CmdOrCtrl+Shift+S', 'save-as'],
    ['Export Runbook…', 'CmdOrCtrl+E', 'export'],
    ['Close Deployment', 'Ctrl+W', 'close'],
  ] as const)('File › %s (%s) sends "%s" to the page', (label, accelerator, command) => {
    const m = build();
    const item = m.item('File', label);
    expect(item.accelerator).toBe(accelerator);
    expect(item.id).toBe(command);
    m.click(item);
    expect(m.sent).toEqual([command]);
  });

  it('File › Import a Topology… sends "import-topology" to the page (the start screen with its import open)', () => {
    const m = build();
    const item = m.item('File', 'Import a Topology…');
    expect(item.accelerator).toBeUndefined();
    m.click(item);
    expect(m.sent).toEqual(['import-topology']);
  });

  it('File › Close Deployment has no shortcut on macOS, where Cmd+W closes the window', () => {
    const m = build({ platform: 'darwin' });
    const item = m.item('File', 'Close Deployment');
    expect(item.accelerator).toBeUndefined();
    m.click(item);
    expect(m.sent).toEqual(['close']);
  });

  it('lists recent documents, showing names as typed, opening by path in main', () => {
    const m = build();
    const recent = m.item('File', 'Open Recent').submenu as MenuItemConstructorOptions[];
    expect(recent[0]!.label).toBe('&1 Contoso && Fabrikam.lyncrunbook');
    expect(recent[1]!.sublabel).toBe('C:\\Runbooks');
    m.click(recent[1]!);
    expect(m.opened).toEqual(['C:\\Runbooks\\hq.lyncrunbook']);
    m.click(recent.at(-1)!);
    expect(m.cleared()).toBe(1);
  });

  it('says so when there are no recent documents', () => {
    const recent = build({ recent: [] }).item('File', 'Open Recent').submenu as MenuItemConstructorOptions[];
    expect(recent).toEqual([{ label: 'No recent deployments', enabled: false }]);
  });

  it('quits from File on Windows and Linux; macOS quits from the app menu', () => {
    expect(build().menu('File').at(-1)).toMatchObject({ role: 'quit' });
    const mac = build({ platform: 'darwin' });
    expect(mac.menu('File').at(-1)).toMatchObject({ role: 'close' });
    expect((mac.template[0]!.submenu as MenuItemConstructorOptions[]).at(-1)).toMatchObject({ role: 'quit' });
  });

  it('has the standard editing roles', () => {
    expect(
      build()
        .menu('Edit')
        .map((i) => i.role)
        .filter(Boolean),
    ).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectAll']);
  });

  it('offers reload and developer tools only in development', () => {
    const roles = (isDev: boolean) =>
      build({ isDev })
        .menu('View')
        .map((i) => i.role);
    expect(roles(false)).not.toContain('reload');
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).toEqual(expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']));
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('Help › About lync-runbook shows the About box', () => {
    const m = build();
    m.click(m.item('Help', 'About lync-runbook'));
    expect(m.about()).toBe(1);
  });

  it('Check for Updates… is in Help (in the app menu on macOS) and only runs when clicked', () => {
    const m = build();
    expect(m.updates()).toBe(0);
    m.click(m.item('Help', 'Check for Updates…'));
    expect(m.updates()).toBe(1);
    const mac = build({ platform: 'darwin' });
    expect(mac.menu('lync-runbook').map((i) => i.id ?? i.role ?? i.type)).toEqual(
      expect.arrayContaining(['about', 'check-for-updates']),
    );
    expect(mac.menu('Help').map((i) => i.id)).toEqual(['about']);
  });
});
