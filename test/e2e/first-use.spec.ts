// What got in the way on a first use mid change window (issue 15): each bug reproduced as the admin
// met it, through the browser build.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { at, openServer, screen, verificationJson } from './support';

test.use({ timezoneId: 'UTC', permissions: ['clipboard-read', 'clipboard-write'] });

async function sample(page: Page): Promise<void> {
  await page.clock.install({ time: new Date('2026-03-14T11:00:00Z') });
  await page.goto('/');
  await expect(page.getByText('Contoso HQ (sample)').first()).toBeVisible();
  await at(page, '2026-03-14T11:00:00Z');
  await page.getByLabel('Operator').fill('a.admin');
}

test('copying the verification script is recorded, as every other copy is (bug 6)', async ({ page }) => {
  await sample(page);
  await openServer(page, 'fe02.contoso.local');
  await page.getByRole('button', { name: 'Show the verification script (its output is the best evidence)' }).click();
  const copy = page.getByRole('button', { name: /^Copy script: Verification/ });
  await copy.click();
  await expect(copy).toContainText('Copied');
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await expect(
    page.getByRole('cell', { name: "Script copied: Verification: what this server's local store holds" }),
  ).toBeVisible();
});

test('from an open deployment back to the start screen, and Save as in the browser build (bug 2)', async ({
  page,
}, testInfo) => {
  await sample(page);
  await expect(page.getByRole('button', { name: 'Save as…' })).toBeVisible();
  // A change not saved: closing asks first, and cancelling keeps the deployment open.
  await openServer(page, 'fe02.contoso.local');
  await page.getByRole('radio', { name: /^A/ }).check();
  await page.getByRole('button', { name: 'Start path A' }).click();
  await page.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(page.getByRole('alertdialog')).toBeVisible();
  await screen(page, testInfo, 'first-use-02-close-asks', { viewportOnly: true });
  await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'fe02.contoso.local' })).toBeVisible();
  // Saved as a copy, then closed: the start screen, with the import and the copy among the recent ones.
  await page.getByRole('button', { name: 'Save as…' }).click();
  await expect(page.getByText('contoso-hq-sample-copy.lyncrunbook · Saved')).toBeVisible();
  await page.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'lync-runbook', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import a topology' })).toBeVisible();
  await expect(page.getByRole('button', { name: /contoso-hq-sample-copy\.lyncrunbook/ })).toBeVisible();
  await screen(page, testInfo, 'first-use-02-start-after-close');
  // Nothing comes back on reload: the closed deployment left no recovery copy behind.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'lync-runbook', level: 1 })).toBeVisible();
});

test('a server with the FQDN of its Enterprise Edition pool is refused, as Topology Builder refuses it (bug 12)', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByText('Contoso HQ (sample)').first()).toBeVisible();
  await page.getByRole('button', { name: 'Close', exact: true }).click();
  await page.getByRole('button', { name: 'Import a topology' }).click();
  await page
    .getByLabel('…or paste the XML')
    .fill(readFileSync('test/core/topology/fixtures/published-enterprise.xml', 'utf8'));
  await page.getByRole('button', { name: 'Read the topology' }).click();
  await page.getByRole('button', { name: 'Continue to the deployment setup' }).click();
  await page.getByLabel('Server 1 FQDN').fill('fepool.contoso.local');
  await page.getByLabel('Your name (operator)').fill('t.importer');
  await page.getByRole('button', { name: 'Create the deployment' }).click();
  await expect(
    page.getByText(/Server fepool\.contoso\.local has the FQDN of its Enterprise Edition pool/).first(),
  ).toBeVisible();
});

test('the first click after an invalid entry lands where it was aimed (bug 4)', async ({ page }) => {
  await sample(page);
  await page.getByRole('button', { name: 'New', exact: true }).click();
  for (const [field, next, appears] of [
    ['Pool 1 FQDN', 'Add a pool', 'Pool 2 FQDN'],
    ['Server 1 FQDN', 'Add a server', 'Server 2 FQDN'],
  ] as const) {
    // A single name is not an FQDN: its message appears when the field is left, by this very click.
    await page.getByLabel(field, { exact: true }).fill('fe01');
    await page.getByRole('button', { name: next }).click();
    await expect(page.getByLabel(appears, { exact: true })).toBeVisible();
    await expect(page.getByText(/"fe01" is a single name/).first()).toBeVisible();
  }
});

