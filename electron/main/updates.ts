// Updates are checked only when the admin asks (Help › Check for Updates…): an app used during a
// change window must not fetch, download or restart by itself. The channel is the one the build
// was made with (electron-builder's generic provider writes resources/app-update.yml); a build made
// without one says so. Electron's updater is reached through UpdaterLike so this runs under Node.

/** The part of electron-updater's AppUpdater this uses. */
export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  checkForUpdates(): Promise<{
    readonly isUpdateAvailable: boolean;
    readonly updateInfo: { readonly version: string };
  } | null>;
  downloadUpdate(): Promise<unknown>;
  quitAndInstall(): void;
}

/** Where this build looks for updates, read from the app-update.yml the build wrote. */
export interface UpdateChannel {
  readonly provider: string;
  readonly url: string | null;
}

/** How the outcome is told and choices asked; the native message box in the app. */
export interface UpdatePrompts {
  tell(message: string, detail: string, kind: 'info' | 'warning'): Promise<void>;
  /** The index of the button chosen; the last button is the one Escape picks. */
  choose(message: string, detail: string, buttons: readonly string[]): Promise<number>;
}

export interface UpdateCheckerDeps {
  readonly currentVersion: string;
  /** The text of resources/app-update.yml, or null when the build has none. */
  readonly readChannel: () => Promise<string | null>;
  /** Loaded only when the admin asks: electron-updater's autoUpdater in the app. */
  readonly loadUpdater: () => Promise<UpdaterLike>;
  readonly prompts: UpdatePrompts;
  readonly log: (message: string) => void;
}

/** What a check ended in, for the log and the tests. */
export type UpdateOutcome =
  'no-channel' | 'busy' | 'failed' | 'up-to-date' | 'declined' | 'restarting' | 'install-on-quit';

/** The provider and URL of an app-update.yml (flat `key: value` lines, as electron-builder writes it). */
export function channelOf(text: string): UpdateChannel | null {
  const value = (key: string) => {
    const line = text.split(/\r?\n/).find((l) => l.startsWith(`${key}:`));
    if (line === undefined) return null;
    const raw = line.slice(key.length + 1).trim();
    return raw.replace(/^(['"])(.*)\1$/, '$2') || null;
  };
  const provider = value('provider');
  return provider === null ? null : { provider, url: value('url') };
}

const NO_CHANNEL =
  'This copy was built without an update channel (an offline build), so it cannot look for a newer version itself. Ask whoever provides lync-runbook in your organisation for the newer installer; your deployment files open in it as they are.';

/** Checks for a newer version on the build's channel, and downloads and installs it only if the admin agrees. */
export class UpdateChecker {
  private running = false;

  constructor(private readonly deps: UpdateCheckerDeps) {}

  async checkNow(): Promise<UpdateOutcome> {
    const { prompts, log, currentVersion } = this.deps;
    if (this.running) {
      await prompts.tell(
        'Already checking for updates.',
        'The first check is still running; its answer follows.',
        'info',
      );
      return 'busy';
    }
    this.running = true;
    try {
      let text: string | null;
      try {
        text = await this.deps.readChannel();
      } catch (error) {
        return await this.failed("Could not read this build's update channel", 'app-update.yml', error);
      }
      const channel = text === null ? null : channelOf(text);
      if (channel === null) {
        await prompts.tell('No update channel', NO_CHANNEL, 'info');
        return 'no-channel';
      }
      const where = channel.url ?? `the ${channel.provider} update server`;
      let updater: UpdaterLike;
      let found: Awaited<ReturnType<UpdaterLike['checkForUpdates']>>;
      try {
        updater = await this.deps.loadUpdater();
        // Nothing happens behind the admin's back: no download and no install they did not choose.
        updater.autoDownload = false;
        updater.autoInstallOnAppQuit = false;
        log(`update check on ${where}`);
        found = await updater.checkForUpdates();
      } catch (error) {
        return await this.failed('Could not check for updates', where, error);
      }
      if (found === null) {
        await prompts.tell('No update check in this build', NO_CHANNEL, 'info');
        return 'no-channel';
      }
      if (!found.isUpdateAvailable) {
        await prompts.tell(
          `lync-runbook ${currentVersion} is up to date`,
          `The newest version on ${where} is ${found.updateInfo.version}.`,
          'info',
        );
        return 'up-to-date';
      }
      const next = found.updateInfo.version;
      const download = await prompts.choose(
        `lync-runbook ${next} is available`,
        `You have ${currentVersion}. Download ${next} from ${where} now? Nothing is installed until you say so, and your deployment is not changed.`,
        ['Download', 'Not now'],
      );
      if (download !== 0) return 'declined';
      try {
        await updater.downloadUpdate();
      } catch (error) {
        return await this.failed(`Could not download lync-runbook ${next}`, where, error);
      }
      const install = await prompts.choose(
        `lync-runbook ${next} is downloaded`,
        'Restart now to install it, or it installs when you next quit. Your deployment is saved after every change; if a save is pending you are asked first.',
        ['Restart and install', 'Install when I quit'],
      );
      if (install === 0) {
        log(`installing ${next} now`);
        updater.quitAndInstall();
        return 'restarting';
      }
      updater.autoInstallOnAppQuit = true;
      log(`${next} installs on quit`);
      return 'install-on-quit';
    } finally {
      this.running = false;
    }
  }

  private async failed(message: string, where: string, error: unknown): Promise<UpdateOutcome> {
    const reason = error instanceof Error ? error.message : String(error);
    this.deps.log(`${message}: ${reason}`);
    // The updater's message can be long (it may quote a whole HTTP response): its first line says enough.
    const first = (reason.split('\n')[0] ?? '').slice(0, 300);
    await this.deps.prompts.tell(
      message,
      `${where} did not answer as expected: ${first}\nNothing was changed. Check the network, or ask whoever runs the update server.`,
      'warning',
    );
    return 'failed';
  }
}
