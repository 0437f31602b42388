// What a packaged build carries besides the app: its update channel and its code signing, decided
// from the environment of the machine that builds it. `npm run dist` applies it; the packaging test
// checks what it produces. Nothing here is secret: certificates and passwords stay in the
// environment, where electron-builder reads them itself.

/** The variable that gives a build its update channel: the HTTPS folder an organisation hosts. */
export const UPDATE_URL_VARIABLE = 'LYNC_RUNBOOK_UPDATE_URL';
/** The variable that names the channel's metadata file (latest.yml by default). */
export const UPDATE_CHANNEL_VARIABLE = 'LYNC_RUNBOOK_UPDATE_CHANNEL';
/** Set to 1 for a release: the build then fails rather than produce an unsigned installer. */
export const REQUIRE_SIGNING_VARIABLE = 'LYNC_RUNBOOK_REQUIRE_SIGNING';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The update URL, checked: HTTPS (plain HTTP only on this machine, for a test server). */
function updateUrl(raw) {
  let url;
  try {
    url = new URL(raw);
  } catch {
    return {
      problem: `${UPDATE_URL_VARIABLE} is not a URL ("${raw.slice(0, 200)}"): give the HTTPS address of the folder that holds latest.yml and the installers, e.g. https://updates.contoso.local/lync-runbook`,
    };
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname)))
    return {
      problem: `${UPDATE_URL_VARIABLE} must be an https:// address (plain http lets anyone on the network replace the installer the app downloads); got ${url.protocol}//${url.host}`,
    };
  if (url.username !== '' || url.password !== '')
    return {
      problem: `${UPDATE_URL_VARIABLE} must not hold a user name or password: the URL is written into every installed copy`,
    };
  return { url: url.href.replace(/\/$/, '') };
}

/**
 * The electron-builder settings for a build from `env`: the generic update channel when an update
 * URL is set (none otherwise: an offline build), and whether signing is required. `problems` lists
 * what must be fixed before packaging; `summary` says in plain words what the build will be.
 */
export function releaseSettings(env) {
  const problems = [];
  const summary = [];
  const config = {};
  const raw = env[UPDATE_URL_VARIABLE]?.trim();
  if (raw) {
    const checked = updateUrl(raw);
    if (checked.problem) problems.push(checked.problem);
    else {
      const channel = env[UPDATE_CHANNEL_VARIABLE]?.trim() || 'latest';
      if (!/^[a-z][a-z0-9-]{0,30}$/.test(channel))
        problems.push(
          `${UPDATE_CHANNEL_VARIABLE} must be a short lower-case name such as latest or beta; got "${channel.slice(0, 40)}"`,
        );
      config.publish = { provider: 'generic', url: checked.url, channel };
      summary.push(
        `Update channel: ${checked.url} (${channel}.yml), checked only when the admin chooses Help › Check for Updates.`,
      );
    }
  } else {
    config.publish = null;
    summary.push(
      `No update channel (an offline build): installed copies cannot find a newer version. Set ${UPDATE_URL_VARIABLE}=https://… to add one.`,
    );
  }
  const windowsCertificate = Boolean(env.WIN_CSC_LINK || env.CSC_LINK);
  const macIdentity = Boolean(env.CSC_LINK || env.CSC_NAME);
  const notarize = Boolean(
    (env.APPLE_API_KEY && env.APPLE_API_KEY_ID && env.APPLE_API_ISSUER) ||
    (env.APPLE_ID && env.APPLE_APP_SPECIFIC_PASSWORD && env.APPLE_TEAM_ID) ||
    (env.APPLE_KEYCHAIN && env.APPLE_KEYCHAIN_PROFILE),
  );
  summary.push(
    windowsCertificate
      ? 'Windows: Authenticode signing with the certificate in WIN_CSC_LINK (or CSC_LINK).'
      : 'Windows: unsigned (no WIN_CSC_LINK or CSC_LINK): SmartScreen warns, and updates cannot be checked against a publisher.',
    macIdentity
      ? `macOS: signed with CSC_LINK or CSC_NAME${notarize ? ', notarised with the APPLE_* credentials' : '; not notarised (no APPLE_* credentials): Gatekeeper refuses it'}.`
      : 'macOS: unsigned: Gatekeeper refuses it, and the hardened runtime and asar integrity are not enforced.',
  );
  if (env[REQUIRE_SIGNING_VARIABLE] === '1') {
    config.forceCodeSigning = true;
    summary.push(`${REQUIRE_SIGNING_VARIABLE}=1: the build fails rather than produce an unsigned installer.`);
  }
  return { config, problems, summary };
}

/** The settings as electron-builder command-line overrides (`-c.key=value`). */
export function electronBuilderArgs(config) {
  const args = [];
  // electron-builder.yml says `publish: null`: an offline build needs no override.
  if (config.publish !== null && config.publish !== undefined)
    for (const [key, value] of Object.entries(config.publish)) args.push(`-c.publish.${key}=${value}`);
  if (config.forceCodeSigning) args.push('-c.forceCodeSigning=true');
  return args;
}
