// Step 3 per certificate use (issue 15, item 17): fe02's gate opened by evidence, its Step 3 is
// marked done with the Get-CsCertificate listing pasted: each use is shown with its thumbprint and
// expiry before it is recorded (an external certificate about to expire is said as a warning), the
// Step 3 card lists what was recorded, and the runbook lists the certificates per use.
import { expect, test, type Locator } from '@playwright/test';
import { at, markDone, openServer, screen, verificationJson } from './support';

test.use({ timezoneId: 'UTC' });

// The sample's OAuthTokenIssuer certificate, assigned on fe01 at 10:00 on 14 March 2026.
const THUMB = '0123456789ABCDEF0123456789ABCDEF01234567';
const WEB = '3D4E5F60718293A4B5C6D7E8F90A1B2C3D4E5F60';
const EXTERNAL = '9A8B7C6D5E4F30211203F4E5D6C7B8A9F0E1D2C3';

/** What Get-CsCertificate prints on fe02 after Step 3: one certificate per use. */
function listing(): string {
  const cert = (use: string, thumbprint: string, subject: string, notAfter: string) =>
    [
      'Issuer            : CN=contoso-DC01-CA, DC=contoso, DC=local',
      `NotAfter          : ${notAfter}`,
      'NotBefore         : 3/14/2026 9:00:00 AM',
      'SerialNumber      : 61A2C3F400000000001A',
      `Subject           : ${subject}`,
      `Thumbprint        : ${thumbprint}`,
      'EffectiveDate     :',
      'PreviousThumbprint:',
      'PreviousNotAfter  :',
      `Use               : ${use}`,
      '',
    ].join('\n');
  return [
    'PS C:\\Users\\admin> Get-CsCertificate',
    '',
    cert('Default', WEB, 'CN=fe02.contoso.local', '3/14/2028 9:00:00 AM'),
    cert('WebServicesInternal', WEB, 'CN=fe02.contoso.local', '3/14/2028 9:00:00 AM'),
    cert('WebServicesExternal', EXTERNAL, 'CN=webext.contoso.com', '4/2/2026 9:00:00 AM'),
    cert('OAuthTokenIssuer', THUMB, 'CN=contoso.com', '3/14/2028 9:00:00 AM'),
    'PS C:\\Users\\admin>',
  ].join('\n');
}

async function rows(table: Locator): Promise<string[][]> {
  return table
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
}

const EXPECTED_USES = [
  ['Default', WEB],
  ['WebServicesInternal', WEB],
  ['WebServicesExternal', EXTERNAL],
  ['OAuthTokenIssuer', THUMB],
];

test('Step 3 marked done with its Get-CsCertificate listing records each use, shown on its card and in the runbook', async ({
  page,
}, testInfo) => {
  await page.clock.install({ time: new Date('2026-03-14T11:00:00Z') });
  await page.goto('/');
  await expect(page.getByText('Contoso HQ (sample)').first()).toBeVisible();
  await at(page, '2026-03-14T11:00:00Z');
  await page.getByLabel('Operator').fill('a.admin');

  // fe02 opens blocked: the verification script's line opens its gate.
  await openServer(page, 'fe02.contoso.local');
  await page
    .getByLabel(/Command output/)
    .fill(`PS C:\\> .\\verify.ps1\n${verificationJson('fe02.contoso.local', '2026-03-14T10:25:00.000Z', [THUMB])}\n`);
  await page.getByRole('button', { name: 'Record evidence' }).click();
  const markDone = page.getByRole('button', { name: 'Mark Step 3 done' });
  await expect(markDone).toBeVisible();

  // The listing, read before anything is recorded: one row per use, and what to look at.
  const paste = page.getByLabel('Certificates (Get-CsCertificate output)');
  await expect(page.getByText(/After Step 3, run Get-CsCertificate on fe02\.contoso\.local and paste/)).toBeVisible();
  await paste.fill(listing());
  const read = page.getByRole('table', { name: 'Read from the paste' });
  expect((await rows(read)).map((r) => [r[0], r[1]])).toEqual(EXPECTED_USES);
  expect((await rows(read))[2]).toEqual([
    'WebServicesExternal',
    EXTERNAL,
    '2 Apr 2026 09:00 UTC',
    'CN=webext.contoso.com',
  ]);
  const readBox = page.getByLabel('Certificates read');
  await expect(readBox).toContainText('4 certificates read: recorded when Step 3 is marked done.');
  await expect(readBox).toContainText(`The WebServicesExternal certificate (${EXTERNAL}) expires in 18 days`);
  await screen(page, testInfo, 'step3-certificates-01-read');

  // By keyboard from the paste: past how its dates are read, to the button.
  await paste.focus();
  for (let i = 0; i < 8 && !(await markDone.evaluate((b) => b === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(markDone).toBeFocused();
  await page.keyboard.press('Enter');

  // Recorded: the Step 3 card lists the certificates and the one to look at.
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: /^Step 3:/ }) });
  await expect(card).toContainText('Done');
  const recorded = card.getByRole('table', { name: 'Certificates recorded with Step 3, per use' });
  expect((await rows(recorded)).map((r) => [r[0], r[1]])).toEqual(EXPECTED_USES);
  await expect(card).toContainText(`The WebServicesExternal certificate (${EXTERNAL}) expires in 18 days`);
  await screen(page, testInfo, 'step3-certificates-02-recorded');

  // The runbook lists them per use under fe02.
  await page.getByRole('tab', { name: 'Export' }).click();
  const preview = page.frameLocator('iframe[title="Runbook preview"]');
  const table = preview.getByRole('table', { name: 'Certificates on fe02.contoso.local at Step 3, per use' });
  await expect(table).toBeVisible();
  expect((await rows(table)).map((r) => [r[0], r[1]])).toEqual(EXPECTED_USES);
  expect((await rows(table))[3]![2]).toMatch(/^2028-03-14\W*T?09:00:00Z$/);
  await expect(preview.getByText(`The WebServicesExternal certificate (${EXTERNAL}) expires in 18 days`)).toBeVisible();
  // Shown where the runbook lists them, not at its top.
  await table.scrollIntoViewIfNeeded();
  await screen(page, testInfo, 'step3-certificates-03-runbook', { excludePreview: true });
});

