import { expect, test } from '@playwright/test';
import { at, markDone, openServer } from './support';

test.use({ timezoneId: 'Europe/London' });

test('reloading mid-scenario comes back exactly where it was', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-03-14T10:30:00Z') });
  await page.goto('/');
  await expect(page.getByText('Contoso HQ (sample)').first()).toBeVisible();
  await page.getByLabel('Operator').fill('a.admin');

  // Work on the sample: path A on fe03, its export done; Step 1 on the Director.
  await openServer(page, 'fe03.contoso.local');
  await page.getByRole('radio', { name: /^A/ }).check();
  await page.getByRole('button', { name: 'Start path A' }).click();
  await page.getByRole('button', { name: 'Mark A.1 done' }).click();
  await at(page, '2026-03-14T10:35:00Z');
  await openServer(page, 'dir01.contoso.local');
  await markDone(page, 1);
  await openServer(page, 'fe03.contoso.local');
  await expect(page.getByRole('button', { name: 'Mark A.2 done' })).toBeVisible();
  const before = await page.locator('main').innerText();
  // Let the debounced autosave happen, as it would while the admin reads.
  await page.clock.runFor(1000);
  await page.waitForTimeout(300);

  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'fe03.contoso.local' })).toBeVisible();
  await expect(page.getByRole('radio', { name: /^A/ })).toBeChecked();
  await expect(page.getByRole('button', { name: 'Mark A.2 done' })).toBeVisible();
  expect(await page.locator('main').innerText()).toBe(before);
  await expect(page.getByLabel('Operator')).toHaveValue('a.admin');
  await page.getByRole('tab', { name: 'Dashboard' }).click();
  await expect(
    page.getByRole('button', { name: /^dir01\.contoso\.local, / }).locator('xpath=ancestor::tr'),
  ).toContainText('14 Mar 10:35');
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await expect(
    page.getByText(
      'Path A item done: Check CMS access, then export the configuration (on a server with access to the CMS)',
    ),
  ).toBeVisible();
});
