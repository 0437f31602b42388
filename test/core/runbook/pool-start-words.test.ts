// The runbook says, per pool, when and how it was started (issue: the pool, not the server).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../renderer/core/document/load';
import { buildRunbook } from '../../../renderer/core/runbook/build';
import { must, staleAfterAssignment, THUMBPRINT } from '../support/deployments';
import { verifiedEvidence } from '../support/evidence';

const FE = ['fe01.contoso.local', 'fe02.contoso.local', 'fe03.contoso.local'] as const;
const startOf = (runbook: ReturnType<typeof buildRunbook>, pool: string) =>
  runbook.topology.pools.find((p) => p.fqdn === pool)?.start;

describe('the runbook on pool starts', () => {
  it('says what an Enterprise pool that has not started waits for, and that other pools start per server', () => {
    const { session } = staleAfterAssignment('lync2013');
    const runbook = buildRunbook(session);
    expect(startOf(runbook, 'fepool.contoso.local')).toBe(
      "Not started yet: 1 of 3 members have Step 3 done; 3 of its 3 Front Ends must be running together for its first start (Microsoft's first-start table).",
    );
    expect(startOf(runbook, 'dir01.contoso.local')).toBe('Each server starts its own services (Step 4).');
  });

  it('says when a pool started, by whom, and which members it started together', () => {
    const { session, clock } = staleAfterAssignment('sfb2015');
    for (const fe of [FE[1], FE[2]]) {
      must(session, verifiedEvidence(session, fe, { thumbprints: [THUMBPRINT] }));
      must(session, { type: 'step.completed', server: fe, step: 3 });
    }
    clock.set('2013-03-14T12:10:00.000Z');
    must(session, { type: 'pool.started', pool: 'fepool.contoso.local', servers: [...FE] });
    expect(startOf(buildRunbook(session), 'fepool.contoso.local')).toBe(
      'First started 2013-03-14T12:10:00Z by j.smith: fe01.contoso.local, fe02.contoso.local and fe03.contoso.local started together.',
    );
  });

  it('says when a start was recorded as one server’s Step 4 by a version that knew no pool starts', () => {
    const text = readFileSync(new URL('../document/fixtures/v2-field-report.lyncrunbook', import.meta.url), 'utf8');
    const opened = parseDocument(text);
    if (!opened.ok) throw new Error(opened.message);
    expect(startOf(buildRunbook(opened.session), 'fepool.contoso.local')).toMatch(
      /^First started .* by .*: recorded as Step 4 on fe01\.contoso\.local alone, by a version of lync-runbook that did not know pool starts\.$/,
    );
  });
});