test('the re-run of Step 1, once recorded, closes its form (bug 5)', async ({ page }) => {
  await sample(page);
  await openServer(page, 'fe02.contoso.local');
  await page.getByRole('button', { name: 'Record a re-run of Step 1' }).click();
  await page.getByRole('radio', { name: /^Deployment Wizard/ }).check();
  await page.getByLabel(/^Finished at/).fill('2026-03-14T10:50');
  await page.getByRole('button', { name: 'Record Step 1 run again' }).click();
  await expect(page.getByRole('heading', { level: 3, name: /^Step 1:/ }).locator('..')).toContainText('run 2');
  await expect(page.getByRole('button', { name: 'Record Step 1 run again' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Record a re-run of Step 1' })).toBeVisible();
});

test('the form lists a missing operator with its other problems, and preselects the only CMS candidate (bug 12)', async ({
  page,
}) => {
  await sample(page);
  await page.getByLabel('Operator').fill('');
  await page.getByRole('button', { name: 'New', exact: true }).click();
  await page.getByLabel('Your name (operator)').fill('');
  await page.getByLabel('Pool 1 FQDN', { exact: true }).fill('fepool.contoso.local');
  // One pool that can host the CMS: it is the CMS pool until another is listed.
  await expect(page.getByLabel('Pool that hosts the Central Management Store')).toHaveValue('fepool.contoso.local');
  await page.getByRole('button', { name: 'Create the deployment' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'before going on' });
  await expect(summary).toContainText('Enter your name in "Your name (operator)"');
  await expect(summary).toContainText('Enter the FQDN of server 1');
});

test('the browser build offers Print for PDF, and prints the runbook from a window of its own (bug 12)', async ({
  page,
}) => {
  await sample(page);
  await page.getByRole('tab', { name: 'Export' }).click();
  await page.getByRole('radio', { name: /^PDF — The HTML runbook in your browser's print dialog/ }).check();
  const popup = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Print…' }).click();
  const shown = await popup;
  await expect(shown.getByRole('heading', { level: 1, name: 'Runbook: Contoso HQ (sample)' })).toBeVisible();
});

test('a correct en-US paste on a first use is judged, or can be judged again with one click (bug 1)', async ({
  page,
}) => {
  await sample(page);
  await openServer(page, 'fe02.contoso.local');
  // The replication status as an en-US console prints it, last update 14 Mar 10:30 (after the 10:00 assignment).
  await page.getByLabel(/Command output/)
    .fill(`PS C:\\Users\\admin> Get-CsManagementStoreReplicationStatus -ReplicaFqdn fe02.contoso.local

UpToDate           : True
ReplicaFqdn        : fe02.contoso.local
LastStatusReport   : 3/14/2026 10:31:10 AM
LastUpdateCreation : 3/14/2026 10:30:00 AM
ProductVersion     : 5.0.8308.0
`);
  const again = page.getByRole('button', { name: /^The console is en-US and the server is in UTC: judge again$/ });
  const record = page.getByRole('button', { name: 'Record evidence' });
  // Whatever the first reading asks, one click gets the paste judged with the locale and zone shown.
  if (await again.isVisible()) await again.click();
  if (await record.isVisible()) await record.click();
  await expect(page.getByRole('button', { name: 'Mark Step 3 done' })).toBeVisible();
});

test('typed, unrecorded text survives a reload: a pasted output and a half-typed override (bug 10)', async ({
  page,
}) => {
  await sample(page);
  // Saved first, so the reload opens this deployment again (the sample opens only on the first start).
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText(/· Saved$/)).toBeVisible();
  await openServer(page, 'fe02.contoso.local');
  await page.getByLabel(/Command output/).fill('PS C:\\> Get-CsManagementStoreReplicationStatus\nUpToDate : Tr');
  await page.getByRole('button', { name: 'Override the gate instead…' }).click();
  await page.getByLabel(/What was checked/).fill('Checked the Certificate Wiz');
  await page.getByLabel(/Change or ticket/).fill('CHG-12');
  await page.reload();
  await page.getByRole('button', { name: /contoso-hq-sample\.lyncrunbook/ }).click();
  await openServer(page, 'fe02.contoso.local');
  await expect(page.getByLabel(/Command output/)).toHaveValue(
    'PS C:\\> Get-CsManagementStoreReplicationStatus\nUpToDate : Tr',
  );
  await expect(page.getByLabel(/What was checked/)).toHaveValue('Checked the Certificate Wiz');
  await expect(page.getByLabel(/Change or ticket/)).toHaveValue('CHG-12');
  // fe03 has its own fields: nothing of fe02's shows there.
  await openServer(page, 'fe03.contoso.local');
  await expect(page.getByLabel(/Command output/)).toHaveValue('');
});

test('focus stays where the work is after each main action, never on the page body (bug 7)', async ({
  page,
}, testInfo) => {
  await sample(page);
  /** Where the focus is: the element's tag and the heading of the step card around it. */
  const focus = () =>
    page.evaluate(() => {
      const active = document.activeElement;
      return {
        body: active === null || active === document.body,
        card: active?.closest('li')?.querySelector('h3')?.textContent ?? null,
        text: active?.textContent?.slice(0, 60) ?? null,
      };
    });

  // Step 1 on the Director, from the keyboard: its form goes, and the focus stays on its card.
  await openServer(page, 'dir01.contoso.local');
  await page.getByRole('button', { name: 'Mark Step 1 done' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 3, name: /^Step 1:/ }).locator('..')).toContainText('Done');
  await expect.poll(focus).toMatchObject({ body: false, card: expect.stringMatching(/^Step 1:/) });
  await screen(page, testInfo, 'focus-01-after-step-1');

  // Evidence accepted on fe02: the remediation panel gives way to Step 3, and the focus stays on its card.
  await openServer(page, 'fe02.contoso.local');
  await page
    .getByLabel(/Command output/)
    .fill(
      verificationJson('fe02.contoso.local', '2026-03-14T10:40:00.000Z', ['0123456789ABCDEF0123456789ABCDEF01234567']),
    );
  await page.getByRole('button', { name: 'Record evidence' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Mark Step 3 done' })).toBeVisible();
  await expect.poll(focus).toMatchObject({ body: false, card: expect.stringMatching(/^Step 3:/) });
  // And Tab goes on from there, to the step's own controls.
  await page.keyboard.press('Tab');
  await expect.poll(focus).toMatchObject({ body: false, card: expect.stringMatching(/^Step 3:/) });
  await screen(page, testInfo, 'focus-02-after-evidence');
});
