import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { screen } from './support';

// Playwright runs from the repository root.
const TOPOLOGY = readFileSync('test/core/topology/fixtures/published-enterprise.xml', 'utf8');

test('the start screen, and a new deployment from a published topology', async ({ page }, testInfo) => {
  await page.goto('/');
  await expect(page.getByText('Contoso HQ (sample)').first()).toBeVisible();
  // The second start shows the start screen (the sample opened only the first time).
  await page.reload();
  await expect(page.getByRole('heading', { name: 'lync-runbook', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Open the sample deployment' })).toBeVisible();
  await screen(page, testInfo, '30-start');

  await page.getByRole('button', { name: 'Import a topology' }).click();
  await page.getByLabel('…or paste the XML').fill(TOPOLOGY);
  await page.getByRole('button', { name: 'Read the topology' }).click();
  await expect(page.getByText('Read 3 pools and 5 servers (published topology)')).toBeVisible();
  await expect(page.getByText(/sql01\.contoso\.local:/)).toBeVisible();
  await screen(page, testInfo, '31-import-topology');
  await page.getByRole('button', { name: 'Continue to the deployment setup' }).click();
  await expect(page.getByLabel('Server 5 FQDN')).toHaveValue('edge01.perimeter.contoso.com');
  await expect(page.getByLabel('Pool that hosts the Central Management Store')).toHaveValue('fepool.contoso.local');
  await page.getByLabel('Your name (operator)').fill('t.importer');
  await page.getByRole('button', { name: 'Create the deployment' }).click();
  await expect(page.getByRole('button', { name: /^fe02\.contoso\.local, / })).toBeVisible();
  await expect(page.getByText('OAuthTokenIssuer:')).toBeVisible();

  // Save it, then find it in the recent list after a reload.
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText(/Saved/).first()).toBeVisible();
  // Saved, so there is no recovery copy: a reload shows the start screen, with it in the recent list.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Recent deployments' })).toBeVisible();
  await page.getByRole('button', { name: 'headquarters.lyncrunbook' }).click();
  await expect(page.getByRole('button', { name: /^fe02\.contoso\.local, / })).toBeVisible();
  await expect(page.getByText('headquarters.lyncrunbook · Saved')).toBeVisible();
});

test('a file that is not a deployment is refused with a message, and nothing changes', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByText('Contoso HQ (sample)').first()).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open…' }).click();
  await (
    await chooser
  ).setFiles({
    name: 'notes.lyncrunbook',
    mimeType: 'application/json',
    buffer: Buffer.from('{"schemaVersion": 99, "format": "lync-runbook"}'),
  });
  await expect(page.getByText('This file was not opened')).toBeVisible();
  await expect(page.getByText(/saved by a newer version of lync-runbook \(schema version 99\)/)).toBeVisible();
  await expect(page.getByRole('button', { name: /^fe02\.contoso\.local, / })).toBeVisible();
});
