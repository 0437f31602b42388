/**
 * Refusing input that is too large, in the browser build (issue 15, bug 8): a 5 MB paste into a
 * server's evidence box and a 32 MB topology file chosen to import. Each run is timed in the page,
 * from the moment the paste or the chosen file reaches it to the refusal shown and the next frame
 * painted, so the time Playwright takes to send the keys or the file is not counted.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';

/** The replication status, repeated to 5 MB: output of the right kind, only far too much of it. */
const PASTE_BYTES = 5 * 2 ** 20;
const TOPOLOGY_BYTES = 32 * 2 ** 20;

/** Resolves in the page, once `event` reaches `target`, with the milliseconds until `shown` holds and a frame is painted. */
async function armTimer(page: Page, args: { event: 'paste' | 'change'; target: string; shown: string; says: string }) {
  await page.evaluate(({ event, target, shown, says }) => {
    const w = window as unknown as { __refused?: Promise<number> };
    w.__refused = new Promise<number>((resolve, reject) => {
      const element = document.querySelector(target);
      if (element === null) return reject(new Error(`no ${target}`));
      // Capture on the element itself: this runs before the app's handlers and the browser's default action.
      element.addEventListener(
        event,
        () => {
          const start = performance.now();
          const check = () => {
            const text = [...document.querySelectorAll(shown)].map((e) => e.textContent ?? '').join(' ');
            if (text.includes(says)) requestAnimationFrame(() => resolve(performance.now() - start));
            else if (performance.now() - start > 120_000) reject(new Error(`no refusal after the ${event}`));
            else setTimeout(check, 1);
          };
          setTimeout(check);
        },
        { capture: true, once: true },
      );
    });
  }, args);
}

async function timerResult(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __refused: Promise<number> }).__refused);
}

/** The sample open on a fresh page (the sample opens on a first start only, so each run has its own context). */
async function freshSample(browser: Browser, url: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByText('Contoso HQ (sample)').first().waitFor();
  return { page, close: () => context.close() };
}

/** A 5 MB paste, through the clipboard and Ctrl+V as an admin pastes, into fe02's evidence box. */
async function pasteOnce(browser: Browser, url: string): Promise<number> {
  const { page, close } = await freshSample(browser, url);
  try {
    await page.getByLabel('Operator').fill('bench');
    await page.getByRole('tab', { name: 'Dashboard' }).click();
    await page.getByRole('button', { name: /^fe02\.contoso\.local, / }).click();
    const box = page.getByLabel(/Command output/);
    await box.waitFor();
    await page.evaluate((bytes) => {
      const line = 'ReplicaFqdn        : fe02.contoso.local\r\n';
      return navigator.clipboard.writeText(`UpToDate : True\r\n${line.repeat(Math.ceil(bytes / line.length))}`);
    }, PASTE_BYTES);
    await box.focus();
    await box.evaluate((e) => e.setAttribute('data-bench-paste', ''));
    // Whether refused as it arrives or judged once in the box, the refusal names the limit.
    await armTimer(page, {
      event: 'paste',
      target: '[data-bench-paste]',
      shown: 'section[aria-label="Evidence"]',
      says: '1,000,000',
    });
    await page.keyboard.press('Control+V');
    return await timerResult(page);
  } finally {
    await close();
  }
}

/** A 32 MB file chosen in Import a topology. */
async function fileOnce(browser: Browser, url: string, file: string): Promise<number> {
  const { page, close } = await freshSample(browser, url);
  try {
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    await page.getByRole('button', { name: 'Import a topology' }).click();
    await armTimer(page, {
      event: 'change',
      target: 'input[type="file"][aria-label="Topology file"]',
      shown: '[role="alert"]',
      says: 'This topology cannot be imported',
    });
    await page.getByLabel('Topology file').setInputFiles(file);
    return await timerResult(page);
  } finally {
    await close();
  }
}

/** Milliseconds to refuse a 5 MB paste and a 32 MB topology file, `runs` times each. */
export async function refusalTimes(
  browser: Browser,
  url: string,
  runs: number,
): Promise<{ paste: number[]; topology: number[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'lync-runbook-bench-'));
  const file = join(dir, 'not-a-topology.xml');
  // Well-formed XML's start, then far more than any topology: refused by its size alone.
  writeFileSync(file, `<?xml version="1.0" encoding="utf-8"?><Topology>${'x'.repeat(TOPOLOGY_BYTES)}</Topology>`);
  const paste: number[] = [];
  const topology: number[] = [];
  for (let i = 0; i < runs; i++) {
    paste.push(await pasteOnce(browser, url));
    topology.push(await fileOnce(browser, url, file));
  }
  return { paste, topology };
}
