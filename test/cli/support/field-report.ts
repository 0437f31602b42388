import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { DomainEvent } from '../../../renderer/core/events/schema';
import { lyncRunbook, ROOT, type Run } from './cli';

// What the command line's tests share: the inputs of the field report, and how to read the results.
export const FIXTURES = join(ROOT, 'test/core');
export const TOPOLOGY = join(FIXTURES, 'topology/fixtures/published-enterprise.xml');
export const NEVER_PUBLISHED = join(FIXTURES, 'topology/fixtures/never-published.tbxml');
export const FIELD_REPORT_OUTPUT = join(FIXTURES, 'evidence/fixtures/replication-status/single-from-field-report.txt');
export const THUMBPRINT = '0123456789ABCDEF0123456789ABCDEF01234567';
export const FE = ['fe01.contoso.local', 'fe02.contoso.local', 'fe03.contoso.local'] as const;
export const FILE = 'contoso.lyncrunbook';

/** The verification script's one line of output from fe02, after replication (times in UTC). */
export const VERIFIED_FE02 = `PS C:\\Users\\admin> & C:\\Temp\\verify-fe02.ps1
{"schema":"lync-runbook.verify","schemaVersion":1,"expected":"fe02.contoso.local","server":"fe02.contoso.local","time":"2013-03-14T11:20:00.0000000Z","replication":{"upToDate":true,"lastUpdateCreation":"2013-03-14T11:12:00.0000000Z","lastStatusReport":"2013-03-14T11:15:31.0000000Z"},"oauthThumbprints":["${THUMBPRINT}"],"replicaService":"Running","event3038":"2013-03-14T11:12:00.0000000Z"}
`;

/**
 * Get-CsCertificate on fe03 after the import, run through Invoke-Command (its PSComputerName names the
 * machine), as a Windows PowerShell redirect writes it (UTF-16LE).
 */
export function certificateFe03(): Buffer {
  const text = `\r\nIssuer         : CN=contoso-DC01-CA, DC=contoso, DC=local\r\nNotAfter       : 3/14/2015 9:00:00 AM\r\nSubject        : CN=contoso.com\r\nThumbprint     : ${THUMBPRINT}\r\nUse            : OAuthTokenIssuer\r\nPSComputerName : fe03.contoso.local\r\n`;
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

/** The history of a deployment file. */
export function history(folder: string, file = FILE): DomainEvent[] {
  return (JSON.parse(readFileSync(join(folder, file), 'utf8')) as { history: DomainEvent[] }).history;
}

/** The run succeeded quietly. */
export function expectOk(run: Run): Run {
  expect(run.stderr, run.stdout).toBe('');
  expect(run.code).toBe(0);
  return run;
}

/** Runs the command line in a folder. */
export function cliIn(dir: string): (...args: string[]) => Run {
  return (...args: string[]) => lyncRunbook(dir, args);
}

/** Records one event as j.smith at a given time. */
export function recorderIn(cli: (...args: string[]) => Run) {
  return (server: string, event: string, at: string, ...more: string[]) =>
    cli('record', FILE, '--server', server, '--event', event, '--at', at, '--operator', 'j.smith', ...more);
}

/** The published topology imported into `out` (13 Mar 2013, 08:00 UTC); fails the test if it is not. */
export function importTopologyIn(cli: (...args: string[]) => Run, out = FILE): void {
  const run = cli('import-topology', TOPOLOGY, '--product', 'lync2013', '--out', out, '--at', '2013-03-13T08:00:00Z');
  expect(run.code, run.stderr).toBe(0);
}

/** The field report up to the assignment: Steps 1 and 2 on every Front End, then Step 3 on fe01 with `thumbprint`. */
export function recordUpToAssignment(record: ReturnType<typeof recorderIn>, thumbprint: string): void {
  for (const step of ['step1', 'step2']) for (const fe of FE) expectOk(record(fe, step, '2013-03-13T09:00:00Z'));
  expectOk(record(FE[0], 'step3', '2013-03-14T10:00:00Z', '--thumbprint', thumbprint));
}
