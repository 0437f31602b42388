import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';
import { verificationReport } from '../support/verification-report';

/**
 * Saves a screenshot of the current screen in the light and the dark theme (under test-results/,
 * for a person to look at), and checks both with axe: no violation of any impact.
 */
export async function screen(
  page: Page,
  testInfo: TestInfo,
  name: string,
  options: { excludePreview?: boolean; viewportOnly?: boolean } = {},
): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    // Let Fluent re-theme before looking.
    await page.waitForTimeout(150);
    // A popover floats over the viewport; a full-page capture resizes the page under it and loses what is behind.
    await page.screenshot({ path: `test-results/screens/${name}-${scheme}.png`, fullPage: !options.viewportOnly });
    // Fluent's focus manager (Tabster) puts aria-hidden focus sentinels around focus groups; they only
    // redirect focus and hold no content, and axe's aria-hidden-focus rule cannot tell them apart.
    let axe = new AxeBuilder({ page }).exclude('[data-tabster-dummy]');
    // The export preview is the runbook HTML in a script-less sandbox, where axe cannot run; that
    // HTML has its own axe check (runbook-html.spec.ts).
    if (options.excludePreview) axe = axe.exclude('iframe[title="Runbook preview"]');
    const results = await axe.analyze();
    const bad = results.violations;
    expect(
      bad.map(
        (v) =>
          `${v.id} (${v.impact}): ${v.help} — ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 5)
            .join(' | ')}`,
      ),
      `axe on ${name} (${scheme})`,
    ).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  void testInfo;
}

/** Sets the page's clock: the time the app records for "now". */
export async function at(page: Page, iso: string): Promise<void> {
  await page.clock.setFixedTime(new Date(iso));
}

/** Opens a server from the dashboard. */
export async function openServer(page: Page, fqdn: string): Promise<void> {
  await page.getByRole('tab', { name: 'Dashboard' }).click();
  await page.getByRole('button', { name: new RegExp(`^${fqdn.replace(/\./g, '\\.')}, `) }).click();
  await expect(page.getByRole('heading', { level: 2, name: fqdn })).toBeVisible();
}

/** Marks a step done on the open server view. */
export async function markDone(page: Page, step: number, thumbprint?: string): Promise<void> {
  if (thumbprint) await page.getByLabel('Thumbprint of the OAuthTokenIssuer certificate you assigned').fill(thumbprint);
  await page.getByRole('button', { name: `Mark Step ${step} done` }).click();
  await expect(page.getByRole('heading', { level: 3, name: new RegExp(`^Step ${step}:`) }).locator('..')).toContainText(
    'Done',
  );
}

/** The verification script's line for a server, as the app's script prints it (schemaVersion 2). */
export function verificationJson(server: string, lastUpdate: string, thumbprints: string[] = []): string {
  const at = lastUpdate.replace('.000Z', '.0000000Z');
  return verificationReport(server, {
    upToDate: true,
    lastUpdate: at,
    ranAt: at,
    thumbprints,
    notAfter: '2028-03-14T10:00:00.0000000Z',
  });
}
