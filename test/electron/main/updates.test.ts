import { describe, expect, it } from 'vitest';
import { channelOf, UpdateChecker, type UpdaterLike } from '../../../electron/main/updates';

// What electron-builder writes into resources/app-update.yml for the generic provider.
const CHANNEL =
  'provider: generic\nurl: https://updates.contoso.local/lync-runbook\nupdaterCacheDirName: lync-runbook-updater\n';

function setup(
  options: {
    channel?: string | null;
    remote?: string | null;
    answers?: number[];
    checkFails?: Error;
    downloadFails?: Error;
    readFails?: Error;
  } = {},
) {
  const told: { message: string; detail: string; kind: string }[] = [];
  const asked: { message: string; detail: string; buttons: readonly string[] }[] = [];
  const calls: string[] = [];
  const answers = [...(options.answers ?? [])];
  let loads = 0;
  const updater: UpdaterLike = {
    autoDownload: true,
    autoInstallOnAppQuit: true,
    checkForUpdates: async () => {
      calls.push(`check autoDownload=${updater.autoDownload} autoInstallOnAppQuit=${updater.autoInstallOnAppQuit}`);
      if (options.checkFails) throw options.checkFails;
      const remote = options.remote === undefined ? '0.1.0' : options.remote;
      return remote === null ? null : { isUpdateAvailable: remote !== '0.1.0', updateInfo: { version: remote } };
    },
    downloadUpdate: async () => {
      calls.push('download');
      if (options.downloadFails) throw options.downloadFails;
      return [];
    },
    quitAndInstall: () => calls.push('quitAndInstall'),
  };
  const checker = new UpdateChecker({
    currentVersion: '0.1.0',
    readChannel: async () => {
      if (options.readFails) throw options.readFails;
      return options.channel === undefined ? CHANNEL : options.channel;
    },
    loadUpdater: async () => {
      loads++;
      return updater;
    },
    prompts: {
      tell: async (message, detail, kind) => void told.push({ message, detail, kind }),
      choose: async (message, detail, buttons) => {
        asked.push({ message, detail, buttons });
        return answers.shift() ?? buttons.length - 1;
      },
    },
    log: () => undefined,
  });
  return { checker, told, asked, calls, updater, loads: () => loads };
}

describe('the update channel of a build', () => {
  it('is read from the app-update.yml electron-builder writes', () => {
    expect(channelOf(CHANNEL)).toEqual({ provider: 'generic', url: 'https://updates.contoso.local/lync-runbook' });
    expect(channelOf('provider: \'generic\'\r\nurl: "https://u.example/x"\r\n')).toEqual({
      provider: 'generic',
      url: 'https://u.example/x',
    });
    expect(channelOf('updaterCacheDirName: x\n')).toBeNull();
  });
});

describe('Check for Updates', () => {
  it('in a build without a channel says so and never loads the updater', async () => {
    const t = setup({ channel: null });
    expect(await t.checker.checkNow()).toBe('no-channel');
    expect(t.loads()).toBe(0);
    expect(t.told[0]!.message).toBe('No update channel');
    expect(t.told[0]!.detail).toMatch(/built without an update channel .*Ask whoever provides lync-runbook/);
  });

  it('turns off automatic download and install before it checks', async () => {
    const t = setup();
    expect(await t.checker.checkNow()).toBe('up-to-date');
    expect(t.calls).toEqual(['check autoDownload=false autoInstallOnAppQuit=false']);
    expect(t.told[0]).toMatchObject({
      message: 'lync-runbook 0.1.0 is up to date',
      detail: 'The newest version on https://updates.contoso.local/lync-runbook is 0.1.0.',
    });
  });

  it('downloads only when the admin says so, and a "Not now" changes nothing', async () => {
    const t = setup({ remote: '0.2.0', answers: [1] });
    expect(await t.checker.checkNow()).toBe('declined');
    expect(t.asked[0]).toMatchObject({ message: 'lync-runbook 0.2.0 is available', buttons: ['Download', 'Not now'] });
    expect(t.calls).not.toContain('download');
    expect(t.updater.autoInstallOnAppQuit).toBe(false);
  });

  it('after a download, restarts only when asked, or installs on quit', async () => {
    const now = setup({ remote: '0.2.0', answers: [0, 0] });
    expect(await now.checker.checkNow()).toBe('restarting');
    expect(now.calls).toEqual(['check autoDownload=false autoInstallOnAppQuit=false', 'download', 'quitAndInstall']);
    expect(now.asked[1]!.buttons).toEqual(['Restart and install', 'Install when I quit']);

    const later = setup({ remote: '0.2.0', answers: [0, 1] });
    expect(await later.checker.checkNow()).toBe('install-on-quit');
    expect(later.calls).not.toContain('quitAndInstall');
    expect(later.updater.autoInstallOnAppQuit).toBe(true);
  });

  it('says what failed, where, and that nothing was changed; the message is cut to its first line', async () => {
    const t = setup({ checkFails: new Error(`HttpError: 404\n${'x'.repeat(5000)}`) });
    expect(await t.checker.checkNow()).toBe('failed');
    expect(t.told[0]).toMatchObject({ message: 'Could not check for updates', kind: 'warning' });
    expect(t.told[0]!.detail).toBe(
      'https://updates.contoso.local/lync-runbook did not answer as expected: HttpError: 404\nNothing was changed. Check the network, or ask whoever runs the update server.',
    );

    const download = setup({ remote: '0.2.0', answers: [0], downloadFails: new Error('sha512 checksum mismatch') });
    expect(await download.checker.checkNow()).toBe('failed');
    expect(download.told[0]!.message).toBe('Could not download lync-runbook 0.2.0');
    expect(download.calls).not.toContain('quitAndInstall');

    const unreadable = setup({ readFails: new Error('EACCES: permission denied') });
    expect(await unreadable.checker.checkNow()).toBe('failed');
    expect(unreadable.loads()).toBe(0);
  });

  it('an unpacked build (the updater checks nothing) is told as having no channel', async () => {
    const t = setup({ remote: null });
    expect(await t.checker.checkNow()).toBe('no-channel');
  });

  it('a second click while a check runs does not start another', async () => {
    const t = setup({ remote: '0.2.0', answers: [1] });
    const [first, second] = await Promise.all([t.checker.checkNow(), t.checker.checkNow()]);
    expect([first, second]).toEqual(['declined', 'busy']);
    expect(t.calls.filter((c) => c.startsWith('check'))).toHaveLength(1);
    // Once it has finished, the admin may check again.
    expect(await t.checker.checkNow()).toBe('declined');
  });
});
