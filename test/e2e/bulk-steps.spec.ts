// Bulk steps (issue 15, item 15): the Front Ends of a pool run Steps 1 and 2 together, and the admin
// marks each step done on all of them at once, with one time; a server whose own machine refuses is
// shown before anything is recorded, and nothing is recorded until the admin says to record the others.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { at, screen } from './support';

test.use({ timezoneId: 'UTC' });

const FES = ['fe01.contoso.local', 'fe02.contoso.local', 'fe03.contoso.local'];

async function sample(page: Page): Promise<void> {
  await page.clock.install({ time: new Date('2026-03-14T11:00:00Z') });
  await page.goto('/');
  await expect(page.getByText('Contoso HQ (sample)').first()).toBeVisible();
  await at(page, '2026-03-14T11:00:00Z');
  await page.getByLabel('Operator').fill('a.admin');
}

/** The pointer off the table: a row under it is drawn in its hover colour. */
async function away(page: Page): Promise<void> {
  await page.mouse.move(0, 0);
}

/** The timeline's `count` rows of one step, as [time, server] pairs by server. */
async function timelineSteps(page: Page, summary: RegExp, count: number): Promise<string[][]> {
  await page.getByRole('tab', { name: 'Timeline' }).click();
  const rows = page.getByRole('row').filter({ has: page.getByRole('cell', { name: summary }) });
  await expect(rows).toHaveCount(count);
  const found: string[][] = [];
  for (const row of await rows.all()) {
    const cells = row.getByRole('cell');
    found.push([(await cells.nth(0).innerText()).trim(), (await cells.nth(2).innerText()).trim()]);
  }
  return found.sort((a, b) => a[1]!.localeCompare(b[1]!));
}

