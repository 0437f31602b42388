/** The command line at 500 servers, whole process, against its own `--version`. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serializeDocument, toDocument } from '../../renderer/core/document/save';
import { benchSession } from './generate';
import type { Figure } from './report';
import { summarize, type Sample } from './stats';

function timeRuns(cli: string, args: (run: number) => string[], runs: number, cwd: string): Sample {
  const times: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const start = performance.now();
    const result = spawnSync(process.execPath, [cli, ...args(i)], { cwd, encoding: 'utf8' });
    const ms = performance.now() - start;
    if (result.status !== 0 && result.status !== 1)
      throw new Error(`lync-runbook ${args(i).join(' ')}: ${result.stderr}`);
    // The first run warms the file cache.
    if (i > 0) times.push(ms);
  }
  return summarize(times);
}

/** check, record and export on a 500-server deployment file. */
export function cliFigures(root: string, runs: number): Figure[] {
  const cli = join(root, 'out/cli/lync-runbook.cjs');
  const dir = mkdtempSync(join(tmpdir(), 'lync-runbook-bench-'));
  const session = benchSession(500, 1);
  const file = join(dir, 'bench.lyncrunbook');
  writeFileSync(file, serializeDocument(toDocument(session, '2014-01-01T00:00:00.000Z')));
  const servers = session.deployment()!.servers.filter((s) => s.role === 'front-end');
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
        (i) => ['record', file, '--server', servers[i % servers.length]!.fqdn, '--event', 'step1'],
        runs,
        dir,
      ),
    ),
    row(
      'export --format html',
      timeRuns(cli, () => ['export', file, '--format', 'html', '--out', join(dir, 'runbook.html')], runs, dir),
    ),
  ];
}
