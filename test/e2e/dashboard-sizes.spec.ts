// The dashboard on the screens admins use in a change window (issue 15, bug 3): at 1024×768, 1280×800
// (the desktop window's default) and 1366×768 every step column is whole, the replication state
// (issue 15, item 13) is whole in its column or, on a window too narrow for it, under each server's
// name, and the page does not scroll sideways.
import { expect, test } from '@playwright/test';
import { screen } from './support';

test.use({ timezoneId: 'UTC' });

for (const [width, height] of [
  [1024, 768],
  [1280, 800],
  [1366, 768],
] as const) {
  test(`the dashboard at ${width}×${height} shows every step column whole`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width, height });
    await page.clock.install({ time: new Date('2026-03-14T11:00:00Z') });
    await page.goto('/');
    await expect(page.getByText('Contoso HQ (sample)').first()).toBeVisible();
    await page
      .getByRole('button', { name: 'Dismiss' })
      .first()
      .click({ trial: false })
      .catch(() => undefined);
    // No sideways scroll.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // Each step column's header and cells lie inside the viewport and are not cut short.
    for (const name of ['1 Local store', '2 Components', '3 Certificates', '4 Services']) {
      const header = page.getByRole('columnheader', { name });
      const box = (await header.boundingBox())!;
      expect(box.x + box.width, `${name} ends inside the window`).toBeLessThanOrEqual(width);
    }
    // The replication state: its column from 1280 px, under each server's name below.
    const column = page.getByRole('columnheader', { name: 'Replication' });
    if (width >= 1280) {
      const box = (await column.boundingBox())!;
      expect(box.x + box.width, 'Replication ends inside the window').toBeLessThanOrEqual(width);
    } else {
      await expect(column).toBeHidden();
      await expect(page.locator('tbody th [data-replication]')).toHaveCount(5);
      for (const under of await page.locator('tbody th [data-replication]').all()) {
        await expect(under).toBeVisible();
        const box = (await under.boundingBox())!;
        expect(box.x + box.width, 'the replication state under the name ends inside the window').toBeLessThanOrEqual(
          width,
        );
      }
    }
    const clipped = await page.evaluate(() =>
      [...document.querySelectorAll('[role="row"] [role="cell"], [role="row"] [role="gridcell"], td')]
        .filter((c) => (c as HTMLElement).scrollWidth > (c as HTMLElement).clientWidth + 1)
        .map((c) => c.textContent),
    );
    expect(clipped, 'cells cut short').toEqual([]);
    await screen(page, testInfo, `dashboard-${width}x${height}`, { viewportOnly: true });
  });
}
