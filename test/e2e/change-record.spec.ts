import { expect, test } from '@playwright/test';
import { at, screen } from './support';

test.use({ timezoneId: 'UTC' });

test('the change record and a sign-off, recorded in the app and shown in the runbook', async ({ page }, testInfo) => {
  await page.clock.install({ time: new Date('2026-03-14T11:00:00Z') });
  await page.goto('/');
  await expect(page.getByText('Contoso HQ (sample)').first()).toBeVisible();
  await at(page, '2026-03-14T11:00:00Z');
  await page.getByLabel('Operator').fill('m.jones');
  await page.getByRole('tab', { name: 'Export' }).click();
  await page.getByRole('button', { name: 'Sign off the history so far' }).click();
  await expect(page.getByRole('alert')).toContainText('Record the change first');
  await page.getByLabel('Change or ticket ID').fill('CHG-0314');
  await page.getByLabel(/^Window opens/).fill('2026-03-13T08:00');
  await page.getByLabel(/^Window closes/).fill('2026-03-14T18:00');
  await page.getByLabel('Implementers').fill('j.smith, k.lee');
  await page.getByLabel('Approver').fill('m.jones');
  await page.getByLabel('Rollback').fill('Remove the new pool from the topology and publish it again.');
  await page.getByRole('button', { name: 'Record the change' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Change recorded' })).toBeVisible();
  await page.getByRole('button', { name: 'Sign off the history so far' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Signed off' })).toBeVisible();
  await expect(page.getByText(/m\.jones \(approver\), .*: \d+ entries \(everything so far\)/)).toBeVisible();
  const preview = page.frameLocator('iframe[title="Runbook preview"]');
  await expect(preview.getByText('CHG-0314', { exact: true })).toBeVisible();
  await expect(
    preview.getByText(/m\.jones \(approver\) at 2026-03-14T11:00:00Z: signs \d+ entries \(the whole history\)/),
  ).toBeVisible();
  await screen(page, testInfo, 'change-record-signed', { excludePreview: true });
});
