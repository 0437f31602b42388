import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { workFolder, type Run } from './support/cli';
import {
  expectOk,
  FE,
  FILE,
  NEVER_PUBLISHED,
  THUMBPRINT,
  TOPOLOGY,
  cliIn,
  importTopologyIn,
} from './support/field-report';

// The built `lync-runbook`: the mistakes an admin makes at it, each refused with what to do.

describe('lync-runbook, bad input', () => {
  const dir = workFolder();
  const cli = cliIn(dir);
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
    const cases: [string[], string][] = [
      [
        ['record', FILE, '--server', FE[0], '--event', 'step5'],
        'The event "step5" is not one of: step1, step2, step3, step4, pool-start, oauth-assigned, oauth-thumbprint, remediation, item, override, withdraw-override.',
      ],
      [
        ['record', FILE, '--server', FE[0], '--event', 'step3', '--thumbprint', 'XYZ'],
        'This step.completed is not valid: thumbprint must be 40 upper-case hexadecimal digits.',
      ],
      [
        ['record', FILE, '--server', FE[0], '--event', 'step1', '--at', '2015-06-01 10:00'],
        '--at "2015-06-01 10:00" is not an ISO 8601 time with a zone',
      ],
      [
        ['record', FILE, '--server', FE[0], '--event', 'step1', '--at', '2015-02-30T10:00:00Z'],
        '--at "2015-02-30T10:00:00Z" is not a real moment.',
      ],
      [
        ['record', FILE, '--server', FE[0], '--event', 'step1', '--thumbprint', THUMBPRINT],
        '--thumbprint does not go with --event step1.',
      ],
      [
        ['record', FILE, '--server', FE[0], '--event', 'step1', '--via', 'sccm'],
        'How Step 1 was run (--via) "sccm" is not one of: wizard, powershell.',
      ],
      [
        ['record', FILE, '--server', FE[0], '--event', 'step2', '--via', 'wizard'],
        '--via does not go with --event step2.',
      ],
      [
        ['record', FILE, '--server', FE[1], '--event', 'remediation', '--path', 'D'],
        '--path "D" is not a remediation path',
      ],
      [
        ['record', FILE, '--server', FE[1], '--event', 'item', '--path', 'B', '--item', 'verify'],
        'Path B\'s checklist item "verify" is not one of: replication-services, start-agent, event-3038.',
      ],
      [
        ['script', FILE, '--server', FE[1], '--path', 'D'],
        '--path "D" is not one of: export-import (A), replication (B), rerun-step1 (C), verify, step1, step2, step3, step4.',
      ],
      [
        ['script', FILE, '--server', FE[1], '--path', 'A', '--route', 'usb'],
        'The route "usb" is not one of: bytes, file.',
      ],
      [
        ['evidence', FILE, '--server', FE[1], '--input', '-', '--time-zone', 'Mars/Olympus_Mons'],
        '--time-zone "Mars/Olympus_Mons" is not an IANA time zone',
      ],
      [
        ['evidence', FILE, '--server', FE[1], '--input', 'no-such-paste.txt', '--time-zone', 'UTC'],
        'The evidence file no-such-paste.txt does not exist.',
      ],
      [['export', FILE, '--format', 'pdf'], 'PDF is not made here'],
      [['export', FILE, '--format', 'docx'], 'The format "docx" is not one of: md, html, json.'],
    ];
    for (const [args, message] of cases) expectUsage(cli(...args), message);
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

describe('lync-runbook export, no output over an input', () => {
  const dir = workFolder();
  const cli = cliIn(dir);

  it('refuses --out naming the deployment file or another deployment, and leaves both byte-identical', () => {
    importTopologyIn(cli);
    importTopologyIn(cli, 'other.lyncrunbook');
    const before = readFileSync(join(dir, FILE));
    const otherBefore = readFileSync(join(dir, 'other.lyncrunbook'));
    for (const format of ['md', 'html', 'json']) {
      for (const out of [FILE, `./${FILE}`]) {
        const run = cli('export', FILE, '--format', format, '--out', out);
        expect(run.code).toBe(2);
        expect(run.stderr).toContain('is the deployment file itself');
      }
    }
    expect(cli('export', FILE, '--format', 'md', '--out', 'other.lyncrunbook').stderr).toContain(
      'other.lyncrunbook is a lync-runbook deployment, and the Markdown runbook would replace it.',
    );
    expect(cli('export', FILE, '--format', 'json', '--out', 'other.lyncrunbook').stderr).toContain('add --force');
    expect(readFileSync(join(dir, FILE)).equals(before)).toBe(true);
    expect(readFileSync(join(dir, 'other.lyncrunbook')).equals(otherBefore)).toBe(true);
    expect(existsSync(join(dir, `${FILE}.bak`))).toBe(false);
    // Asked for, the JSON export may replace another deployment (kept as .bak).
    expect(cli('export', FILE, '--format', 'json', '--out', 'other.lyncrunbook', '--force').code).toBe(0);
    expect(readFileSync(join(dir, 'other.lyncrunbook.bak')).equals(otherBefore)).toBe(true);
  });
});

describe('lync-runbook, files that are not text to read', () => {
  const dir = workFolder();
  const cli = cliIn(dir);

  it('refuses a pipe, a device, damaged UTF-8 and Windows-1252 with what to do, and never rewrites them', () => {
    importTopologyIn(cli);
    // A named pipe would block a reader for ever; a device would never end.
    const fifo = join(dir, 'pipe.lyncrunbook');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const piped = cli('check', fifo);
    expect(piped.code).toBe(2);
    expect(piped.stderr).toContain('is not a regular file (a device, a pipe or a socket)');
    const device = cli('check', '/dev/zero');
    expect(device.code).toBe(2);
    expect(device.stderr).toContain('is not a regular file');
    // The deployment with one byte damaged, and an evidence file saved as Windows-1252.
    const good = readFileSync(join(dir, FILE));
    const damaged = Buffer.from(good);
    damaged[damaged.indexOf('Headquarters')] = 0xff;
    writeFileSync(join(dir, 'damaged.lyncrunbook'), damaged);
    const opened = cli('record', 'damaged.lyncrunbook', '--server', FE[0], '--event', 'step1');
    expect(opened.code).toBe(2);
    expect(opened.stderr).toContain('damaged.lyncrunbook is not UTF-8 text');
    expect(readFileSync(join(dir, 'damaged.lyncrunbook')).equals(damaged)).toBe(true);
    writeFileSync(join(dir, 'paste-1252.txt'), Buffer.from('Thumbprint : caf\xe9', 'latin1'));
    const paste = cli('evidence', FILE, '--server', FE[1], '--input', 'paste-1252.txt', '--time-zone', 'UTC');
    expect(paste.code).toBe(2);
    expect(paste.stderr).toContain('Windows-1252');
  });
});
