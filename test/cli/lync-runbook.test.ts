import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from '../../renderer/core/document/load';
import type { DomainEvent } from '../../renderer/core/events/schema';
import { buildCli, lyncRunbook, ROOT, workFolder, type Run } from './support/cli';

// The built `lync-runbook` run as a separate process: the field report driven entirely from the
// command line, then the mistakes an admin makes at it.
const FIXTURES = join(ROOT, 'test/core');
const TOPOLOGY = join(FIXTURES, 'topology/fixtures/published-enterprise.xml');
const NEVER_PUBLISHED = join(FIXTURES, 'topology/fixtures/never-published.tbxml');
const FIELD_REPORT_OUTPUT = join(FIXTURES, 'evidence/fixtures/replication-status/single-from-field-report.txt');
const THUMBPRINT = '0123456789ABCDEF0123456789ABCDEF01234567';
const FE = ['fe01.contoso.local', 'fe02.contoso.local', 'fe03.contoso.local'] as const;
const FILE = 'contoso.lyncrunbook';

/** The verification script's one line of output from fe02, after replication (times in UTC). */
const VERIFIED_FE02 = `PS C:\\Users\\admin> & C:\\Temp\\verify-fe02.ps1
{"schema":"lync-runbook.verify","schemaVersion":1,"expected":"fe02.contoso.local","server":"fe02.contoso.local","time":"2013-03-14T11:20:00.0000000Z","replication":{"upToDate":true,"lastUpdateCreation":"2013-03-14T11:12:00.0000000Z","lastStatusReport":"2013-03-14T11:15:31.0000000Z"},"oauthThumbprints":["${THUMBPRINT}"],"replicaService":"Running","event3038":"2013-03-14T11:12:00.0000000Z"}
`;

