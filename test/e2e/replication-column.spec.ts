// The dashboard's replication column (issue 15, item 13) and the blocked cell's two times in place
// (item 16): a replication status of the whole deployment, pasted once on fe02, shows every replica
// it lists on the dashboard, up to date or not with its last update and when it was read; fe03's
// blocked Step 3 cell opens the two times that prove it blocked without leaving the dashboard.
import { expect, test, type Page } from '@playwright/test';
import { at, openServer, screen } from './support';

test.use({ timezoneId: 'UTC' });

const FIVE_REPLICAS = `PS C:\\Users\\admin> Get-CsManagementStoreReplicationStatus | Format-Table -AutoSize

UpToDate ReplicaFqdn                  LastStatusReport      LastUpdateCreation    ProductVersion
-------- -----------                  ----------------      ------------------    --------------
    True fe01.contoso.local           3/14/2026 10:21:07 AM 3/14/2026 10:20:31 AM 5.0.8308.0
    True fe02.contoso.local           3/14/2026 10:21:40 AM 3/14/2026 10:20:31 AM 5.0.8308.0
   False fe03.contoso.local           3/13/2026 4:47:09 PM  3/14/2026 10:20:31 AM 5.0.8308.0
    True dir01.contoso.local          3/14/2026 10:22:02 AM 3/14/2026 10:20:31 AM 5.0.8308.0
    True edge01.perimeter.contoso.com 3/14/2026 10:23:15 AM 3/14/2026 10:20:31 AM 5.0.8308.0
`;

const UP = ['fe01.contoso.local', 'fe02.contoso.local', 'dir01.contoso.local', 'edge01.perimeter.contoso.com'];

/** A server's row on the dashboard. */
const row = (page: Page, server: string) => page.locator('tr', { has: page.locator(`[data-server-row="${server}"]`) });

/** The replication column's cell of a row: the row's last. */
const column = (page: Page, server: string) => row(page, server).locator('td').last();

/** The text of the cells whose content is cut short (wider than the cell). */
const clipped = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('td, tbody th')]
      .filter((c) => (c as HTMLElement).scrollWidth > (c as HTMLElement).clientWidth + 1)
      .map((c) => c.textContent),
  );

/** The pointer off the table: a row under it is drawn in its hover colour. */
async function away(page: Page): Promise<void> {
  await page.mouse.move(0, 0);
}

test('a whole-deployment paste shows each replica on the dashboard, and a blocked cell opens its two times', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.clock.install({ time: new Date('2026-03-14T11:00:00Z') });
  await page.goto('/');
  await expect(page.getByText('Contoso HQ (sample)').first()).toBeVisible();
  await at(page, '2026-03-14T11:00:00Z');
  await page.getByLabel('Operator').fill('a.admin');
  await expect(page.getByRole('columnheader', { name: 'Replication' })).toBeVisible();
  for (const s of [...UP, 'fe03.contoso.local']) await expect(column(page, s)).toContainText('Not read yet');

  await openServer(page, 'fe02.contoso.local');
  await page.getByLabel(/Command output/).fill(FIVE_REPLICAS);
  const again = page.getByRole('button', { name: /^The console is en-US and the server is in UTC: judge again$/ });
  if (await again.isVisible()) await again.click();
  await page.getByRole('button', { name: 'Record the verdicts on 2 servers' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Evidence recorded on 2 servers' })).toBeVisible();

  // On the dashboard: every replica the paste listed, wherever it was recorded.
  await page.getByRole('tab', { name: 'Dashboard' }).click();
  for (const s of UP) {
    await expect(column(page, s)).toContainText(/^Up to date · last update 14 Mar 10:20 UTC/);
    await expect(column(page, s)).toContainText('read 14 Mar 11:00 UTC');
  }
  await expect(column(page, 'fe03.contoso.local')).toContainText(
    /^Not up to date · last update 14 Mar 10:20 UTC read 14 Mar 11:00 UTC/,
  );
  await expect(column(page, 'fe03.contoso.local').locator('[title]')).toHaveAttribute(
    'title',
    'Replication: not up to date, last update 14 Mar 2026 10:20 UTC, as the CMS master records it; read 14 Mar 2026 11:00 UTC from a pasted Get-CsManagementStoreReplicationStatus',
  );
  // The column is whole inside the window, and nothing scrolls sideways.
  const header = (await page.getByRole('columnheader', { name: 'Replication' }).boundingBox())!;
  expect(header.x + header.width).toBeLessThanOrEqual(1366);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  expect(await clipped(page), 'cells cut short').toEqual([]);
  await away(page);
  await screen(page, testInfo, 'replication-01-column-1366', { viewportOnly: true });

  // fe03's blocked Step 3 cell, by keyboard: its two times in place, Escape closes, the focus back on it.
  const blocked = row(page, 'fe03.contoso.local').getByRole('button', {
    name: 'Step 3 blocked: stale local replica. Show the two times that prove it.',
  });
  await blocked.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'fe03.contoso.local — Blocked: stale local replica' });
  await expect(dialog).toBeVisible();
  const times = dialog.getByRole('group', { name: 'Why it is blocked: the two times' });
  await expect(times).toContainText('Local store copied13 Mar 2026 09:00:00 UTC (Step 1 on this server)');
  await expect(times).toContainText('Certificate assigned14 Mar 2026 10:00:00 UTC on fe01');
  await expect(times).toContainText('Gap');
  await expect(page.getByRole('heading', { level: 2, name: 'fe03.contoso.local' })).toHaveCount(0);
  await screen(page, testInfo, 'replication-02-blocked-times', { viewportOnly: true });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(blocked).toBeFocused();
  await screen(page, testInfo, 'replication-03-focus-back', { viewportOnly: true });

  // With the mouse, and on to the server from it.
  await blocked.click();
  await dialog.getByRole('button', { name: 'Open fe03.contoso.local to choose a remediation' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'fe03.contoso.local' })).toBeVisible();

  // A 1024 px window: the state goes under the server's name, whole, and nothing scrolls sideways.
  await page.getByRole('tab', { name: 'Dashboard' }).click();
  await page.setViewportSize({ width: 1024, height: 768 });
  await expect(page.getByRole('columnheader', { name: 'Replication' })).toBeHidden();
  const under = row(page, 'fe03.contoso.local').locator('th [data-replication]');
  await expect(under).toBeVisible();
  // Without the line of when it was read, which its title says.
  await expect(under).toContainText(/^Not up to date · last update 14 Mar 10:20 UTC Replication: not up to date/);
  await expect(under).toHaveAttribute('title', /; read 14 Mar 2026 11:00 UTC from a pasted/);
  const box = (await under.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(1024);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  expect(await clipped(page), 'cells cut short').toEqual([]);
  await away(page);
  await screen(page, testInfo, 'replication-04-under-name-1024', { viewportOnly: true });
});
