import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../renderer/core/document/load';
import { lyncRunbook, workFolder } from './support/cli';
import {
  certificateFe03,
  expectOk,
  FE,
  FIELD_REPORT_OUTPUT,
  FILE,
  history,
  THUMBPRINT,
  TOPOLOGY,
  VERIFIED_FE02,
  cliIn,
  recorderIn,
} from './support/field-report';

// The built `lync-runbook` run as a separate process: the field report driven entirely from the command line.

describe('lync-runbook, the field report from the command line', () => {
  const dir = workFolder();
  const cli = cliIn(dir);
  const record = recorderIn(cli);

  it('imports the published topology into a new deployment file', () => {
    const run = cli(
      'import-topology',
      TOPOLOGY,
      '--product',
      'lync2013',
      '--out',
      FILE,
      '--name',
      'Contoso HQ',
      '--operator',
      'j.smith',
      '--at',
      '2013-03-13T08:00:00Z',
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(
      'note: left out sql01.contoso.local: SQL Server holding CentralMgmtStore: it needs no Deployment Wizard (RequiresSetup="false"); it is not a Lync Server or Skype for Business Server server\n',
    );
    expect(run.stdout).toContain(
      `Created ${FILE}: "Contoso HQ", 3 pool(s), 5 server(s), CMS pool fepool.contoso.local (from the topology).`,
    );
    expect(history(dir)).toMatchObject([
      { type: 'deployment.created', operator: 'j.smith', at: '2013-03-13T08:00:00.000Z' },
    ]);
  });

  it('records Steps 1 and 2 on the Front Ends, then Step 3 on fe01, which assigns the certificate', () => {
    for (const fe of FE) expectOk(record(fe, 'step1', '2013-03-13T09:00:00Z'));
    for (const fe of FE) expectOk(record(fe, 'step2', '2013-03-13T11:00:00Z'));
    const run = expectOk(
      record(
        FE[0],
        'step3',
        '2013-03-14T10:00:00Z',
        '--thumbprint',
        THUMBPRINT.toLowerCase().replace(/(..)/g, '$1 ').trim(),
      ),
    );
    expect(run.stdout).toContain(
      'Gate: this server assigns (or holds) the OAuthTokenIssuer certificate. Assigned the OAuthTokenIssuer certificate for the deployment',
    );
    expect(history(dir).at(-1)).toMatchObject({
      type: 'step.completed',
      server: FE[0],
      step: 3,
      thumbprint: THUMBPRINT,
      operator: 'j.smith',
    });
    expect(existsSync(join(dir, `${FILE}.bak`))).toBe(true);
  });

  it('check shows fe02 and fe03 blocked as stale, with the times that prove it, and exits 1', () => {
    const run = cli('check', FILE);
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(
      /^fe01\.contoso\.local +step 3\/4 {2}ready — next: Step 4: Start Services is the first start of the pool: /,
    );
    for (const line of [lines[1]!, lines[2]!]) {
      expect(line).toMatch(/^fe0[23]\.contoso\.local +step 2\/4 {2}blocked: stale replica — /);
      expect(line).toContain(
        'copied at 2013-03-13T09:00:00Z, before the OAuthTokenIssuer certificate was assigned on fe01 (fe01.contoso.local) at 2013-03-14T10:00:00Z',
      );
    }
    expect(lines[3]).toMatch(
      /^dir01\.contoso\.local +step 0\/4 {2}ready — next: Step 1: Install Local Configuration Store$/,
    );
  });

  it("refuses Step 3 on the stale fe02 with the gate's reason (exit 1) and leaves the file as it was", () => {
    const before = readFileSync(join(dir, FILE));
    const run = record(FE[1], 'step3', '2013-03-14T10:05:00Z');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('lync-runbook record: Blocked: stale local replica.');
    expect(readFileSync(join(dir, FILE)).equals(before)).toBe(true);
  });

  it('holds path B on fe02, a member the new CMS pool needs for its first start, and refuses Step 4 on fe01 alone', () => {
    expectOk(record(FE[1], 'remediation', '2013-03-14T10:10:00Z', '--path', 'replication'));
    const held = record(FE[1], 'item', '2013-03-14T10:15:00Z', '--path', 'B', '--item', 'replication-services');
    expect(held.code).toBe(1);
    expect(held.stderr).toContain('Path B cannot go on yet.');
    expect(held.stderr).toContain('replication cannot reach it first — use path A or C');
    const alone = record(FE[0], 'step4', '2013-03-14T10:40:00Z');
    expect(alone.code).toBe(1);
    expect(alone.stderr).toContain('is the first start of its pool, not of fe01.contoso.local alone');
    const waiting = cli('check', FILE);
    expect(waiting.stderr).toBe('');
    expect(waiting.stdout).toMatch(/fe02\.contoso\.local +step 2\/4 {2}waiting for the CMS pool — path B waits: /);
  });

  it('prints the export/import scripts for fe03, in checklist order, each with where to run it', () => {
    const run = expectOk(cli('script', FILE, '--server', FE[2], '--path', 'export-import'));
    const banners = run.stdout.split('\n').filter((l) => l.startsWith('# Script '));
    expect(banners).toEqual([
      '# Script 1 of 4 (A-export): run on fe03.contoso.local, in Lync Server Management Shell, as administrator.',
      '# Script 2 of 4 (A-import): run on fe03.contoso.local, in Lync Server Management Shell, as administrator.',
      '# Script 3 of 4 (A-start-agent): run on fe03.contoso.local, in Lync Server Management Shell, as administrator.',
      '# Script 4 of 4 (verify): run on fe03.contoso.local, in Lync Server Management Shell, as administrator.',
    ]);
    expect(run.stdout).toContain('Import-CsConfiguration -ByteInput (Export-CsConfiguration -AsBytes) -LocalStore');
    expect(run.stdout).toContain("$Server = 'fe03.contoso.local'");
    const file = expectOk(cli('script', FILE, '--server', FE[2], '--path', 'A', '--route', 'file'));
    expect(file.stdout).toContain('# Script 1 of 4 (A-export): run on fe01.contoso.local');
  });

  it("rejects the field report's own output as evidence for fe02 (exit 1) and records the rejection", () => {
    const run = cli(
      'evidence',
      FILE,
      '--server',
      FE[1],
      '--input',
      FIELD_REPORT_OUTPUT,
      '--time-zone',
      'America/Los_Angeles',
      '--at',
      '2013-03-14T11:06:00Z',
      '--operator',
      'j.smith',
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'Evidence for fe02.contoso.local: Get-CsManagementStoreReplicationStatus output, read as en-US in America/Los_Angeles.',
    );
    expect(run.stdout).toContain('last update 2012-11-24 20:08:05 (America/Los_Angeles) = 2012-11-25T04:08:05Z');
    expect(run.stderr).toContain(
      'Rejected (recorded): The output names no replica (its ReplicaFqdn is empty), so it cannot be attributed to fe02.contoso.local by guesswork',
    );
    expect(history(dir).at(-1)).toMatchObject({
      type: 'evidence.rejected',
      server: FE[1],
      input: { kind: 'replication-status', locale: 'en-US', timeZone: 'America/Los_Angeles' },
    });
    expect(record(FE[1], 'step3', '2013-03-14T11:07:00Z').code).toBe(1);
  });

  it('accepts the verification output for fe02 from standard input, after which Step 3 is recorded', () => {
    const run = lyncRunbook(
      dir,
      [
        'evidence',
        FILE,
        '--server',
        FE[1],
        '--input',
        '-',
        '--time-zone',
        'UTC',
        '--at',
        '2013-03-14T11:21:00Z',
        '--operator',
        'j.smith',
      ],
      VERIFIED_FE02,
    );
    expectOk(run);
    expect(run.stdout).toContain('Accepted: recorded as evidence for fe02.contoso.local.');
    expect(run.stdout).toContain(
      'ready — next: Step 3: Request, Install or Assign Certificates (gate: accepted evidence that the local store is current)',
    );
    expect(history(dir).at(-1)).toMatchObject({
      type: 'evidence.accepted',
      proof: { server: FE[1], upToDate: true, lastUpdate: '2013-03-14T11:12:00.000Z' },
      input: { kind: 'verification-json' },
    });
    expect(expectOk(record(FE[1], 'step3', '2013-03-14T12:00:00Z')).stdout).toContain(
      'Gate: accepted evidence that the local store is current.',
    );
  });

  it('takes fe03 through path A, proved by a UTF-16 Get-CsCertificate file, then starts services everywhere', () => {
    expectOk(record(FE[2], 'remediation', '2013-03-14T11:30:00Z', '--path', 'A'));
    const copied = cli(
      'script',
      FILE,
      '--server',
      FE[2],
      '--path',
      'export-import',
      '--record',
      '--at',
      '2013-03-14T11:31:00Z',
      '--operator',
      'j.smith',
    );
    expect([copied.code, copied.stderr]).toEqual([0, `Recorded 4 script(s) as copied in ${FILE}.\n`]);
    expect(
      history(dir)
        .slice(-4)
        .map((e) => e.type === 'script.copied' && e.scriptId),
    ).toEqual(['A-export', 'A-import', 'A-start-agent', 'verify']);
    expectOk(record(FE[2], 'item', '2013-03-14T11:35:00Z', '--path', 'A', '--item', 'export'));
    expectOk(record(FE[2], 'item', '2013-03-14T11:36:00Z', '--path', 'A', '--item', 'import'));
    expectOk(record(FE[2], 'item', '2013-03-14T11:37:00Z', '--path', 'A', '--item', 'start-agent'));
    writeFileSync(join(dir, 'fe03-cert.txt'), certificateFe03());
    expectOk(
      cli(
        'evidence',
        FILE,
        '--server',
        FE[2],
        '--input',
        'fe03-cert.txt',
        '--locale',
        'en-US',
        '--time-zone',
        'America/Los_Angeles',
        '--at',
        '2013-03-14T11:40:00Z',
        '--operator',
        'j.smith',
      ),
    );
    expectOk(record(FE[2], 'step3', '2013-03-14T12:00:00Z'));
    // The pool's first start, of all three members (each has Step 3 done): one event, Step 4 on each.
    expectOk(record(FE[0], 'pool-start', '2013-03-14T12:10:00Z'));
    const check = cli('check', FILE);
    expect(check.code).toBe(0);
    expect(check.stdout.split('\n').filter((l) => l.includes('done — services running since'))).toHaveLength(3);
  });

  it('exports the runbook as Markdown, HTML and JSON', () => {
    // The entries were recorded now (their times typed with --at): an export cannot be dated before that.
    const early = cli('export', FILE, '--format', 'md', '--at', '2013-03-15T09:00:00Z');
    expect(early.code).toBe(2);
    expect(early.stderr).toMatch(
      /The export time 2013-03-15T09:00:00Z is before the newest entry was recorded \(\d{4}-.*\): an export cannot be dated before what it holds\./,
    );
    expectOk(cli('export', FILE, '--format', 'md', '--out', 'runbook.md', '--at', '2099-03-15T09:00:00Z'));
    const md = readFileSync(join(dir, 'runbook.md'), 'utf8');
    expect(md).toContain('# Runbook: Contoso HQ');
    expect(md).toContain('- **Exported:** 2099-03-15T09:00:00Z');
    expect(md).toMatch(
      /\| `fe02\.contoso\.local` \| Evidence pasted \(Get-CsManagementStoreReplicationStatus output\): The output names no replica/,
    );
    expect(md).toContain('### Evidence 3: fe03.contoso.local, accepted');
    expect(md).toContain(
      '### Script 1: Path A, item 1 of 4: Check CMS access, then export the configuration (on a server with access to the CMS)',
    );
    const html = expectOk(cli('export', FILE, '--format', 'html')).stdout;
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    const json = expectOk(cli('export', FILE, '--format', 'json', '--at', '2099-03-15T09:00:00Z')).stdout;
    const reread = parseDocument(json, { clock: { now: () => '2099-03-15T09:00:00.000Z' }, operator: 'test' });
    expect(reread.ok && reread.document.history).toEqual(history(dir));
    expect(reread.ok && reread.document.savedAt).toBe('2099-03-15T09:00:00.000Z');
  });
});
