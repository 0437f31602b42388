import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workFolder } from './support/cli';
import {
  certificateFe03,
  expectOk,
  FE,
  FILE,
  history,
  THUMBPRINT,
  TOPOLOGY,
  cliIn,
  recorderIn,
  importTopologyIn,
  recordUpToAssignment,
} from './support/field-report';

// The built `lync-runbook`: a deployment named on the command line, and a thumbprint added after the assignment.

describe('lync-runbook new', () => {
  const dir = workFolder();
  const cli = cliIn(dir);

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
  const cli = cliIn(dir);
  const record = recorderIn(cli);

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
    expect(future.stderr).toContain('The time 2099-03-14T11:20:00Z is in the future');
  });
});

describe('lync-runbook, path C: how Step 1 was run again', () => {
  const dir = workFolder();
  const cli = cliIn(dir);
  const record = recorderIn(cli);

  it('records the PowerShell equivalent or the wizard, and the runbook says which', () => {
    importTopologyIn(cli);
    // Copied from the Windows certificate dialog: pairs with spaces, after an invisible left-to-right mark.
    recordUpToAssignment(record, `\u200e${THUMBPRINT.toLowerCase().match(/../g)!.join(' ')}`);
    expect(history(dir).at(-1)).toMatchObject({ step: 3, thumbprint: THUMBPRINT });
    expectOk(record(FE[1], 'remediation', '2013-03-14T10:05:00Z', '--path', 'C'));
    expectOk(record(FE[1], 'item', '2013-03-14T10:06:00Z', '--path', 'C', '--item', 'cms-holds-assignment'));
    const run = expectOk(record(FE[1], 'step1', '2013-03-14T10:20:00Z', '--via', 'powershell'));
    expect(run.stdout).toContain("Run with the app's PowerShell equivalent");
    expect(history(dir).at(-1)).toMatchObject({ type: 'step.completed', server: FE[1], step: 1, via: 'powershell' });
    expectOk(record(FE[2], 'step1', '2013-03-14T10:25:00Z', '--via', 'wizard'));
    expect(history(dir).at(-1)).toMatchObject({ server: FE[2], step: 1, via: 'wizard' });
  });
});

describe('lync-runbook record --output', () => {
  const dir = workFolder();
  const cli = cliIn(dir);
  const record = recorderIn(cli);

  it("takes the CMS status output for path B's replication-services item only", () => {
    importTopologyIn(cli);
    recordUpToAssignment(record, THUMBPRINT);
    expectOk(record(FE[1], 'remediation', '2013-03-14T10:30:00Z', '--path', 'A'));
    const wrong = record(
      FE[1],
      'item',
      '2013-03-14T10:31:00Z',
      '--path',
      'A',
      '--item',
      'export',
      '--output',
      'missing.txt',
    );
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('missing.txt');
    writeFileSync(
      join(dir, 'cms.txt'),
      'ActiveMasterFqdn : fe01.contoso.local\nActiveFileTransferAgents : {fe01.contoso.local}\n',
    );
    const refused = record(
      FE[1],
      'item',
      '2013-03-14T10:31:00Z',
      '--path',
      'A',
      '--item',
      'export',
      '--output',
      'cms.txt',
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('"export" takes none');
  });
});
