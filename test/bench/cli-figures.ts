/**
 * The command line at 500 servers, whole process, against its own `--version`; and in the full run
 * at 5,000 (the schema's maximum), against the same command at 500 with linear growth.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_DOCUMENT_BYTES } from '../../renderer/core/document/document';
import { serializeDocument, toDocument } from '../../renderer/core/document/save';
import type { Deployment } from '../../renderer/core/model/deployment';
import { benchSession, largestAt500, largestDeployment } from './generate';
import { topologyXml } from './topology-xml';
import type { Figure } from './report';
import { summarize, type Sample } from './stats';

function timeRuns(cli: string, args: (run: number) => string[], runs: number, cwd: string, accepted = false): Sample {
  const times: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const start = performance.now();
    const result = spawnSync(process.execPath, [cli, ...args(i)], { cwd, encoding: 'utf8' });
    const ms = performance.now() - start;
    if (result.status !== 0 && (accepted || result.status !== 1))
      throw new Error(`lync-runbook ${args(i).join(' ')}: ${result.stderr}`);
    // The first run warms the file cache.
    if (i > 0) times.push(ms);
  }
  return summarize(times);
}

/** The exit status and the time of one run, for a command whose outcome the figure depends on. */
function runOnce(cli: string, args: string[], cwd: string): { ms: number; status: number | null; stderr: string } {
  const start = performance.now();
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
  return { ms: performance.now() - start, status: result.status, stderr: result.stderr };
}

/**
 * import-topology, check and record at `scale` servers and at 500, whole process. The budget of each
 * 5,000 figure is its 500 figure grown linearly (× 10 × 1.15, the growth the benchmark issue allows).
 */
function scaleFigures(cli: string, dir: string, runs: number, deployment: Deployment, at500: Deployment): Figure[] {
  const figures: Figure[] = [];
  const measure = (which: Deployment, tag: string) => {
    const xml = join(dir, `${tag}.xml`);
    writeFileSync(xml, topologyXml(which));
    const imported = join(dir, `${tag}-imported.lyncrunbook`);
    const importRun = (i: number) => [
      'import-topology',
      xml,
      '--product',
      'sfb2015',
      '--out',
      imported,
      '--force',
      `--name=${tag} ${i}`,
    ];
    const first = runOnce(cli, importRun(0), dir);
    if (first.status !== 0) throw new Error(`import-topology of ${which.servers.length} servers: ${first.stderr}`);
    const importSample = timeRuns(cli, importRun, runs, dir);
    // The last runs + 1 servers have nothing recorded: each run of record records Step 1 on one of
    // them, so every run writes an accepted event (a refusal writes nothing and would be cheaper).
    const session = benchSession(which, 1, runs + 1);
    const file = join(dir, `${tag}.lyncrunbook`);
    writeFileSync(file, serializeDocument(toDocument(session, '2014-01-01T00:00:00.000Z')));
    const bytes = statSync(file).size;
    const checkSample = timeRuns(cli, () => ['check', file], runs, dir);
    const untouched = which.servers.slice(-(runs + 1));
    const record = (i: number) => [
      'record',
      file,
      '--server',
      untouched[i]!.fqdn,
      '--event',
      'step1',
      '--at',
      '2013-03-20T08:00:00Z',
    ];
    const recordSample = timeRuns(cli, record, runs, dir, true);
    return { importSample, checkSample, recordSample, bytes };
  };
  const large = measure(deployment, 'largest');
  const small = measure(at500, 'five-hundred');
  const n = deployment.servers.length;
  const grown = (name: string, big: Sample, base: Sample): Figure => ({
    group: 'command line',
    name: `${name} at ${n.toLocaleString('en-US')}`,
    value: big.median,
    unit: 'ms',
    budget: base.median * (n / at500.servers.length) * 1.15,
    reference: { name: `${name} at 500, grown linearly`, value: base.median * (n / at500.servers.length) },
    sample: big,
  });
  figures.push(
    grown('import-topology', large.importSample, small.importSample),
    grown('check', large.checkSample, small.checkSample),
    grown('record', large.recordSample, small.recordSample),
    {
      group: 'command line',
      name: `file size at ${n.toLocaleString('en-US')}`,
      value: large.bytes / (1024 * 1024),
      unit: 'MB',
      budget: MAX_DOCUMENT_BYTES / (1024 * 1024),
    },
  );
  return figures;
}

/** check, record and export on a 500-server deployment file; at 5,000 servers too unless quick. */
export function cliFigures(root: string, runs: number, quick = true): Figure[] {
  const cli = join(root, 'out/cli/lync-runbook.cjs');
  const dir = mkdtempSync(join(tmpdir(), 'lync-runbook-bench-'));
  const session = benchSession(500, 1, runs + 1);
  const file = join(dir, 'bench.lyncrunbook');
  writeFileSync(file, serializeDocument(toDocument(session, '2014-01-01T00:00:00.000Z')));
  // Each run of record records Step 1 on a server with nothing recorded yet: an accepted event.
  const untouched = session.deployment()!.servers.slice(-(runs + 1));
  const version = timeRuns(cli, () => ['--version'], runs, dir);
  const reference = { name: '--version', value: version.median };
  const row = (name: string, sample: Sample): Figure => ({
    group: 'command line',
    name: `${name} at 500`,
    value: sample.median,
    unit: 'ms',
    budget: 2 * version.median,
    reference,
    sample,
  });
  return [
    { group: 'command line', name: '--version', value: version.median, unit: 'ms', sample: version },
    row(
      'check',
      timeRuns(cli, () => ['check', file], runs, dir),
    ),
    row(
      'record',
      timeRuns(
        cli,
        (i) => ['record', file, '--server', untouched[i]!.fqdn, '--event', 'step1', '--at', '2013-03-20T08:00:00Z'],
        runs,
        dir,
        true,
      ),
    ),
    row(
      'export --format html',
      timeRuns(cli, () => ['export', file, '--format', 'html', '--out', join(dir, 'runbook.html')], runs, dir),
    ),
    ...(quick ? [] : scaleFigures(cli, dir, Math.min(runs, 5), largestDeployment(), largestAt500())),
  ];
}
