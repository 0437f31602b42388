// The Next banner (issue 15, bug 5): it no longer sends the admin to a server whose path waits for
// something else (path B on the Director waits for the CMS pool's start) while work can be done now.
import { expect, test } from '@playwright/test';
import { at, openServer, screen } from './support';

test.use({ timezoneId: 'UTC' });

const WHOLE_DEPLOYMENT = `PS C:\\Users\\admin> Get-CsManagementStoreReplicationStatus | Format-Table -AutoSize

UpToDate ReplicaFqdn                  LastStatusReport      LastUpdateCreation    ProductVersion
-------- -----------                  ----------------      ------------------    --------------
    True fe01.contoso.local           3/14/2026 10:21:07 AM 3/14/2026 10:20:31 AM 5.0.8308.0
    True fe02.contoso.local           3/14/2026 10:21:40 AM 3/14/2026 10:20:31 AM 5.0.8308.0
    True fe03.contoso.local           3/14/2026 10:21:52 AM 3/14/2026 10:20:31 AM 5.0.8308.0
`;

test('the Next banner points at work that can be done now, not at a server whose path waits', async ({
  page,
}, testInfo) => {
  await page.clock.install({ time: new Date('2026-03-14T11:00:00Z') });
  await page.goto('/');
  await expect(page.getByText('Contoso HQ (sample)').first()).toBeVisible();
  await at(page, '2026-03-14T11:00:00Z');
  await page.getByLabel('Operator').fill('a.admin');

  // The Director took its local store before the assignment (Steps 1 and 2 the day before).
  await openServer(page, 'dir01.contoso.local');
  for (const step of [1, 2]) {
    // Step 1's time is asked anyway once the certificate is assigned; Step 2's only when ticked.
    const earlier = page.getByLabel('It was done earlier: enter the time');
    if (await earlier.isVisible()) await earlier.check();
    await page.getByLabel(/^Finished at/).fill(`2026-03-13T1${step}:00`);
    await page.getByRole('button', { name: `Mark Step ${step} done` }).click();
    await expect(
      page.getByRole('heading', { level: 3, name: new RegExp(`^Step ${step}:`) }).locator('..'),
    ).toContainText('Done');
  }
  // Path B: replication, which waits for the CMS pool's first start.
  await page.getByRole('radio', { name: /^B/ }).check();
  await page.getByRole('button', { name: 'Start path B' }).click();
  await expect(page.getByText('Path B cannot go on yet')).toBeVisible();

  // One paste proves fe02 and fe03: what can be done now is their Step 3.
  await openServer(page, 'fe02.contoso.local');
  await page.getByLabel(/Command output/).fill(WHOLE_DEPLOYMENT);
  const again = page.getByRole('button', { name: /^The console is en-US and the server is in UTC: judge again$/ });
  if (await again.isVisible()) await again.click();
  await page.getByRole('button', { name: 'Record the verdicts on 2 servers' }).click();
  await expect(page.getByRole('button', { name: 'Mark Step 3 done' })).toBeVisible();

  const next = page.getByText(/^Next:/).locator('..');
  await expect(next).toContainText('fe02.contoso.local: Step 3: Request, Install or Assign Certificates');
  await expect(next).not.toContainText('dir01');
  await screen(page, testInfo, 'next-banner-01-work-now');
});
