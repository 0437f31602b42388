// The contradictions the change-advisory board found, through the command line (issue 14, item 2):
// each refused with both times named, and nothing recorded that the deployment does not take.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lyncRunbook, workFolder } from './support/cli';
import {
  cliIn,
  expectOk,
  FE,
  FILE,
  history,
  importTopologyIn,
  recorderIn,
  recordUpToAssignment,
  THUMBPRINT,
} from './support/field-report';

function assigned() {
  const dir = workFolder();
  const cli = cliIn(dir);
  importTopologyIn(cli);
  const record = recorderIn(cli);
  recordUpToAssignment(record, THUMBPRINT);
  return { dir, cli, record };
}

describe('overrides with substance, from the command line', () => {
  it('asks what was checked and the change; an override not yet used is withdrawn with a reason', () => {
    const { dir, record } = assigned();
    const bare = record(FE[1], 'override', '2013-03-14T11:00:00Z', '--reason', 'ok');
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('--change');
    const ok = record(FE[1], 'override', '2013-03-14T11:00:00Z', '--reason', 'ok', '--change', 'CHG-9999');
    expect(ok.code).toBe(1);
    expect(ok.stderr).toContain('Say what was checked, in at least 20 characters');
    expectOk(
      record(
        FE[1],
        'override',
        '2013-03-14T11:00:00Z',
        '--reason',
        'Checked the local store by hand',
        '--change',
        'CHG-9999',
      ),
    );
    expectOk(
      record(FE[1], 'withdraw-override', '2013-03-14T11:10:00Z', '--reason', 'The check was on the wrong server'),
    );
    expect(
      history(dir)
        .slice(-2)
        .map((e) => e.type),
    ).toEqual(['override.recorded', 'override.withdrawn']);
    const blocked = record(FE[1], 'step3', '2013-03-14T11:20:00Z');
    expect(blocked.code).toBe(1);
    expect(blocked.stderr).toMatch(/stale local replica/i);
  });
});

describe('gates hold in time, from the command line', () => {
  it('a Step 3 dated before the override that opened its gate is refused (exit 1), both times named', () => {
    const { dir, record } = assigned();
    expectOk(
      record(
        FE[1],
        'override',
        '2013-03-14T11:00:00Z',
        '--reason',
        'Checked the local store by hand',
        '--change',
        'CHG-1234',
      ),
    );
    const before = history(dir).length;
    const run = record(FE[1], 'step3', '2013-03-14T10:30:00Z');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'is dated 2013-03-14T10:30:00Z, before its gate was open: the override was recorded at 2013-03-14T11:00:00Z. Enter the time Step 3 was really run, after that.',
    );
    expect(history(dir)).toHaveLength(before);
    expectOk(record(FE[1], 'step3', '2013-03-14T11:05:00Z'));
  });

  it('a Step 1 re-run dated before the assignment is recorded but does not complete path C, and says so', () => {
    const { dir, cli, record } = assigned();
    expectOk(record(FE[1], 'remediation', '2013-03-14T10:30:00Z', '--path', 'C'));
    const rerun = expectOk(record(FE[1], 'step1', '2013-03-14T09:55:00Z', '--via', 'wizard'));
    expect(rerun.stdout).toContain(
      'Dated before the OAuthTokenIssuer certificate was assigned on fe01.contoso.local (2013-03-14T10:00:00Z)',
    );
    expect(history(dir).at(-1)).toMatchObject({ type: 'step.completed', server: FE[1], step: 1 });
    // Still blocked: the copy it took predates the assignment.
    const check = cli('check', FILE);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/fe02\.contoso\.local +step 2\/4 {2}(blocked|remediation)/);
    const md = expectOk(cli('export', FILE, '--format', 'md', '--at', '2099-01-01T00:00:00Z')).stdout;
    const remediation = md.split('\n').find((l) => l.startsWith('- **Remediation:** path C'));
    expect(remediation).toContain('; done: ');
    expect(remediation!.split('; done: ')[1]).not.toContain('Run Step 1 again on this server');
  });

  it('evidence showing a time after it was recorded is kept as a rejection with what to check (exit 1)', () => {
    const { dir } = assigned();
    const future = `PS C:\\Users\\admin> & C:\\Temp\\verify-fe02.ps1
{"schema":"lync-runbook.verify","schemaVersion":1,"expected":"fe02.contoso.local","server":"fe02.contoso.local","time":"2099-12-24T10:38:47.0000000Z","replication":{"upToDate":true,"lastUpdateCreation":"2099-12-24T10:38:47.0000000Z","lastStatusReport":"2099-12-24T10:38:47.0000000Z"},"oauthThumbprints":["${THUMBPRINT}"],"replicaService":"Running","event3038":null}
`;
    const run = lyncRunbook(dir, ['evidence', FILE, '--server', FE[1], '--input', '-', '--time-zone', 'UTC'], future);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /Rejected \(recorded\): The evidence for fe02\.contoso\.local shows 2099-12-24T10:38:47Z, later than it was recorded \(\d{4}-.*\): no output shows the future\. Check the console's locale/,
    );
    expect(history(dir).at(-1)).toMatchObject({ type: 'evidence.rejected', server: FE[1] });
  });
});

