import { expect, test } from '@playwright/test';
import { at, markDone, openServer, screen, verificationJson } from './support';

const THUMB = '0123456789ABCDEF0123456789ABCDEF01234567';
const FE = ['fe01.contoso.local', 'fe02.contoso.local', 'fe03.contoso.local'];

test.use({ permissions: ['clipboard-read', 'clipboard-write'], timezoneId: 'Europe/London' });

test('the field report, from a new deployment to every server done', async ({ page }, testInfo) => {
  test.setTimeout(420_000);
  await page.clock.install({ time: new Date('2026-03-13T08:00:00Z') });
  await page.goto('/');

  // First start: the sample opens at once.
  await expect(page.getByText('Contoso HQ (sample)').first()).toBeVisible();
  await screen(page, testInfo, '01-sample-dashboard');

  // A new deployment, typed in.
  await page.getByRole('button', { name: 'New', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'New deployment' })).toBeVisible();
  await page.getByRole('button', { name: 'Create the deployment' }).click();
  await expect(page.getByText(/things to fix before going on/)).toBeVisible();
  await screen(page, testInfo, '02-setup-errors');
  await page.getByLabel('Your name (operator)').fill('j.smith');
  await page.getByLabel('Deployment name').fill('Contoso HQ');
  await page.getByLabel('Default SIP domain').fill('contoso.com');
  await page.getByLabel('Pool 1 FQDN').fill('fepool.contoso.local');
  for (const [i, kind, fqdn] of [
    [2, 'director', 'dir01.contoso.local'],
    [3, 'edge', 'edgepool.perimeter.contoso.com'],
  ] as const) {
    await page.getByRole('button', { name: 'Add a pool' }).click();
    await page.getByLabel(`Pool ${i} FQDN`).fill(fqdn);
    await page.getByLabel(`Pool ${i} kind`).selectOption(kind);
  }
  const servers: [string, string][] = [
    ['fe01.contoso.local', 'fepool.contoso.local'],
    ['fe02.contoso.local', 'fepool.contoso.local'],
    ['fe03.contoso.local', 'fepool.contoso.local'],
    ['dir01.contoso.local', 'dir01.contoso.local'],
    ['edge01.perimeter.contoso.com', 'edgepool.perimeter.contoso.com'],
  ];
  for (const [i, [fqdn, pool]] of servers.entries()) {
    if (i > 0) await page.getByRole('button', { name: 'Add a server' }).click();
    await page.getByLabel(`Server ${i + 1} FQDN`).fill(fqdn);
    await page.getByLabel(`Server ${i + 1} pool`).selectOption(pool);
  }
  await page.getByLabel('Pool that hosts the Central Management Store').selectOption('fepool.contoso.local');
  await screen(page, testInfo, '03-setup-filled');
  await page.getByRole('button', { name: 'Create the deployment' }).click();
  await expect(page.getByRole('tab', { name: 'Dashboard', selected: true })).toBeVisible();

  // Steps 1 and 2 on the three Front Ends.
  for (const [time, step] of [
    ['2026-03-13T09:00:00Z', 1],
    ['2026-03-13T11:00:00Z', 2],
  ] as const) {
    await at(page, time);
    for (const fe of FE) {
      await openServer(page, fe);
      await markDone(page, step);
    }
  }

  // Step 3 on fe01 assigns the OAuthTokenIssuer certificate.
  await at(page, '2026-03-14T10:00:00Z');
  await openServer(page, FE[0]!);
  await expect(page.getByText('Step 3 may go ahead')).toBeVisible();
  // Recorded without the thumbprint, as a hurried admin might: the facts strip says so and takes it afterwards.
  await markDone(page, 3);
  await expect(page.getByText(/OAuthTokenIssuer:.*assigned on.*fe01\.contoso\.local/)).toBeVisible();
  await expect(page.getByText(/thumbprint not recorded/)).toBeVisible();
  await page.getByRole('button', { name: 'Record its thumbprint…' }).click();
  const thumbprintField = page.getByLabel(
    'Thumbprint of the OAuthTokenIssuer certificate assigned on fe01.contoso.local',
  );
  await thumbprintField.fill('0123 4567');
  await page.getByRole('button', { name: 'Record thumbprint', exact: true }).click();
  await expect(page.getByText(/The thumbprint .*40/)).toBeVisible();
  // Nothing of the page disappears behind the open popover (a portal once carried the page's full-height background).
  const behind = await page.evaluate(() => document.elementFromPoint(300, 600)?.closest('main') !== null);
  expect(behind).toBe(true);
  await screen(page, testInfo, '04a-record-thumbprint', { viewportOnly: true });
  await thumbprintField.fill(THUMB.toLowerCase());
  await page.getByRole('button', { name: 'Record thumbprint', exact: true }).click();
  await expect(page.getByText(/thumbprint not recorded/)).toHaveCount(0);
  await expect(page.getByTitle(THUMB)).toHaveText('0123…4567');

  // fe02 is blocked, with the reason in words and both times.
  await openServer(page, FE[1]!);
  await expect(page.getByText('Blocked: stale local replica')).toBeVisible();
  // The two times as two labelled lines, and the gap between them.
  await expect(page.getByRole('group', { name: 'Why it is blocked: the two times' })).toHaveText(
    'Local store copied13 Mar 2026 09:00:00 GMT (Step 1 on this server)' +
      'Certificate assigned14 Mar 2026 10:00:00 GMT on fe01' +
      'Gapthe copy is 1 day 1 h older than the assignment',
  );
  await expect(page.getByRole('button', { name: 'Mark Step 3 done' })).toHaveCount(0);
  await screen(page, testInfo, '04-server-blocked');

  // Path B on fe02 cannot go first: fe02 is one of the members the new CMS pool needs for its first start, so A is recommended.
  await expect(page.getByRole('radio', { name: /^A .*recommended/ })).toBeChecked();
  await expect(page.getByRole('radio', { name: /^B .*cannot go first/ })).toBeVisible();
  await page.getByRole('radio', { name: /^B/ }).check();
  await page.getByRole('button', { name: 'Start path B' }).click();
  await expect(page.getByText('Path B cannot go on yet')).toBeVisible();
  await expect(page.getByText(/replication cannot reach it first — use path A or C/).first()).toBeVisible();
  await expect(page.getByText(/must finish Step 4/)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Mark B.2 done' })).toHaveCount(0);
  await screen(page, testInfo, '05-path-b-held');

  // Path A on fe03: copy a script, paste rejected evidence, then accepted evidence.
  await at(page, '2026-03-14T10:20:00Z');
  await openServer(page, FE[2]!);
  await page.getByRole('radio', { name: /^A/ }).check();
  await page.getByRole('button', { name: 'Start path A' }).click();
  await page.getByRole('button', { name: /^Copy script: Path A, item 1 of 4/ }).click();
  await expect(page.getByRole('button', { name: /^Copy script: Path A, item 1 of 4/ })).toContainText('Copied');
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  expect(clip).toContain("$Server = 'fe03.contoso.local'");
  expect(clip).toContain('Export-CsConfiguration');
  await page.getByRole('button', { name: 'Mark A.1 done' }).click();
  await page.getByRole('button', { name: 'Mark A.2 done' }).click();
  await page.getByRole('button', { name: 'Mark A.3 done' }).click();
  await screen(page, testInfo, '06-path-a');
  await page
    .getByLabel(/Command output/)
    .fill(
      [
        'PS C:\\> Get-CsManagementStoreReplicationStatus -ReplicaFqdn fe03.contoso.local',
        '',
        'UpToDate           : False',
        'ReplicaFqdn        : fe03.contoso.local',
        'LastStatusReport   : 3/13/2026 4:47:09 PM',
        'LastUpdateCreation : 3/14/2026 10:01:58 AM',
        'ProductVersion     : 5.0.8308.0',
      ].join('\n'),
    );
  await expect(page.getByText('Not accepted')).toBeVisible();
  await expect(page.getByText(/UpToDate False|not up to date/i).first()).toBeVisible();
  await screen(page, testInfo, '07-evidence-rejected');
  await page.getByRole('button', { name: 'Keep this rejection in the runbook' }).click();
  // Pasted after the script ran (10:25): an output cannot show a time after it is recorded.
  await at(page, '2026-03-14T10:26:00Z');
  await page
    .getByLabel(/Command output/)
    .fill(`PS C:\\> .\\verify.ps1\n${verificationJson(FE[2]!, '2026-03-14T10:25:00.000Z', [THUMB])}\n`);
  await expect(page.getByText('Accepted — Step 3 can go ahead')).toBeVisible();
  await screen(page, testInfo, '08-evidence-accepted');
  await page.getByRole('button', { name: 'Record evidence' }).click();
  await expect(page.getByText('Step 3 may go ahead')).toBeVisible();
  await at(page, '2026-03-14T10:30:00Z');
  await markDone(page, 3);

  // fe01 alone cannot start the pool: its Step 4 waits for the pool start.
  await at(page, '2026-03-14T10:40:00Z');
  await openServer(page, FE[0]!);
  await expect(page.getByText(/Step 4 of an Enterprise Edition Front End pool is one start of the pool/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Mark Step 4 done' })).toHaveCount(0);
  await screen(page, testInfo, '08a-pool-start-waits');

  // fe02: an override, saying what was checked and under which change (path B could not go first).
  await openServer(page, FE[1]!);
  await page.getByRole('button', { name: 'Override the gate instead…' }).click();
  await expect(
    page.getByText(/^Step 3 will go ahead on fe02\.contoso\.local, whose local store the app believes stale/),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Override the gate' })).toBeDisabled();
  await page.getByLabel('I understand: record the override').check();
  await page.getByLabel(/What was checked/).fill('ok');
  await page.getByLabel(/Change or ticket/).fill('CHG-1234');
  await page.getByRole('button', { name: 'Override the gate' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'Say what was checked, in at least 20 characters' }),
  ).toBeVisible();
  await screen(page, testInfo, '09-override-form');
  await page.getByLabel(/What was checked/).fill('Configuration imported by hand and checked by the DBA');
  await page.getByRole('button', { name: 'Override the gate' }).click();
  await expect(page.getByText('Gate overridden')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Withdraw the override…' })).toBeVisible();
  await screen(page, testInfo, '09-override');
  await at(page, '2026-03-14T11:00:00Z');
  await markDone(page, 3);
  await expect(page.getByText('override', { exact: true })).toBeVisible();

  // The pool's first start, of all three members together, with its script; it records Step 4 on each.
  await at(page, '2026-03-14T11:30:00Z');
  await openServer(page, FE[0]!);
  await expect(
    page.getByRole('button', { name: /^Copy script: Step 4: Start Services: first start of the pool/ }),
  ).toBeVisible();
  await screen(page, testInfo, '09a-pool-start');
  await page.getByRole('button', { name: /^Record the start of fepool\.contoso\.local/ }).click();
  for (const fe of FE) {
    await openServer(page, fe!);
    await expect(page.getByText(/Step 4: Start Services/).first()).toBeVisible();
  }
  for (const server of ['dir01.contoso.local', 'edge01.perimeter.contoso.com']) {
    await openServer(page, server);
    for (const step of [1, 2, 3, 4]) await markDone(page, step);
  }
  await page.getByRole('tab', { name: 'Dashboard' }).click();
  await expect(page.getByText('Every server has finished Step 4. Export the runbook.')).toBeVisible();
  await screen(page, testInfo, '10-all-done');
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await expect(
    page
      .locator('tbody')
      .getByText(/override/i)
      .first(),
  ).toBeVisible();
  await screen(page, testInfo, '11-timeline');
  await page.getByRole('tab', { name: 'Export' }).click();
  await expect(page.getByTitle('Runbook preview')).toBeVisible();
  await screen(page, testInfo, '12-export', { excludePreview: true });
  await page.getByRole('tab', { name: 'Topology' }).click();
  await screen(page, testInfo, '13-topology');
});
