import { mkdirSync, writeFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { exportRunbook } from '../../renderer/core/runbook';
import { EXPORTED_AT, fieldReportRunbookSession } from '../core/runbook/field-report-runbook';

// The exported HTML runbook in Chromium: it loads nothing from anywhere, passes axe in light and dark,
// and prints to a PDF, as Electron's printToPDF will. Screenshots and the PDF are kept for a person to look at.
const OUT = 'test-results/runbook-html';
const html = exportRunbook(fieldReportRunbookSession(), 'html', EXPORTED_AT);

async function open(page: Page): Promise<string[]> {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.setContent(html, { waitUntil: 'load' });
  return requests;
}

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes[0]?.html ?? ''}`)).toEqual([]);
}

test.beforeAll(() => mkdirSync(OUT, { recursive: true }));

test('the runbook opens self-contained, reads in order and passes axe in light and dark', async ({ page }) => {
  const requests = await open(page);
  await expect(page).toHaveTitle('Runbook: Contoso HQ');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Runbook: Contoso HQ');
  await expect(page.getByRole('heading', { level: 2, name: 'What is still open' })).toBeVisible();
  await expect(page.getByRole('table', { name: /Every event of the history/ }).getByRole('row')).toHaveCount(35);

  // Every link of the table of contents (and every other in-page link) lands on an element.
  const targets = await page
    .locator('a[href^="#"]')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href')!.slice(1)));
  expect(targets.length).toBeGreaterThan(20);
  for (const id of new Set(targets)) expect(await page.locator(`[id="${id}"]`).count(), id).toBe(1);

  // Headings never skip a level.
  const levels = await page.locator('h1, h2, h3, h4, h5, h6').evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
  levels.forEach((level, i) => expect(level - (levels[i - 1] ?? 0)).toBeLessThanOrEqual(1));

  await expectNoAxeViolations(page);
  await page.screenshot({ path: `${OUT}/runbook-light.png`, fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page);
  await page.screenshot({ path: `${OUT}/runbook-dark.png`, fullPage: true });
  expect(requests).toEqual([]);
});

test('the runbook prints to a PDF', async ({ page }) => {
  const requests = await open(page);
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: `${OUT}/runbook-print.png`, fullPage: true });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  writeFileSync(`${OUT}/runbook.pdf`, pdf);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(20_000);
  expect(requests).toEqual([]);
});
