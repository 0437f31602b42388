import { describe, expect, it } from 'vitest';
import { electronBuilderArgs, releaseSettings } from '../../build/release.mjs';

describe('the build settings npm run dist takes from the environment', () => {
  it('without an update URL: an offline build, no channel, nothing overridden', () => {
    const { config, problems, summary } = releaseSettings({});
    expect(problems).toEqual([]);
    expect(config.publish).toBeNull();
    expect(electronBuilderArgs(config)).toEqual([]);
    expect(summary[0]).toMatch(/^No update channel \(an offline build\)/);
    expect(summary).toContain(
      'Windows: unsigned (no WIN_CSC_LINK or CSC_LINK): SmartScreen warns, and updates cannot be checked against a publisher.',
    );
  });

  it('with an HTTPS update URL: the generic provider on that folder, channel latest unless named', () => {
    const { config, problems } = releaseSettings({
      LYNC_RUNBOOK_UPDATE_URL: ' https://updates.contoso.local/lync-runbook/ ',
    });
    expect(problems).toEqual([]);
    expect(config.publish).toEqual({
      provider: 'generic',
      url: 'https://updates.contoso.local/lync-runbook',
      channel: 'latest',
    });
    expect(electronBuilderArgs(config)).toEqual([
      '-c.publish.provider=generic',
      '-c.publish.url=https://updates.contoso.local/lync-runbook',
      '-c.publish.channel=latest',
    ]);
    expect(
      releaseSettings({ LYNC_RUNBOOK_UPDATE_URL: 'https://u.example/x', LYNC_RUNBOOK_UPDATE_CHANNEL: 'beta' }).config
        .publish,
    ).toMatchObject({ channel: 'beta' });
  });

  it('refuses an update URL an attacker on the network could answer, or one that leaks a password', () => {
    const problem = (url: string) => releaseSettings({ LYNC_RUNBOOK_UPDATE_URL: url }).problems[0] ?? '';
    expect(problem('http://updates.contoso.local/x')).toMatch(
      /must be an https:\/\/ address .*got http:\/\/updates\.contoso\.local/,
    );
    expect(problem('ftp://x/')).toMatch(/must be an https:\/\//);
    expect(problem('https://admin:secret@updates.contoso.local/')).toMatch(/must not hold a user name or password/);
    expect(problem('not a url')).toMatch(/is not a URL \("not a url"\)/);
    // A test server on the build machine itself may be plain HTTP.
    expect(problem('http://localhost:8080/updates')).toBe('');
    expect(
      releaseSettings({ LYNC_RUNBOOK_UPDATE_URL: 'https://u.example/', LYNC_RUNBOOK_UPDATE_CHANNEL: 'Beta; rm' })
        .problems[0],
    ).toMatch(/must be a short lower-case name/);
  });

  it('says what signing the build gets, and a release can require it', () => {
    const signed = releaseSettings({
      WIN_CSC_LINK: 'cert.pfx',
      CSC_NAME: 'Contoso Ltd',
      APPLE_ID: 'a@contoso.com',
      APPLE_APP_SPECIFIC_PASSWORD: 'x',
      APPLE_TEAM_ID: 'T',
    }).summary;
    expect(signed).toContain('Windows: Authenticode signing with the certificate in WIN_CSC_LINK (or CSC_LINK).');
    expect(signed).toContain('macOS: signed with CSC_LINK or CSC_NAME, notarised with the APPLE_* credentials.');
    expect(releaseSettings({ CSC_NAME: 'Contoso Ltd' }).summary).toContain(
      'macOS: signed with CSC_LINK or CSC_NAME; not notarised (no APPLE_* credentials): Gatekeeper refuses it.',
    );
    const required = releaseSettings({ LYNC_RUNBOOK_REQUIRE_SIGNING: '1' });
    expect(required.config.forceCodeSigning).toBe(true);
    expect(electronBuilderArgs(required.config)).toEqual(['-c.forceCodeSigning=true']);
  });
});
