import { expect, test } from '@playwright/test';
import { at, openServer, screen, verificationJson } from './support';

// The sample's OAuthTokenIssuer certificate, assigned on fe01 at 10:00 on 14 March 2026.
const THUMB = '0123456789ABCDEF0123456789ABCDEF01234567';

test.use({ timezoneId: 'UTC' });

test('a Step 3 dated before the override that allowed it, and evidence showing the future, are refused with both times', async ({
  page,
}, testInfo) => {
  await page.clock.install({ time: new Date('2026-03-14T11:00:00Z') });
  await page.goto('/');
  await expect(page.getByText('Contoso HQ (sample)').first()).toBeVisible();
  await at(page, '2026-03-14T11:00:00Z');
  await page.getByLabel('Operator').fill('a.admin');

  // fe02: an override at 11:00, then Step 3 typed as done at 10:30.
  await openServer(page, 'fe02.contoso.local');
  await page.getByRole('button', { name: 'Override the gate instead…' }).click();
  await page.getByLabel(/What was checked/).fill('Checked the local store by hand on fe02');
  await page.getByLabel(/Change or ticket/).fill('CHG-1234');
  await page.getByLabel('I understand: record the override').check();
  await page.getByRole('button', { name: 'Override the gate' }).click();
  await expect(page.getByText('Gate overridden')).toBeVisible();
  await page.getByLabel('It was done earlier: enter the time').check();
  await page.getByLabel(/^Finished at/).fill('2026-03-14T10:30');
  await page.getByRole('button', { name: 'Mark Step 3 done' }).click();
  await expect(
    page.getByText(
      /is dated 2026-03-14T10:30:00Z, before its gate was open: the override was recorded at 2026-03-14T11:00:00Z\./,
    ),
  ).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: /^Step 3:/ }).locator('..')).not.toContainText('Done');
  await screen(page, testInfo, 'gates-in-time-01-step3-before-override');

  // The override was not used: it is withdrawn with a reason, and the gate is closed again.
  await page.getByRole('button', { name: 'Withdraw the override…' }).click();
  await page.getByLabel(/Why is the override withdrawn/).fill('The check was made on the wrong server');
  await screen(page, testInfo, 'gates-in-time-01b-withdraw-override');
  await page.getByRole('button', { name: 'Withdraw the override' }).click();
  await expect(page.getByText('Blocked: stale local replica')).toBeVisible();
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await expect(page.getByText('Override withdrawn: the gate is closed again')).toBeVisible();
  await expect(page.getByText('Gate overridden (not proven)')).toBeVisible();

  // fe03: the verification script's output dated 24 December, pasted on 14 March.
  await openServer(page, 'fe03.contoso.local');
  await page.getByRole('radio', { name: /^A/ }).check();
  await page.getByRole('button', { name: 'Start path A' }).click();
  await page
    .getByLabel(/Command output/)
    .fill(`PS C:\\> .\\verify.ps1\n${verificationJson('fe03.contoso.local', '2026-12-24T10:38:47.000Z', [THUMB])}\n`);
  const record = page.getByRole('button', { name: 'Record evidence' });
  if (await record.isVisible()) await record.click();
  await expect(
    page.getByText(/later than it was recorded \(2026-03-14T11:00:00Z\): no output shows the future/),
  ).toBeVisible();
  await screen(page, testInfo, 'gates-in-time-02-evidence-from-the-future');
});

test('a Step 3 dated before the evidence that opened its gate is refused with both times; a Step 1 re-run before the assignment does not complete path C', async ({
  page,
}, testInfo) => {
  await page.clock.install({ time: new Date('2026-03-14T11:00:00Z') });
  await page.goto('/');
  await expect(page.getByText('Contoso HQ (sample)').first()).toBeVisible();
  await at(page, '2026-03-14T11:00:00Z');
  await page.getByLabel('Operator').fill('a.admin');

  // fe03: the verification script shows its local store current at 10:38; Step 3 typed as done at 10:05.
  await openServer(page, 'fe03.contoso.local');
  await page
    .getByLabel(/Command output/)
    .fill(`PS C:\\> .\\verify.ps1\n${verificationJson('fe03.contoso.local', '2026-03-14T10:38:00.000Z', [THUMB])}\n`);
  const record = page.getByRole('button', { name: 'Record evidence' });
  if (await record.isVisible()) await record.click();
  await expect(page.getByRole('button', { name: 'Mark Step 3 done' })).toBeVisible();
  await page.getByLabel('It was done earlier: enter the time').check();
  await page.getByLabel(/^Finished at/).fill('2026-03-14T10:05');
  await page.getByRole('button', { name: 'Mark Step 3 done' }).click();
  await expect(
    page.getByText(
      /is dated 2026-03-14T10:05:00Z, before its gate was open: the accepted evidence shows its local store current at 2026-03-14T10:38:00Z\./,
    ),
  ).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: /^Step 3:/ }).locator('..')).not.toContainText('Done');
  await screen(page, testInfo, 'gates-in-time-03-step3-before-evidence');

  // fe02: path C, and a re-run of Step 1 dated 09:55, before the 10:00 assignment.
  await openServer(page, 'fe02.contoso.local');
  await page.getByRole('radio', { name: /^C/ }).check();
  await page.getByRole('button', { name: 'Start path C' }).click();
  await page.getByRole('button', { name: 'Record a re-run of Step 1' }).click();
  // The time is asked at once: it is compared with the assignment.
  await page.getByLabel(/^Finished at/).fill('2026-03-14T09:55');
  await page.getByRole('radio', { name: /^Deployment Wizard/ }).check();
  await page.getByRole('button', { name: 'Record Step 1 run again' }).click();
  // Recorded, but the store it copied predates the assignment: fe02 is still blocked.
  await expect(page.getByText('Blocked: stale local replica')).toBeVisible();
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await expect(
    page.getByText(/Dated before the OAuthTokenIssuer certificate was assigned on fe01\.contoso\.local/),
  ).toBeVisible();
  await screen(page, testInfo, 'gates-in-time-04-rerun-before-assignment');
});
