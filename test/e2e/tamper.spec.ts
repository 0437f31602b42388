import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { at, openServer, screen } from './support';

test.use({ timezoneId: 'UTC' });

const SAMPLE = 'assets/sample/contoso-hq.lyncrunbook';
const TITLE = 'This file was changed after it was recorded: open read-only';

test('a file edited after it was recorded opens read-only, naming the event, on every screen and in the runbook', async ({
  page,
}, testInfo) => {
  // The sample with who assigned the certificate changed by hand: event 8, fe01's Step 3.
  const doc = JSON.parse(readFileSync(SAMPLE, 'utf8')) as { history: { operator: string }[] };
  doc.history[7]!.operator = 'm.jones';
  const text = `${JSON.stringify(doc, null, 1)}\n`;

  await page.clock.install({ time: new Date('2026-03-14T11:00:00Z') });
  await page.goto('/');
  await expect(page.getByText('Contoso HQ (sample)').first()).toBeVisible();
  await at(page, '2026-03-14T11:00:00Z');
  await page.getByLabel('Operator').fill('k.lee');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open…' }).click();
  await (
    await chooser
  ).setFiles({ name: 'edited.lyncrunbook', mimeType: 'application/json', buffer: Buffer.from(text) });

  const warning = page.getByRole('alert').filter({ hasText: TITLE });
  const named =
    'Event 8 (step.completed on fe01.contoso.local, dated 2026-03-14T10:00:00Z) does not match the hash recorded with it';
  await expect(warning).toContainText(named);
  await screen(page, testInfo, 'tamper-01-dashboard');

  // On every screen of the deployment.
  for (const tab of ['Timeline', 'Topology', 'Export'] as const) {
    await page.getByRole('tab', { name: tab }).click();
    await expect(warning).toContainText(named);
  }
  // The runbook made from it carries the warning above everything else.
  const preview = page.frameLocator('iframe[title="Runbook preview"]');
  await expect(preview.getByRole('alert')).toContainText(`${TITLE}. ${named}`);
  await expect(preview.getByText('Chain head', { exact: true })).toBeVisible();

  // Nothing can be recorded: the admin is told why, and the history is as it was.
  await openServer(page, 'fe02.contoso.local');
  await expect(warning).toContainText(named);
  await page.getByRole('radio', { name: /^A/ }).check();
  await page.getByRole('button', { name: 'Start path A' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'This deployment is open read-only' })).toContainText(
    'Nothing can be recorded in it.',
  );
  await screen(page, testInfo, 'tamper-02-server-refused');
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await expect(page.getByText('Remediation path chosen')).toHaveCount(0);
});
