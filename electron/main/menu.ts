import type { MenuItemConstructorOptions } from 'electron';

/** The commands a menu item sends to the page (HostCommand types without a payload). */
export type MenuCommand = 'new' | 'open' | 'import-topology' | 'save' | 'save-as' | 'export' | 'close';

/** What the menu shows and does; every effect goes through these callbacks. */
export interface MenuOptions {
  readonly platform: NodeJS.Platform;
  /** Development build: reload and developer tools in the View menu. */
  readonly isDev: boolean;
  readonly recent: readonly { readonly path: string; readonly name: string; readonly location: string }[];
  send(command: MenuCommand): void;
  openRecent(path: string): void;
  clearRecent(): void;
  showAbout(): void;
  /** Help › Check for Updates…: the only time the app looks for a newer version. */
  checkForUpdates(): void;
}

// Windows and Linux menus read '&' as a mnemonic marker; a file name must show as typed.
const literal = (text: string) => text.replace(/&/g, '&&');

/** Builds the application menu: File, Edit, View, (Window on macOS), Help, with the usual shortcuts; command items carry their command as id. */
export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const recent: MenuItemConstructorOptions[] =
    options.recent.length === 0
      ? [{ label: 'No recent deployments', enabled: false }]
      : [
          ...options.recent.map((entry, index): MenuItemConstructorOptions => ({
            label: `${index < 9 ? `&${index + 1} ` : ''}${literal(entry.name)}`,
            sublabel: entry.location,
            toolTip: entry.location,
            click: () => options.openRecent(entry.path),
          })),
          { type: 'separator' },
          { label: 'Clear Recently Opened', click: () => options.clearRecent() },
        ];
  const about: MenuItemConstructorOptions = {
    id: 'about',
    label: 'About lync-runbook',
    click: () => options.showAbout(),
  };
  const updates: MenuItemConstructorOptions = {
    id: 'check-for-updates',
    label: 'Check for &Updates…',
    click: () => options.checkForUpdates(),
  };
  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      label: 'lync-runbook',
      submenu: [
        about,
        updates,
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }
  template.push({
    label: '&File',
    submenu: [
      { id: 'new', label: '&New Deployment', accelerator: 'CmdOrCtrl+N', click: () => options.send('new') },
      { id: 'open', label: '&Open…', accelerator: 'CmdOrCtrl+O', click: () => options.send('open') },
      { label: 'Open &Recent', submenu: recent },
      // A new deployment from Topology Builder's topology, as the start screen offers.
      { id: 'import-topology', label: '&Import a Topology…', click: () => options.send('import-topology') },
      { type: 'separator' },
      { id: 'save', label: '&Save', accelerator: 'CmdOrCtrl+S', click: () => options.send('save') },
      { id: 'save-as', label: 'Save &As…', accelerator: 'CmdOrCtrl+Shift+S', click: () => options.send('save-as') },
      { type: 'separator' },
      { id: 'export', label: '&Export Runbook…', accelerator: 'CmdOrCtrl+E', click: () => options.send('export') },
      { type: 'separator' },
      // Back to the start screen: import a topology, the recent deployments, the sample.
      // (Cmd+W on a Mac closes the window, as Mac apps do; Ctrl+W elsewhere closes the deployment.)
      {
        id: 'close',
        label: '&Close Deployment',
        ...(mac ? {} : { accelerator: 'Ctrl+W' }),
        click: () => options.send('close'),
      },
      mac ? { role: 'close' } : { role: 'quit', label: 'E&xit', accelerator: 'Alt+F4' },
    ],
  });
  template.push({
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(mac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
      { role: 'delete' },
      { type: 'separator' },
      { role: 'selectAll' },
    ],
  });
  template.push({
    label: '&View',
    submenu: [
      ...(options.isDev
        ? [
            { role: 'reload' } as const,
            { role: 'forceReload' } as const,
            { role: 'toggleDevTools' } as const,
            { type: 'separator' } as const,
          ]
        : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  });
  if (mac) template.push({ role: 'windowMenu' });
  template.push({ label: '&Help', role: 'help', submenu: mac ? [about] : [updates, { type: 'separator' }, about] });
  return template;
}
