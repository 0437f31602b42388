/**
 * The renderer in headless Chromium, on its browser build: start-up against a minimal React page,
 * opening a 500-server document to the painted dashboard, step events to the repainted step (with
 * the longest task after each, autosave included), the dashboard's render and the heap; and refusing
 * a 5 MB paste and a 32 MB topology file (browser-refusals.ts).
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { build, preview, type PreviewServer } from 'vite';
import { serializeDocument, toDocument } from '../../renderer/core/document/save';
import type { DeploymentSession } from '../../renderer/core/session/session';
import { refusalTimes } from './browser-refusals';
import { benchDeployment, benchSession } from './generate';
import type { Figure } from './report';
import { summarize } from './stats';

const ARGS = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

async function serve(root: string, outDir: string, port: number): Promise<PreviewServer> {
  return preview({
    root,
    logLevel: 'silent',
    build: { outDir },
    preview: { port, strictPort: false, host: '127.0.0.1' },
  });
}

function urlOf(server: PreviewServer): string {
  return server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:4173/';
}

/** Long tasks are collected from the first moment of every page. */
const LONG_TASKS = `
  window.__longTasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration }); })
    .observe({ type: 'longtask', buffered: true });
`;

/** Milliseconds from navigation to the selector shown and the next frame painted, and the main thread blocked meanwhile. */
async function startUp(browser: Browser, url: string, selector: string): Promise<{ ms: number; blocked: number }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(LONG_TASKS);
  await page.goto(url);
  await page.waitForSelector(selector);
  const result = await page.evaluate(
    () =>
      new Promise<{ ms: number; blocked: number }>((resolve) =>
        requestAnimationFrame(() =>
          setTimeout(() => {
            const tasks = (window as unknown as { __longTasks: { duration: number }[] }).__longTasks;
            // Blocked: the part of each long task past the 50 ms a frame may take.
            resolve({ ms: performance.now(), blocked: tasks.reduce((s, t) => s + Math.max(0, t.duration - 50), 0) });
          }),
        ),
      ),
  );
  await context.close();
  return result;
}

/** What a timed action clicks, and what it waits for: a button with this text, or the dashboard of this many servers. */
interface Action {
  readonly click: string;
  readonly until: { readonly button: string } | { readonly servers: number };
}

/** The dashboard of `n` servers is shown: its table says it has that many rows, and the first is rendered. */
const DASHBOARD_OF = (n: number) => `table[aria-rowcount="${n + 1}"] [data-server-row]`;

/** Clicks in the page and returns the milliseconds until the result is shown and the next frame painted. */
async function timed(page: Page, action: Action): Promise<number> {
  const until = 'button' in action.until ? action.until : { selector: DASHBOARD_OF(action.until.servers) };
  return page.evaluate(
    ({ click, until }) =>
      new Promise<number>((resolve, reject) => {
        const find = (text: string) =>
          [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === text);
        const shown = () =>
          'button' in until ? find(until.button) !== undefined : document.querySelector(until.selector) !== null;
        const start = performance.now();
        const target = find(click);
        if (target === undefined) return reject(new Error(`no button "${click}"`));
        target.click();
        const check = () => {
          if (shown()) requestAnimationFrame(() => resolve(performance.now() - start));
          else if (performance.now() - start > 60_000) reject(new Error(`timed out after "${click}"`));
          else setTimeout(check, 1);
        };
        check();
      }),
    { click: action.click, until },
  );
}

function documentFile(name: string, session: DeploymentSession): string {
  const dir = mkdtempSync(join(tmpdir(), 'lync-runbook-bench-'));
  const file = join(dir, `${name}.lyncrunbook`);
  writeFileSync(file, serializeDocument(toDocument(session, '2014-01-01T00:00:00.000Z')));
  return file;
}

/** Opens a document file through the app's Open… button and returns the time to the painted dashboard. */
async function open(page: Page, file: string, count: number): Promise<number> {
  const chooser = page.waitForEvent('filechooser');
  const start = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: 'Open…' }).click();
  await (await chooser).setFiles(file);
  // Polled in the page: the app's Content-Security-Policy forbids the string evaluation waitForFunction uses.
  return page.evaluate(
    ({ t0, selector }) =>
      new Promise<number>((resolve) => {
        const check = () => {
          if (document.querySelector(selector) !== null) requestAnimationFrame(() => resolve(performance.now() - t0));
          else setTimeout(check, 1);
        };
        check();
      }),
    { t0: start, selector: DASHBOARD_OF(count) },
  );
}