describe('the change record and its sign-off, from the command line', () => {
  it('records the change, signs it off, shows both in the runbook, and refuses a file edited after the sign-off', () => {
    const { dir, cli } = assigned();
    const early = cli('change', FILE, '--sign-off', '--by', 'm.jones', '--as', 'approver');
    expect(early.code).toBe(1);
    expect(early.stderr).toContain('Record the change first');
    expectOk(
      cli(
        'change',
        FILE,
        '--id',
        'CHG-0314',
        '--window-start',
        '2013-03-13T08:00:00Z',
        '--window-end',
        '2013-03-14T18:00:00Z',
        '--implementers',
        'j.smith, k.lee',
        '--approver',
        'm.jones',
        '--rollback',
        'Remove the new pool from the topology and publish it again.',
      ),
    );
    const signed = expectOk(cli('change', FILE, '--sign-off', '--by', 'm.jones', '--as', 'approver'));
    expect(signed.stdout).toMatch(/Signed off by m\.jones \(approver\)[\s\S]*chain head \(SHA-256\) [0-9a-f]{64}\./);
    const md = expectOk(cli('export', FILE, '--format', 'md')).stdout;
    expect(md).toContain('- **Change:** CHG-0314');
    expect(md).toContain('- **Approver:** m.jones');
    expect(md).toMatch(/- \*\*Signed off:\*\* m\.jones \(approver\) at .*: signs \d+ entries \(the whole history\)/);
    expect(md).toMatch(/- \*\*Chain head:\*\* `[0-9a-f]{64}`/);
    // An operator's name changed in an entry before the sign-off: the file no longer opens.
    const path = join(dir, FILE);
    const doc = JSON.parse(readFileSync(path, 'utf8')) as { history: { operator: string }[] };
    doc.history[1]!.operator = 'mallory';
    writeFileSync(path, JSON.stringify(doc, null, 1));
    const check = cli('check', FILE);
    expect(check.code).toBe(2);
    expect(check.stderr).toMatch(/\(change\.signed\): The history it signed has changed since it was signed/);
  });
});

describe('a file changed after it was recorded, from the command line', () => {
  it('every command says which event changed; check exits 1, record refuses, export carries the warning', () => {
    const { dir, cli, record } = assigned();
    expectOk(
      record(
        FE[1],
        'override',
        '2013-03-14T11:00:00Z',
        '--reason',
        'ok, trust me, it is fine now',
        '--change',
        'CHG-1',
      ),
    );
    const path = join(dir, FILE);
    const doc = JSON.parse(readFileSync(path, 'utf8')) as { history: { type: string; reason?: string }[] };
    const index = doc.history.findIndex((e) => e.type === 'override.recorded');
    doc.history[index]!.reason = 'Approved by CAB, CHG-9999, checked on the server.';
    writeFileSync(path, JSON.stringify(doc, null, 1));
    const named = `event ${index + 1} (override.recorded on ${FE[1]}, dated 2013-03-14T11:00:00Z) does not match the hash recorded with it`;

    const check = cli('check', FILE);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain(`Warning: ${FILE}: This file was changed after it was recorded: open read-only.`);
    expect(check.stderr).toContain(`E${named.slice(1)}`);

    const before = readFileSync(path, 'utf8');
    const step = record(FE[1], 'step3', '2013-03-14T11:05:00Z');
    expect(step.code).toBe(1);
    expect(step.stderr).toContain(`This deployment is open read-only: ${named}`);
    expect(readFileSync(path, 'utf8')).toBe(before);

    const md = cli('export', FILE, '--format', 'md', '--at', '2099-01-01T00:00:00Z');
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('> **This file was changed after it was recorded: open read-only.** Event');
    expect(md.stdout).toMatch(/- \*\*Chain head:\*\* `[0-9a-f]{64}`/);
  });
});
