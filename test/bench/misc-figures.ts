/** The renderer's JavaScript, the property tests' throughput, and refusing input that is too large. */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { judgeEvidence } from '../../renderer/core/evidence';
import { importTopology } from '../../renderer/core/topology/import-topology';
import type { Figure } from './report';
import { measure } from './stats';

/** The JavaScript the first screen loads (the entry and what it imports statically), and all of it, gzipped. */
export function bundleFigures(root: string): Figure[] {
  const web = join(root, 'out/bench-web');
  const html = readFileSync(join(web, 'index.html'), 'utf8');
  const entries = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const all = readdirSync(join(web, 'assets')).filter((f) => f.endsWith('.js'));
  const gz = (files: readonly string[]) =>
    files.reduce(
      (sum, f) => sum + gzipSync(readFileSync(join(web, f.startsWith('assets/') ? f : `assets/${f}`))).length,
      0,
    ) / 1024;
  const raw = all.reduce((sum, f) => sum + readFileSync(join(web, 'assets', f)).length, 0) / 1024;
  return [
    { group: 'bundle', name: 'renderer JS the first screen loads, gzip', value: gz(entries), unit: 'KB', budget: 250 },
    {
      group: 'bundle',
      name: 'renderer JS in all, gzip',
      value: gz(all),
      unit: 'KB',
      note: `${Math.round(raw)} KB raw, ${all.length} files`,
    },
  ];
}

/** Cases per second of the injection property and the gate property, run by vitest as in the suite. */
export function propertyFigures(root: string, quick: boolean): Figure[] {
  const runs = quick ? 500 : 5000;
  const cases = (file: string, env: Record<string, string>, count: number): Figure => {
    const start = performance.now();
    const result = spawnSync(
      process.execPath,
      [join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--project', 'core', file],
      {
        cwd: root,
        env: { ...process.env, ...env },
        encoding: 'utf8',
      },
    );
    if (result.status !== 0) throw new Error(`${file}: ${result.stdout}\n${result.stderr}`);
    const seconds = (performance.now() - start) / 1000;
    return {
      group: 'tests',
      name: `${file.split('/').pop()} (${count} cases, whole run)`,
      value: count / seconds,
      unit: 'cases/s',
    };
  };
  return [
    cases('test/core/powershell/scripts-injection.property.test.ts', { FUZZ_RUNS: String(runs) }, runs),
    cases('test/core/machines/gate.property.test.ts', { PROPERTY_RUNS: String(runs / 10) }, (runs / 10) * 2),
  ];
}

/** How long refusing a 32 MB topology file and a 5 MB paste takes. */
export function refusalFigures(runs: number): Figure[] {
  const topology = `<?xml version="1.0"?><Topology>${'<Site>'.repeat(8)}${'x'.repeat(32 * 2 ** 20)}</Topology>`;
  const paste = `UpToDate : True\r\n${'ReplicaFqdn : fe02.contoso.local\r\n'.repeat(Math.ceil((5 * 2 ** 20) / 34))}`;
  const ctx = {
    server: 'fe02.contoso.local',
    oauth: null,
    locale: 'en-US',
    localeChosen: true,
    timeZone: 'UTC',
    zoneChosen: true,
  };
  const top = measure(() => importTopology(topology, { product: 'sfb2015' }), runs, 1);
  const ev = measure(() => judgeEvidence(paste, ctx), runs, 1);
  return [
    {
      group: 'input',
      name: 'refusing a 32 MB topology file',
      value: top.median,
      unit: 'ms',
      budget: 1000,
      sample: top,
    },
    { group: 'input', name: 'refusing a 5 MB paste', value: ev.median, unit: 'ms', budget: 1000, sample: ev },
  ];
}