/** The browser figures (the browser build must be built, in out/bench-web: bench.mjs builds it there). */
export async function browserFigures(root: string, quick: boolean): Promise<Figure[]> {
  const runs = quick ? 3 : 10;
  const minimalOut = join(root, 'out/bench-minimal');
  await build({
    root: join(root, 'test/bench/minimal'),
    base: './',
    logLevel: 'silent',
    build: { outDir: minimalOut, emptyOutDir: true },
  });
  const app = await serve(join(root, 'renderer'), join(root, 'out/bench-web'), 4273);
  const minimal = await serve(join(root, 'test/bench/minimal'), minimalOut, 4274);
  const browser = await chromium.launch({
    ...(SYSTEM_CHROMIUM ? { executablePath: SYSTEM_CHROMIUM } : {}),
    args: ARGS,
  });
  try {
    const appStarts = [];
    const minimalStarts = [];
    for (let i = 0; i < runs; i++) {
      appStarts.push(await startUp(browser, urlOf(app), 'table tbody tr'));
      minimalStarts.push(await startUp(browser, urlOf(minimal), 'h1'));
    }
    const start = summarize(appStarts.map((s) => s.ms));
    const reference = summarize(minimalStarts.map((s) => s.ms));
    const blocked = summarize(appStarts.map((s) => s.blocked));

    // The 500-server deployment with its history, and 50 servers with nothing recorded for the step events.
    const untouched = 50;
    const file = documentFile('bench-500', benchSession(500, 1, untouched));

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.addInitScript(LONG_TASKS);
    await page.goto(urlOf(app));
    await page.getByLabel('Operator').fill('bench');
    await page.waitForSelector('table tbody tr');
    const opens: number[] = [];
    // Each timed open starts from another deployment on screen, so the 500-server dashboard it waits
    // for is the one just opened, not the one left from the run before.
    const other = documentFile('bench-50', benchSession(50, 1));
    for (let i = 0; i < (quick ? 1 : 3); i++) {
      if (i > 0) await open(page, other, 50);
      opens.push(await open(page, file, 500));
    }
    const heap = await page.evaluate(
      () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0,
    );

    // Step events: Steps 1 and 2 on the untouched servers, one after another.
    const steps: number[] = [];
    const longest: number[] = [];
    const renders: number[] = [];
    const servers = benchDeployment(500)
      .servers.slice(-untouched)
      .slice(0, quick ? 5 : 25);
    for (const server of servers) {
      // As an admin finds them among 500: the servers not started yet (the dashboard draws the rows in view).
      await page.getByLabel('State').selectOption('not-started');
      await page.getByRole('button', { name: new RegExp(`^${server.fqdn.replace(/\./g, '\\.')}, `) }).click();
      await page.getByRole('heading', { level: 2, name: server.fqdn }).waitFor();
      for (const step of [1, 2]) {
        const before = await page.evaluate(() => performance.now());
        steps.push(
          await timed(page, { click: `Mark Step ${step} done`, until: { button: `Mark Step ${step + 1} done` } }),
        );
        // Autosave runs 400 ms after a change: the longest task within 1.5 s of the event.
        await page.waitForTimeout(1500);
        longest.push(
          await page.evaluate(
            (from) =>
              Math.max(
                0,
                ...(window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks
                  .filter((t) => t.start >= from)
                  .map((t) => t.duration),
              ),
            before,
          ),
        );
      }
      renders.push(await timed(page, { click: 'Dashboard', until: { servers: 500 } }));
    }
    await context.close();
    const refusals = await refusalTimes(browser, urlOf(app), quick ? 2 : 5);
    const pasteRefusal = summarize(refusals.paste);
    const fileRefusal = summarize(refusals.topology);
    const step = summarize(steps);
    const task = summarize(longest);
    const render = summarize(renders);
    const openTime = summarize(opens);
    const group = 'browser';
    return [
      {
        group,
        name: 'start-up to interactive (sample)',
        value: start.median,
        unit: 'ms',
        budget: 1.5 * reference.median,
        reference: { name: 'minimal React page', value: reference.median },
        sample: start,
      },
      { group, name: 'main thread blocked during start-up', value: blocked.median, unit: 'ms', sample: blocked },
      {
        group,
        name: 'open a 500-server file to the painted dashboard',
        value: openTime.median,
        unit: 'ms',
        budget: 500,
        sample: openTime,
      },
      {
        group,
        name: `step event → repainted step, p95 (${steps.length} events)`,
        value: step.p95,
        unit: 'ms',
        budget: 16,
        sample: step,
        note: `median ${step.median.toFixed(1)} ms`,
      },
      {
        group,
        name: 'longest task after a recorded event (autosave included)',
        value: task.max,
        unit: 'ms',
        budget: 50,
        sample: task,
        // The Long Tasks API reports only tasks over 50 ms.
        ...(task.max === 0 ? { note: 'no task over 50 ms' } : {}),
      },
      { group, name: 'dashboard render, 500 servers', value: render.median, unit: 'ms', budget: 200, sample: render },
      { group, name: 'JS heap after opening 500 servers', value: heap / 2 ** 20, unit: 'MB' },
      {
        group,
        name: 'refuse a 5 MB paste in the evidence box (Ctrl+V → refusal painted)',
        value: pasteRefusal.median,
        unit: 'ms',
        budget: 1000,
        sample: pasteRefusal,
      },
      {
        group,
        name: 'refuse a 32 MB topology file (chosen → refusal painted)',
        value: fileRefusal.median,
        unit: 'ms',
        budget: 1000,
        sample: fileRefusal,
      },
    ];
  } finally {
    await browser.close();
    await app.close();
    await minimal.close();
  }
}