test('Step 1 and then Step 2 marked done on the three Front Ends at once, each with one time', async ({
  page,
}, testInfo) => {
  // A topology just published: nothing run yet. The clock runs, as a workstation's does.
  await page.clock.install({ time: new Date('2026-03-13T09:00:00Z') });
  await page.goto('/');
  await expect(page.getByText('Contoso HQ (sample)').first()).toBeVisible();
  await page.getByRole('button', { name: 'Close', exact: true }).click();
  await page.getByRole('button', { name: 'Import a topology' }).click();
  await page
    .getByLabel('…or paste the XML')
    .fill(readFileSync('test/core/topology/fixtures/published-enterprise.xml', 'utf8'));
  await page.getByRole('button', { name: 'Read the topology' }).click();
  await page.getByRole('button', { name: 'Continue to the deployment setup' }).click();
  await page.getByLabel('Your name (operator)').fill('a.admin');
  await page.getByRole('button', { name: 'Create the deployment' }).click();
  await expect(page.getByRole('tab', { name: 'Dashboard', selected: true })).toBeVisible();

  // The pool's three servers, by the filter and "select the shown", from the keyboard.
  await page.getByLabel('Pool', { exact: true }).selectOption('fepool.contoso.local');
  const all = page.getByRole('checkbox', { name: 'Select the 3 shown' });
  await all.focus();
  await page.keyboard.press('Space');
  const bar = page.getByRole('region', { name: 'Mark a step done on 3 servers selected' });
  await expect(bar).toBeVisible();
  await expect(bar.getByLabel('Step')).toHaveValue('1');
  for (const fe of FES)
    await expect(bar.getByRole('listitem').filter({ hasText: fe })).toHaveText(`${fe}: will be recorded`);
  await away(page);
  await screen(page, testInfo, 'bulk-01-step1-preview');

  await bar.getByRole('button', { name: 'Mark Step 1 done on 3 servers' }).click();
  const status = page.getByRole('status').filter({ hasText: 'Step 1 recorded on' });
  await expect(status).toHaveText(
    'Step 1 recorded on fe01.contoso.local, fe02.contoso.local and fe03.contoso.local, finished 13 Mar 2026 09:00.',
  );
  await expect(status.locator('..')).toBeFocused();
  // The bar closed with the recording, so a second click cannot mark Step 2 by mistake.
  await expect(bar).toHaveCount(0);
  await away(page);
  await screen(page, testInfo, 'bulk-02-step1-recorded');

  // Step 2 finished at 11:00: typed, as the single form takes a time done earlier.
  await page.clock.fastForward('03:00:00');
  await all.check();
  await expect(bar.getByLabel('Step')).toHaveValue('2');
  await bar.getByLabel('It was done earlier: enter the time').check();
  await bar.getByLabel('Finished at (UTC)').fill('2026-03-13T11:00');
  await bar.getByRole('button', { name: 'Mark Step 2 done on 3 servers' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Step 2 recorded on' })).toContainText(
    'finished 13 Mar 2026 11:00.',
  );

  // Three events each, one time each, in the timeline.
  const step1 = await timelineSteps(page, /^Step 1:/, 3);
  expect(step1.map((r) => r[1])).toEqual(FES);
  expect(new Set(step1.map((r) => r[0])).size).toBe(1);
  expect(step1[0]![0]).toContain('13 Mar 2026 09:00');
  const step2 = await timelineSteps(page, /^Step 2:/, 3);
  expect(step2.map((r) => r[1])).toEqual(FES);
  expect(new Set(step2.map((r) => r[0])).size).toBe(1);
  expect(step2[0]![0]).toContain('13 Mar 2026 11:00');
});

test('a bulk Step 3 across a stale server shows its refusal and records nothing until the admin records the others', async ({
  page,
}, testInfo) => {
  await sample(page);
  // The Director and the Edge Server through Steps 1 and 2, together, after the assignment.
  for (const s of ['dir01.contoso.local', 'edge01.perimeter.contoso.com'])
    await page.getByRole('checkbox', { name: `Select ${s}` }).check();
  const bar2 = page.getByRole('region', { name: 'Mark a step done on 2 servers selected' });
  // The Director's Step 1 time decides its gate: it is asked, with the single form's words.
  await expect(bar2.getByText(/^This time is compared with the OAuth assignment/)).toBeVisible();
  await bar2.getByLabel('Finished at (UTC)').fill('2026-03-14T10:30');
  await bar2.getByRole('button', { name: 'Mark Step 1 done on 2 servers' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Step 1 recorded on' })).toBeVisible();
  for (const s of ['dir01.contoso.local', 'edge01.perimeter.contoso.com'])
    await page.getByRole('checkbox', { name: `Select ${s}` }).check();
  await bar2.getByRole('button', { name: 'Mark Step 2 done on 2 servers' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Step 2 recorded on' })).toBeVisible();

  // Now Step 3 on those two and fe02, whose local store was copied before the assignment.
  for (const s of ['fe02.contoso.local', 'dir01.contoso.local', 'edge01.perimeter.contoso.com'])
    await page.getByRole('checkbox', { name: `Select ${s}` }).check();
  const bar = page.getByRole('region', { name: 'Mark a step done on 3 servers selected' });
  await expect(bar.getByLabel('Step')).toHaveValue('3');
  await expect(bar.getByRole('listitem').filter({ hasText: 'fe02.contoso.local' })).toContainText(
    'fe02.contoso.local: refused: Blocked: stale local replica.',
  );
  await expect(bar.getByRole('listitem').filter({ hasText: 'dir01.contoso.local' })).toHaveText(
    'dir01.contoso.local: will be recorded',
  );
  const recordAll = bar.getByRole('button', { name: 'Mark Step 3 done on 3 servers' });
  await expect(recordAll).toHaveAttribute('aria-disabled', 'true');
  await expect(recordAll).toHaveAccessibleDescription(
    '1 of them would be refused (listed above): record the others, or change the selection.',
  );
  const rest = bar.getByRole('button', { name: 'Record the 2 that can go ahead' });
  await expect(rest).toHaveAccessibleDescription('Leaves out fe02.contoso.local: nothing is recorded there.');
  // From the keyboard: Tab from the disabled button (it keeps its place in the order, with its reason) to the next.
  await recordAll.focus();
  await page.keyboard.press('Tab');
  await expect(rest).toBeFocused();
  await away(page);
  await screen(page, testInfo, 'bulk-03-step3-refused');

  // The disabled button records nothing.
  await recordAll.click({ force: true });
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await expect(page.getByRole('cell', { name: /^Step 3:/ })).toHaveCount(1);
  await page.getByRole('tab', { name: 'Dashboard' }).click();

  // The selection went with the dashboard; chosen again, and the others recorded.
  for (const s of ['fe02.contoso.local', 'dir01.contoso.local', 'edge01.perimeter.contoso.com'])
    await page.getByRole('checkbox', { name: `Select ${s}` }).check();
  await bar.getByRole('button', { name: 'Record the 2 that can go ahead' }).click();
  const status = page.getByRole('status').filter({ hasText: 'Step 3 recorded on' });
  await expect(status).toContainText(
    'Step 3 recorded on dir01.contoso.local and edge01.perimeter.contoso.com, finished 14 Mar 2026 11:00.',
  );
  await expect(status).toContainText('Not recorded on fe02.contoso.local: Blocked: stale local replica.');
  await away(page);
  await screen(page, testInfo, 'bulk-04-step3-rest-recorded');
  const row = page.getByRole('button', { name: /^fe02\.contoso\.local, / }).locator('xpath=ancestor::tr');
  await expect(row).toContainText('Blocked: stale replica');
  const step3 = await timelineSteps(page, /^Step 3:/, 3);
  expect(step3.map((r) => r[1])).toEqual(['dir01.contoso.local', 'edge01.perimeter.contoso.com', 'fe01.contoso.local']);
});

// 1024×768, and 1280×800: the desktop window's default size.
for (const [width, height] of [
  [1024, 768],
  [1280, 800],
] as const) {
  test(`the checkboxes and the bar keep the dashboard whole at ${width}×${height}`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width, height });
    await sample(page);
    for (const s of ['fe02.contoso.local', 'fe03.contoso.local', 'dir01.contoso.local'])
      await page.getByRole('checkbox', { name: `Select ${s}` }).check();
    await expect(page.getByRole('region', { name: 'Mark a step done on 3 servers selected' })).toBeVisible();
    const overflow = await page.evaluate(() => {
      const wrap = document.querySelector('table')!.parentElement!;
      return [document.documentElement.scrollWidth - window.innerWidth, wrap.scrollWidth - wrap.clientWidth];
    });
    expect(overflow, 'the page, and the table in its frame, do not scroll sideways').toEqual([0, 0]);
    for (const name of ['1 Local store', '2 Components', '3 Certificates', '4 Services']) {
      const box = (await page.getByRole('columnheader', { name }).boundingBox())!;
      expect(box.x + box.width, `${name} ends inside the window`).toBeLessThanOrEqual(width);
    }
    await away(page);
    await screen(page, testInfo, `bulk-05-${width}x${height}`);
  });
}
