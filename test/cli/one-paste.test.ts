// One paste for every server, from the command line (issue 15, item 14): a replication status of
// the whole deployment, given for one server, is judged and recorded for every other server waiting
// for evidence that it lists, each on its own server, and the command says which moved.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workFolder } from './support/cli';
import {
  cliIn,
  FE,
  FILE,
  FIXTURES,
  history,
  importTopologyIn,
  recorderIn,
  recordUpToAssignment,
  THUMBPRINT,
} from './support/field-report';

const TABLE = join(FIXTURES, 'evidence/fixtures/replication-status/whole-deployment-table.txt');

describe('lync-runbook evidence with a replication status of the whole deployment', () => {
  it('records a verdict on each waiting server it lists, and says which it moved', () => {
    const dir = workFolder();
    const cli = cliIn(dir);
    importTopologyIn(cli);
    const record = recorderIn(cli);
    recordUpToAssignment(record, THUMBPRINT);
    const run = cli(
      'evidence',
      FILE,
      '--server',
      FE[1],
      '--input',
      TABLE,
      '--locale',
      'en-US',
      '--time-zone',
      'UTC',
      '--at',
      '2013-03-14T10:30:00Z',
      '--operator',
      'j.smith',
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Accepted: recorded as evidence for fe02.contoso.local.');
    expect(run.stdout).toContain(
      "Also listed, waiting for evidence: fe03.contoso.local: rejected (recorded): The CMS master's record says fe03.contoso.local is UpToDate False",
    );
    const [fe02, fe03] = history(dir).slice(-2);
    expect(fe02).toMatchObject({ type: 'evidence.accepted', server: FE[1], input: { judgedFor: [FE[1], FE[2]] } });
    expect(fe03).toMatchObject({ type: 'evidence.rejected', server: FE[2], input: { judgedFor: [FE[1], FE[2]] } });
    // Moved: fe02 only.
    expect(record(FE[1], 'step3', '2013-03-14T10:40:00Z').code).toBe(0);
    expect(record(FE[2], 'step3', '2013-03-14T10:40:00Z').code).toBe(1);
  });
});