/** Get-CsCertificate on fe03 after the import, as a Windows PowerShell redirect writes it (UTF-16LE). */
function certificateFe03(): Buffer {
  const text = `\r\nIssuer     : CN=contoso-DC01-CA, DC=contoso, DC=local\r\nNotAfter   : 3/14/2015 9:00:00 AM\r\nSubject    : CN=contoso.com\r\nThumbprint : ${THUMBPRINT}\r\nUse        : OAuthTokenIssuer\r\n`;
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

function history(folder: string, file = FILE): DomainEvent[] {
  return (JSON.parse(readFileSync(join(folder, file), 'utf8')) as { history: DomainEvent[] }).history;
}

function expectOk(run: Run): Run {
  expect(run.stderr, run.stdout).toBe('');
  expect(run.code).toBe(0);
  return run;
}

beforeAll(() => buildCli(), 180_000);

describe('lync-runbook, the field report from the command line', () => {
  const dir = workFolder();
  const cli = (...args: string[]) => lyncRunbook(dir, args);
  const record = (server: string, event: string, at: string, ...more: string[]) =>
    cli('record', FILE, '--server', server, '--event', event, '--at', at, '--operator', 'j.smith', ...more);

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
    expect(lines[0]).toMatch(/^fe01\.contoso\.local +step 3\/4 {2}ready — next: Step 4: Start Services$/);
    for (const line of [lines[1]!, lines[2]!]) {
      expect(line).toMatch(/^fe0[23]\.contoso\.local +step 2\/4 {2}blocked: stale replica — /);
      expect(line).toContain(
        'copied at 2013-03-13T09:00:00.000Z, before the OAuthTokenIssuer certificate was assigned on fe01 (fe01.contoso.local) at 2013-03-14T10:00:00.000Z',
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

  it('holds path B on fe02 until a Front End of the CMS pool runs', () => {
    expectOk(record(FE[1], 'remediation', '2013-03-14T10:10:00Z', '--path', 'replication'));
    const held = record(FE[1], 'item', '2013-03-14T10:15:00Z', '--path', 'B', '--item', 'start-agent');
    expect(held.code).toBe(1);
    expect(held.stderr).toContain('Path B cannot go on yet.');
    expect(held.stderr).toContain('fe01.contoso.local must finish Step 4: Start Services');
    const waiting = cli('check', FILE);
    expect(waiting.stderr).toBe('');
    expect(waiting.stdout).toMatch(/fe02\.contoso\.local +step 2\/4 {2}waiting for the CMS pool — path B waits: /);
    expectOk(record(FE[0], 'step4', '2013-03-14T10:40:00Z'));
    expectOk(record(FE[1], 'item', '2013-03-14T10:45:00Z', '--path', 'B', '--item', 'start-agent'));
    expectOk(record(FE[1], 'item', '2013-03-14T11:05:00Z', '--path', 'B', '--item', 'event-3038'));
  });

  it('prints the export/import scripts for fe03, in checklist order, each with where to run it', () => {
    const run = expectOk(cli('script', FILE, '--server', FE[2], '--path', 'export-import'));
    const banners = run.stdout.split('\n').filter((l) => l.startsWith('# Script '));
    expect(banners).toEqual([
      '# Script 1 of 3 (A-export): run on fe03.contoso.local, in Lync Server Management Shell, as administrator.',
      '# Script 2 of 3 (A-import): run on fe03.contoso.local, in Lync Server Management Shell, as administrator.',
      '# Script 3 of 3 (verify): run on fe03.contoso.local, in Lync Server Management Shell, as administrator.',
    ]);
    expect(run.stdout).toContain('Import-CsConfiguration -ByteInput (Export-CsConfiguration -AsBytes) -LocalStore');
    expect(run.stdout).toContain("$Server = 'fe03.contoso.local'");
    const file = expectOk(cli('script', FILE, '--server', FE[2], '--path', 'A', '--route', 'file'));
    expect(file.stdout).toContain('# Script 1 of 3 (A-export): run on fe01.contoso.local');
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
    expect(run.stdout).toContain('last update 2012-11-24 20:08:05 (America/Los_Angeles) = 2012-11-25T04:08:05.000Z');
    expect(run.stderr).toContain(
      "Rejected (recorded): The last update of fe02.contoso.local's local store was created at 2012-11-25T04:08:05.000Z",
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
    expect([copied.code, copied.stderr]).toEqual([0, `Recorded 3 script(s) as copied in ${FILE}.\n`]);
    expect(
      history(dir)
        .slice(-3)
        .map((e) => e.type === 'script.copied' && e.scriptId),
    ).toEqual(['A-export', 'A-import', 'verify']);
    expectOk(record(FE[2], 'item', '2013-03-14T11:35:00Z', '--path', 'A', '--item', 'export'));
    expectOk(record(FE[2], 'item', '2013-03-14T11:36:00Z', '--path', 'A', '--item', 'import'));
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
    for (const fe of [FE[1], FE[2]]) expectOk(record(fe, 'step4', '2013-03-14T12:10:00Z'));
    const check = cli('check', FILE);
    expect(check.code).toBe(0);
    expect(check.stdout.split('\n').filter((l) => l.includes('done — services running since'))).toHaveLength(3);
  });

  it('exports the runbook as Markdown, HTML and JSON', () => {
    expectOk(cli('export', FILE, '--format', 'md', '--out', 'runbook.md', '--at', '2013-03-15T09:00:00Z'));
    const md = readFileSync(join(dir, 'runbook.md'), 'utf8');
    expect(md).toContain('# Runbook: Contoso HQ');
    expect(md).toContain('- **Exported:** 2013-03-15T09:00:00Z');
    expect(md).toMatch(
      /\| `fe02\.contoso\.local` \| Evidence rejected \(Get-CsManagementStoreReplicationStatus output\): The last update/,
    );
    expect(md).toContain('### Evidence 3: fe03.contoso.local, accepted');
    expect(md).toContain(
      '### Script 1: Path A, item 1 of 3: Export the configuration on a server with access to the CMS',
    );
    const html = expectOk(cli('export', FILE, '--format', 'html')).stdout;
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    const json = expectOk(cli('export', FILE, '--format', 'json', '--at', '2013-03-15T09:00:00Z')).stdout;
    const reread = parseDocument(json, { clock: { now: () => '2013-03-15T09:00:00.000Z' }, operator: 'test' });
    expect(reread.ok && reread.document.history).toEqual(history(dir));
    expect(reread.ok && reread.document.savedAt).toBe('2013-03-15T09:00:00.000Z');
  });
});

describe('lync-runbook, bad input', () => {
  const dir = workFolder();
  const cli = (...args: string[]) => lyncRunbook(dir, args);
  const expectUsage = (run: Run, message: string | RegExp) => {
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      typeof message === 'string' ? new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : message,
    );
  };

  beforeAll(() => {
    expect(
      cli('import-topology', TOPOLOGY, '--product', 'sfb2015', '--out', FILE, '--at', '2015-06-01T08:00:00Z').code,
    ).toBe(0);
  });

  it('answers --help and --version, at the top and on every command', () => {
    const top = expectOk(cli('--help'));
    expect(top.stdout).toContain('Usage: lync-runbook <command> [options]');
    expect(expectOk(cli('--version')).stdout).toMatch(/^lync-runbook \d+\.\d+\.\d+\n$/);
    for (const command of ['new', 'import-topology', 'record', 'check', 'script', 'evidence', 'export']) {
      expect(expectOk(cli(command, '--help')).stdout).toMatch(new RegExp(`^Usage: lync-runbook ${command} `));
    }
    const none = cli();
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Usage: lync-runbook <command> [options]');
  });

  it('refuses an unknown command, an unknown option, a missing argument', () => {
    expectUsage(cli('frobnicate'), 'lync-runbook: "frobnicate" is not a command.');
    expectUsage(
      cli('check', FILE, '--verbose'),
      'lync-runbook check: Unknown option --verbose.\nRun "lync-runbook check --help" for usage.',
    );
    expectUsage(cli('check'), 'lync-runbook check: Missing the deployment file.');
    expectUsage(cli('record', FILE, '--server', FE[0]), 'Missing --event');
    expectUsage(cli('record', FILE, '--event', 'step1', '--server'), /argument missing/);
  });

  it('refuses a missing, damaged or foreign file, and leaves it as it is', () => {
    expectUsage(cli('check', 'nowhere.lyncrunbook'), 'The deployment file nowhere.lyncrunbook does not exist.');
    writeFileSync(join(dir, 'broken.lyncrunbook'), '{"format":"lync-runbook","schemaVersion":1,');
    expectUsage(
      cli('record', 'broken.lyncrunbook', '--server', FE[0], '--event', 'step1'),
      /it is not valid JSON .*The file was left as it is\./,
    );
    expect(readFileSync(join(dir, 'broken.lyncrunbook'), 'utf8')).toBe('{"format":"lync-runbook","schemaVersion":1,');
    expectUsage(cli('check', TOPOLOGY), /is not a lync-runbook deployment/);
  });

  it('refuses an unknown server, naming the servers there are', () => {
    expectUsage(
      cli('record', FILE, '--server', 'fe09.contoso.local', '--event', 'step1'),
      'There is no server fe09.contoso.local in this deployment; its servers are: fe01.contoso.local, fe02.contoso.local, fe03.contoso.local, dir01.contoso.local, edge01.perimeter.contoso.com.',
    );
    expectUsage(
      cli('script', FILE, '--server', 'fe09.contoso.local', '--path', 'verify'),
      'There is no server fe09.contoso.local',
    );
    expectUsage(
      cli('evidence', FILE, '--server', 'fe09.contoso.local', '--input', '-', '--time-zone', 'UTC'),
      'There is no server fe09.contoso.local',
    );
  });

  it('refuses invalid values with what would be valid', () => {
    const before = readFileSync(join(dir, FILE));
    expectUsage(
      cli('record', FILE, '--server', FE[0], '--event', 'step5'),
      'The event "step5" is not one of: step1, step2, step3, step4, oauth-assigned, oauth-thumbprint, remediation, item, override.',
    );
    expectUsage(
      cli('record', FILE, '--server', FE[0], '--event', 'step3', '--thumbprint', 'XYZ'),
      'This step.completed is not valid: thumbprint must be 40 upper-case hexadecimal digits.',
    );
    expectUsage(
      cli('record', FILE, '--server', FE[0], '--event', 'step1', '--at', '2015-06-01 10:00'),
      '--at "2015-06-01 10:00" is not an ISO 8601 time with a zone',
    );
    expectUsage(
      cli('record', FILE, '--server', FE[0], '--event', 'step1', '--at', '2015-02-30T10:00:00Z'),
      '--at "2015-02-30T10:00:00Z" is not a real moment.',
    );
    expectUsage(
      cli('record', FILE, '--server', FE[0], '--event', 'step1', '--thumbprint', THUMBPRINT),
      '--thumbprint does not go with --event step1.',
    );
    expectUsage(
      cli('record', FILE, '--server', FE[1], '--event', 'remediation', '--path', 'D'),
      '--path "D" is not a remediation path',
    );
    expectUsage(
      cli('record', FILE, '--server', FE[1], '--event', 'item', '--path', 'B', '--item', 'verify'),
      'Path B\'s checklist item "verify" is not one of: start-agent, event-3038.',
    );
    expectUsage(
      cli('script', FILE, '--server', FE[1], '--path', 'D'),
      '--path "D" is not one of: export-import (A), replication (B), rerun-step1 (C), verify, step1, step2, step3, step4.',
    );
    expectUsage(
      cli('script', FILE, '--server', FE[1], '--path', 'A', '--route', 'usb'),
      'The route "usb" is not one of: bytes, file.',
    );
    expectUsage(
      cli('evidence', FILE, '--server', FE[1], '--input', '-', '--time-zone', 'Mars/Olympus_Mons'),
      '--time-zone "Mars/Olympus_Mons" is not an IANA time zone',
    );
    expectUsage(
      cli('evidence', FILE, '--server', FE[1], '--input', 'no-such-paste.txt', '--time-zone', 'UTC'),
      'The evidence file no-such-paste.txt does not exist.',
    );
    expectUsage(cli('export', FILE, '--format', 'pdf'), 'PDF is not made here');
    expectUsage(cli('export', FILE, '--format', 'docx'), 'The format "docx" is not one of: md, html, json.');
    expect(readFileSync(join(dir, FILE)).equals(before)).toBe(true);
  });

  it('stops importing a never-published topology until the CMS pool is chosen, naming the pools', () => {
    expectUsage(
      cli('import-topology', NEVER_PUBLISHED, '--product', 'sfb2015', '--out', 'new.lyncrunbook'),
      'does not say which pool hosts the Central Management Store (the topology was never published). Give it with --cms-pool; choose one of: fepool.contoso.local.',
    );
    expect(existsSync(join(dir, 'new.lyncrunbook'))).toBe(false);
    const chosen = cli(
      'import-topology',
      NEVER_PUBLISHED,
      '--product',
      'sfb2015',
      '--cms-pool',
      'fepool.contoso.local',
      '--out',
      'new.lyncrunbook',
    );
    expect(chosen.code).toBe(0);
    expect(chosen.stdout).toContain('CMS pool fepool.contoso.local (as given).');
    expect(cli('check', 'new.lyncrunbook').code).toBe(0);
    expectUsage(
      cli(
        'import-topology',
        NEVER_PUBLISHED,
        '--product',
        'sfb2015',
        '--cms-pool',
        'fepool.contoso.local',
        '--out',
        'new.lyncrunbook',
      ),
      'new.lyncrunbook already exists; choose another --out, or add --force',
    );
    expectUsage(
      cli('import-topology', NEVER_PUBLISHED, '--product', 'lync2010', '--out', 'x.lyncrunbook'),
      'The product "lync2010" is not one of: lync2013, sfb2015, sfb2019.',
    );
  });
});

describe('lync-runbook new', () => {
  const dir = workFolder();
  const cli = (...args: string[]) => lyncRunbook(dir, args);

  it('creates a deployment from named pools and servers that check then reads', () => {
    const run = cli(
      'new',
      '--name',
      'Lab',
      '--product',
      'sfb2019',
      '--sip-domain',
      'lab.example.com',
      '--pool',
      'pool.lab.example.com:enterprise-front-end',
      '--pool',
      'edgepool.lab.example.com:edge',
      '--server',
      'fe1.lab.example.com:pool.lab.example.com',
      '--server',
      'edge1.lab.example.com:edgepool.lab.example.com',
      '--out',
      'lab.lyncrunbook',
      '--operator',
      'me',
    );
    expectOk(run);
    expect(run.stdout).toBe('Created lab.lyncrunbook: "Lab", 2 pool(s), 2 server(s), CMS pool pool.lab.example.com.\n');
    const check = cli('check', 'lab.lyncrunbook', '--json');
    expect(check.code).toBe(0);
    expect(JSON.parse(check.stdout)).toEqual([
      {
        server: 'fe1.lab.example.com',
        stepsDone: 0,
        status: 'ready',
        reason: 'next: Step 1: Install Local Configuration Store',
        blocked: false,
      },
      {
        server: 'edge1.lab.example.com',
        stepsDone: 0,
        status: 'ready',
        reason: 'next: Step 1: Install Local Configuration Store',
        blocked: false,
      },
    ]);
  });

  it('refuses a deployment that is not valid, listing every problem', () => {
    const run = cli(
      'new',
      '--name',
      'Lab',
      '--product',
      'sfb2019',
      '--sip-domain',
      'lab',
      '--pool',
      'pool.lab.example.com:enterprise-front-end',
      '--server',
      'fe1:pool.lab.example.com',
      '--out',
      'bad.lyncrunbook',
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('The deployment is not valid:\n  - The SIP domain "lab" is a single name');
    expect(run.stderr).toContain('  - Server "fe1" is a single name');
    expect(existsSync(join(dir, 'bad.lyncrunbook'))).toBe(false);
  });
});

describe('lync-runbook, a thumbprint recorded after the assignment', () => {
  const dir = workFolder();
  const cli = (...args: string[]) => lyncRunbook(dir, args);
  const record = (server: string, event: string, at: string, ...more: string[]) =>
    cli('record', FILE, '--server', server, '--event', event, '--at', at, '--operator', 'j.smith', ...more);

  it('adds it once, on the server that assigned the certificate, and keeps the assignment time', () => {
    expect(
      cli(
        'import-topology',
        TOPOLOGY,
        '--product',
        'lync2013',
        '--out',
        FILE,
        '--operator',
        'j.smith',
        '--at',
        '2013-03-13T08:00:00Z',
      ).code,
    ).toBe(0);
    for (const step of ['step1', 'step2']) for (const fe of FE) expectOk(record(fe, step, '2013-03-13T09:00:00Z'));
    expectOk(record(FE[0], 'step3', '2013-03-14T10:00:00Z'));

    const elsewhere = record(FE[1], 'oauth-thumbprint', '2013-03-14T10:30:00Z', '--thumbprint', THUMBPRINT);
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.stderr).toContain(
      'The OAuthTokenIssuer certificate was assigned on fe01.contoso.local, not on fe02.contoso.local; record its thumbprint there.',
    );
    const missing = record(FE[0], 'oauth-thumbprint', '2013-03-14T10:30:00Z');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--thumbprint');

    const run = expectOk(
      record(FE[0], 'oauth-thumbprint', '2013-03-14T10:30:00Z', '--thumbprint', THUMBPRINT.toLowerCase()),
    );
    expect(run.stdout).toContain(`Thumbprint of the OAuthTokenIssuer certificate recorded (${THUMBPRINT})`);
    expect(history(dir).at(-1)).toMatchObject({
      type: 'oauth.thumbprint.recorded',
      server: FE[0],
      thumbprint: THUMBPRINT,
      at: '2013-03-14T10:30:00.000Z',
    });
    const again = record(FE[0], 'oauth-thumbprint', '2013-03-14T10:40:00Z', '--thumbprint', THUMBPRINT);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(
      'is already recorded (0123456789ABCDEF0123456789ABCDEF01234567); it cannot be changed.',
    );

    // The certificate fe03 shows is now proof against it.
    const cert = join(dir, 'cert-fe03.txt');
    writeFileSync(cert, certificateFe03());
    expectOk(
      cli(
        'evidence',
        FILE,
        '--server',
        FE[2],
        '--input',
        cert,
        '--time-zone',
        'UTC',
        '--operator',
        'j.smith',
        '--at',
        '2013-03-14T11:00:00Z',
      ),
    );
    expectOk(record(FE[2], 'step3', '2013-03-14T11:10:00Z'));
    // --at stamps the event, but the real clock still refuses a time in the future (a year typed wrong).
    const future = record(FE[2], 'step4', '2099-03-14T11:20:00Z');
    expect(future.code).toBe(1);
    expect(future.stderr).toContain('The time 2099-03-14T11:20:00.000Z is in the future');
  });
});
