// One paste for every server (issue 15, item 14): the replication status of the whole deployment,
// pasted once on fe02, lists five replicas. It is judged for each server waiting for evidence that
// it lists, each verdict recorded on its own server: it moves exactly the one it proves (fe02),
// keeps a rejection on the one it does not (fe03), leaves the others as they were, and the runbook
// shows the paste once with its verdict per server.
import { expect, test } from '@playwright/test';
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

test('a replication status of five replicas, pasted once, moves exactly the servers it proves', async ({
  page,
}, testInfo) => {
  await page.clock.install({ time: new Date('2026-03-14T11:00:00Z') });
  await page.goto('/');
  await expect(page.getByText('Contoso HQ (sample)').first()).toBeVisible();
  await at(page, '2026-03-14T11:00:00Z');
  await page.getByLabel('Operator').fill('a.admin');
  // A step's cell in a server's row: after the selection box, the pool and the role.
  const cell = (server: string, step: number) =>
    page
      .locator('tr', { has: page.locator(`[data-server-row="${server}"]`) })
      .locator('td')
      .nth(2 + step);
  const before = {
    fe01: await cell('fe01.contoso.local', 3).textContent(),
    dir01: await cell('dir01.contoso.local', 1).textContent(),
    edge01: await cell('edge01.perimeter.contoso.com', 1).textContent(),
  };

  await openServer(page, 'fe02.contoso.local');
  await page.getByLabel(/Command output/).fill(FIVE_REPLICAS);
  const again = page.getByRole('button', { name: /^The console is en-US and the server is in UTC: judge again$/ });
  if (await again.isVisible()) await again.click();
  // Before anything is recorded: the other waiting server it lists, with the verdict it will get.
  const others = page.getByRole('list', { name: 'Other servers this paste covers' });
  await expect(others.getByRole('listitem')).toHaveCount(1);
  await expect(others).toContainText('fe03.contoso.local: not proved.');
  await expect(others).toContainText('UpToDate False');
  await screen(page, testInfo, 'one-paste-01-judged-for-two');

  await page.getByRole('button', { name: 'Record the verdicts on 2 servers' }).click();
  const notice = page.getByRole('status').filter({ hasText: 'Evidence recorded on 2 servers' });
  await expect(notice).toContainText(
    'Step 3 can go ahead on fe02.contoso.local. Not moved (kept as rejections): fe03.contoso.local.',
  );
  await expect(page.getByRole('button', { name: 'Mark Step 3 done' })).toBeVisible();
  await screen(page, testInfo, 'one-paste-02-recorded');

  // On the dashboard: fe02 moved, fe03 still blocked, the others as they were.
  await page.getByRole('tab', { name: 'Dashboard' }).click();
  await expect(cell('fe02.contoso.local', 3)).not.toContainText(/Blocked/);
  await expect(cell('fe03.contoso.local', 3)).toContainText(/Blocked/);
  expect(await cell('fe01.contoso.local', 3).textContent()).toBe(before.fe01);
  expect(await cell('dir01.contoso.local', 1).textContent()).toBe(before.dir01);
  expect(await cell('edge01.perimeter.contoso.com', 1).textContent()).toBe(before.edge01);

  // The runbook: one paste, with a verdict for each server it was judged for.
  await page.getByRole('tab', { name: 'Export' }).click();
  const preview = page.frameLocator('iframe[title="Runbook preview"]');
  const entry = preview.getByRole('region', { name: /^Evidence 1: one paste judged for 2 servers$/ });
  await expect(entry).toBeVisible();
  const verdicts = entry.getByRole('list', { name: 'Verdicts, one per server' }).getByRole('listitem');
  await expect(verdicts).toHaveCount(2);
  await expect(verdicts.nth(0)).toContainText('fe02.contoso.local');
  await expect(verdicts.nth(0)).toContainText('accepted');
  await expect(verdicts.nth(1)).toContainText('fe03.contoso.local');
  await expect(verdicts.nth(1)).toContainText('rejected');
  // The paste itself once.
  await expect(entry.getByText(/Get-CsManagementStoreReplicationStatus \| Format-Table -AutoSize/)).toHaveCount(1);
  await screen(page, testInfo, 'one-paste-03-runbook', { excludePreview: true });
});
