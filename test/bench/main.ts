/**
 * `npm run bench`: every figure of the benchmark, with its budget, printed as a table and written to
 * bench-results/. `--quick` measures a smaller set (under two minutes) for a developer before they
 * stop; `--only WORDS` runs only the groups whose name contains them (e.g. `--only "command line"`).
 * It never runs in `npm test`: times on a shared machine vary, so budgets are read, not asserted.
 */
import { join } from 'node:path';
import { browserFigures } from './browser-figures';
import { cliFigures } from './cli-figures';
import { coreFigures } from './core-figures';
import { bundleFigures, propertyFigures, refusalFigures } from './misc-figures';
import { report, type Figure } from './report';

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const onlyAt = process.argv.indexOf('--only');
  const only = onlyAt === -1 ? undefined : process.argv[onlyAt + 1];
  const root = join(__dirname, '..', '..');
  const figures: Figure[] = [];
  const step = async (name: string, make: () => Figure[] | Promise<Figure[]>) => {
    if (only !== undefined && !name.includes(only)) return;
    const start = performance.now();
    process.stderr.write(`bench: ${name}…`);
    figures.push(...(await make()));
    process.stderr.write(` ${((performance.now() - start) / 1000).toFixed(1)} s\n`);
  };
  await step('open, save and export', () => coreFigures(quick ? [50, 500] : [50, 500, 5000], quick ? 5 : 10));
  await step('the command line', () => cliFigures(root, quick ? 3 : 10, quick));
  await step('the renderer in Chromium', () => browserFigures(root, quick));
  await step('the bundle', () => bundleFigures(root));
  await step('refusing large input', () => refusalFigures(quick ? 2 : 5));
  await step('the property tests', () => propertyFigures(root, quick));
  process.stdout.write(`${report(figures, root, quick)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`\nbench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