test('on the Step 3 that assigns the certificate, the listing fills the thumbprint, and says so before recording when another is typed', async ({
  page,
}, testInfo) => {
  await page.clock.install({ time: new Date('2026-03-14T09:00:00Z') });
  await page.goto('/');
  await expect(page.getByText('Contoso HQ (sample)').first()).toBeVisible();
  // A new deployment of one Front End, in the pool that hosts the CMS.
  await page.getByRole('button', { name: 'New', exact: true }).click();
  await page.getByLabel('Your name (operator)').fill('a.admin');
  await page.getByLabel('Deployment name').fill('Contoso lab');
  await page.getByLabel('Default SIP domain').fill('contoso.com');
  await page.getByLabel('Pool 1 FQDN').fill('fepool.contoso.local');
  await page.getByLabel('Server 1 FQDN').fill('fe02.contoso.local');
  await page.getByLabel('Server 1 pool').selectOption('fepool.contoso.local');
  await page.getByRole('button', { name: 'Create the deployment' }).click();
  await expect(page.getByRole('tab', { name: 'Dashboard', selected: true })).toBeVisible();
  await openServer(page, 'fe02.contoso.local');
  await markDone(page, 1);
  await markDone(page, 2);
  await at(page, '2026-03-14T11:00:00Z');

  const thumbprint = page.getByLabel('Thumbprint of the OAuthTokenIssuer certificate you assigned');
  await page.getByLabel('Certificates (Get-CsCertificate output)').fill(listing());
  await expect(thumbprint).toHaveValue(THUMB);
  await expect(
    page.getByText(/^Taken from the OAuthTokenIssuer certificate in the Get-CsCertificate output/),
  ).toBeVisible();
  await screen(page, testInfo, 'step3-certificates-04-thumbprint-filled');

  // Another typed: said at once, and the deployment refuses it when recorded.
  await thumbprint.fill('E'.repeat(40));
  const disagrees = page.getByText(
    `The Get-CsCertificate output below shows OAuthTokenIssuer ${THUMB}, not this thumbprint: correct the one that is wrong before recording.`,
  );
  await expect(disagrees).toBeVisible();
  await page.getByRole('button', { name: 'Mark Step 3 done' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'not the thumbprint recorded with it' })).toBeVisible();
  await screen(page, testInfo, 'step3-certificates-05-thumbprint-differs');

  // Emptied, the field takes the listing's again; recorded, the assignment carries it.
  await thumbprint.fill('');
  await expect(thumbprint).toHaveValue(THUMB);
  await expect(disagrees).toHaveCount(0);
  await page.getByRole('button', { name: 'Mark Step 3 done' }).click();
  await expect(page.getByText(/OAuthTokenIssuer:.*assigned on.*fe02\.contoso\.local/)).toBeVisible();
  await expect(page.getByText('thumbprint 0123…4567')).toBeVisible();
});
