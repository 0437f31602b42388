import { expect, test } from '@playwright/test';
import { serializeDocument, toDocument } from '../../renderer/core/document/save';
import { DeploymentSession } from '../../renderer/core/session/session';
import { bigDeployment } from '../ui/workspaces';
import { screen } from './support';

test.use({ timezoneId: 'UTC', permissions: ['clipboard-read', 'clipboard-write'] });

test('works by keyboard alone: rows, the server view, a remediation path and a copy', async ({ page }, testInfo) => {
  await page.clock.install({ time: new Date('2026-03-14T10:30:00Z') });
  await page.goto('/');
  await expect(page.getByText('Contoso HQ (sample)').first()).toBeVisible();
  await page.getByLabel('Operator').fill('k.board');

  // Into the table, down two rows, open with Enter.
  const first = page.getByRole('button', { name: /^fe01\.contoso\.local, / });
  await first.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('button', { name: /^fe03\.contoso\.local, / })).toBeFocused();
  await screen(page, testInfo, '20-keyboard-row-focus');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'fe03.contoso.local' })).toBeVisible();

  // Tab to the remediation choice and pick path C with the arrow keys.
  const radioA = page.getByRole('radio', { name: /^A/ });
  for (let i = 0; i < 40 && !(await radioA.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(radioA).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: /^C/ })).toBeChecked();
  // Moving through the options recorded nothing; the choice is made with the button.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Start path C' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('radio', { name: /^C .* — chosen$/ })).toBeChecked();
  await expect(page.getByText(/Path changed/)).toHaveCount(0);

  // Tab to the first copy button and press it.
  const copy = page.getByRole('button', { name: /^Copy script: Path C/ }).first();
  for (let i = 0; i < 40 && !(await copy.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(copy).toBeFocused();
  await screen(page, testInfo, '21-keyboard-copy-focus');
  await page.keyboard.press('Enter');
  await expect(copy).toContainText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(
    "Get-CsCertificate -Identity 'global' -Type 'OAuthTokenIssuer'",
  );

  // Back to the dashboard by keyboard.
  await page.getByRole('button', { name: 'Dashboard' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: /^fe03\.contoso\.local, / })).toBeVisible();
});

test('500 servers: only the rows in view are drawn, and the keyboard reaches every row', async ({ page }) => {
  const created = DeploymentSession.create(bigDeployment(500), {
    operator: 'k.board',
    clock: { now: () => '2026-03-14T10:00:00.000Z' },
  });
  if (!created.ok) throw new Error(created.message);
  const text = serializeDocument(toDocument(created.session, '2026-03-14T10:00:00.000Z'));
  await page.goto('/');
  await page.getByLabel('Operator').fill('k.board');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open…' }).click();
  await (await chooser).setFiles({ name: 'big.lyncrunbook', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(page.getByText('500 of 500 servers')).toBeVisible();
  const drawn = await page.locator('[data-server-row]').count();
  expect(drawn).toBeGreaterThan(5);
  expect(drawn).toBeLessThan(60);

  // End goes to the last server, scrolled into view; Home back to the first; the arrows one by one.
  await page.getByRole('button', { name: /^fe001\.contoso\.local, / }).focus();
  await page.keyboard.press('End');
  await expect(page.getByRole('button', { name: /^fe500\.contoso\.local, / })).toBeFocused();
  await expect(page.getByRole('button', { name: /^fe500\.contoso\.local, / })).toBeInViewport();
  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('button', { name: /^fe499\.contoso\.local, / })).toBeFocused();
  await page.keyboard.press('Home');
  await expect(page.getByRole('button', { name: /^fe001\.contoso\.local, / })).toBeFocused();
  for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('button', { name: /^fe031\.contoso\.local, / })).toBeFocused();
  await expect(page.getByRole('button', { name: /^fe031\.contoso\.local, / })).toBeInViewport();
  expect(await page.locator('[data-server-row]').count()).toBeLessThan(60);
});
