import { describe, expect, it } from 'vitest';
import { buildRunbook } from '../../../renderer/core/runbook';
import { DeploymentSession } from '../../../renderer/core/session/session';
import { ManualClock, must, staleAfterAssignment, THUMBPRINT } from '../support/deployments';
import { EXPORTED_AT, fieldReportRunbook, fieldReportRunbookSession } from './field-report-runbook';
import { verifiedEvidence } from '../support/evidence';

const FE = ['fe01.contoso.local', 'fe02.contoso.local', 'fe03.contoso.local'] as const;

describe('the runbook header', () => {
  it('names the deployment, its operators, its times and what is still to do', () => {
    const { header } = buildRunbook(fieldReportRunbookSession(), { exportedAt: EXPORTED_AT });
    expect(header).toMatchObject({
      name: 'Contoso HQ',
      productName: 'Lync Server 2013',
      sipDomain: 'contoso.com',
      cmsPool: 'fepool.contoso.local',
      operators: ['j.smith', 'k.lee', 'm.jones'],
      // The first Step 1, not the creation of the deployment at 08:00: Started is the work's.
      startedAt: '2013-03-13T09:00:00.000Z',
      lastEventAt: '2013-03-14T13:00:00.000Z',
      finishedAt: null,
      complete: false,
      statusText: 'In progress: 3 of 5 servers done; still to do: dir01.contoso.local, edge01.perimeter.contoso.com.',
      oauth: {
        server: 'fe01.contoso.local',
        thumbprint: THUMBPRINT,
        at: '2013-03-14T10:00:00.000Z',
        operator: 'j.smith',
      },
      timeZone: 'UTC',
      exportedAt: EXPORTED_AT,
      eventCount: 34,
      change: { id: 'CHG-0314', approver: 'm.jones', implementers: ['j.smith', 'k.lee'] },
      signOffs: [{ by: 'm.jones', as: 'approver', events: 33, whole: true }],
    });
  });

  it('says complete, with the time the last server started its services, once every server runs', () => {
    const { session, clock } = fieldReportRunbook();
    clock.set('2013-03-14T15:00:00.000Z');
    must(session, { type: 'step.completed', server: 'dir01.contoso.local', step: 4, at: '2013-03-14T13:00:00.000Z' });
    for (const step of [1, 2, 3, 4] as const)
      must(session, {
        type: 'step.completed',
        server: 'edge01.perimeter.contoso.com',
        step,
        at: '2013-03-14T14:00:00.000Z',
      });
    const runbook = buildRunbook(session);
    expect(runbook.header).toMatchObject({
      complete: true,
      finishedAt: '2013-03-14T14:00:00.000Z',
      statusText: 'Complete: all 5 servers run their services.',
      exportedAt: null,
    });
    expect(runbook.open).toEqual([]);
  });

  it('refuses a session whose deployment was never created', () => {
    expect(() => buildRunbook(DeploymentSession.empty({ clock: new ManualClock(), operator: 'x' }))).toThrow(
      /not been created/,
    );
  });
});

describe('what is still open', () => {
  it('names the blocked servers with the times that prove them stale, and what to do', () => {
    const { session } = staleAfterAssignment();
    const runbook = buildRunbook(session);
    expect(runbook.header.statusText).toBe(
      'In progress: 0 of 5 servers done; blocked: fe02.contoso.local, fe03.contoso.local; still to do: fe01.contoso.local, dir01.contoso.local, edge01.perimeter.contoso.com.',
    );
    const fe02 = runbook.open.find((o) => o.server === FE[1])!;
    expect(fe02).toMatchObject({
      phase: 'blocked',
      next: 'Choose a remediation path (A, B or C), or override the gate with a written reason',
      remediation: null,
      waitingFor: null,
    });
    expect(fe02.blocked).toContain('Blocked: stale local replica.');
    expect(fe02.blocked).toContain('was copied at 2013-03-13T09:00:00Z');
    expect(fe02.blocked).toContain('at 2013-03-14T10:00:00Z');
    expect(runbook.open.find((o) => o.server === FE[0])).toMatchObject({
      phase: 'awaiting-step4',
      next: expect.stringContaining('Step 4: Start Services is the first start of the pool'),
      blocked: null,
    });
  });

  it('says what path B waits for while no Front End of the CMS pool runs', () => {
    const { session } = staleAfterAssignment();
    must(session, { type: 'remediation.chosen', server: FE[1], path: 'B' });
    const open = buildRunbook(session).open.find((o) => o.server === FE[1])!;
    expect(open.next).toBe('Path B: wait until the CMS pool has started');
    expect(open.remediation).toBe('Path B: Let replication bring it');
    expect(open.waitingFor).toContain('replication cannot reach it first — use path A or C');
    // fe01's Step 4 is the pool's first start, which waits for fe02 and fe03.
    expect(buildRunbook(session).open.find((o) => o.server === FE[0])!.next).toContain(
      'Step 4: Start Services is the first start of the pool: fepool.contoso.local is an Enterprise Edition Front End pool: 3 of its 3 Front Ends',
    );
  });
});

describe('server summaries', () => {
  it('keep each path taken with the items done while it was chosen', () => {
    const { session, clock } = staleAfterAssignment();
    clock.set('2013-03-14T10:40:00.000Z');
    must(session, { type: 'remediation.chosen', server: FE[1], path: 'A' });
    must(session, { type: 'remediation.item.completed', server: FE[1], path: 'A', item: 'export' });
    must(session, { type: 'remediation.chosen', server: FE[1], path: 'C' });
    must(session, { type: 'remediation.item.completed', server: FE[1], path: 'C', item: 'cms-holds-assignment' });
    clock.set('2013-03-14T11:00:00.000Z');
    must(session, { type: 'step.completed', server: FE[1], step: 1 });
    const fe02 = buildRunbook(session).servers.find((s) => s.fqdn === FE[1])!;
    expect(fe02.remediations.map((r) => [r.path, r.switchedFrom, r.items.map((i) => i.item)])).toEqual([
      ['A', null, ['export']],
      ['C', 'A', ['cms-holds-assignment', 'rerun-step1']],
    ]);
    expect(fe02.steps[0]).toMatchObject({ runs: 2, at: '2013-03-14T11:00:00.000Z' });
    expect(fe02.phase).toBe('ready-for-step3');
    expect(fe02.gate).toMatchObject({ allowed: true, rule: 'replica-current' });
  });

  it('flag a Step 3 that went ahead on an override, and not an override that evidence made moot', () => {
    const { session } = staleAfterAssignment();
    must(session, {
      type: 'override.recorded',
      change: 'CHG-0001',
      server: FE[1],
      reason: 'Imported the configuration by hand.',
    });
    must(session, { type: 'step.completed', server: FE[1], step: 3 });
    must(session, {
      type: 'override.recorded',
      change: 'CHG-0001',
      server: FE[2],
      reason: 'Will check it later, by hand.',
    });
    must(session, verifiedEvidence(session, FE[2], { thumbprints: [THUMBPRINT] }));
    must(session, { type: 'step.completed', server: FE[2], step: 3 });
    const runbook = buildRunbook(session);
    expect(runbook.servers.filter((s) => s.overridden).map((s) => s.fqdn)).toEqual([FE[1]]);
    expect(runbook.overrides.map((o) => [o.server, o.usedForStep3])).toEqual([
      [FE[1], true],
      [FE[2], false],
    ]);
  });

  it('list a script copied twice once, with both copies', () => {
    const { session } = staleAfterAssignment();
    const copy = {
      type: 'script.copied' as const,
      server: FE[1],
      scriptId: 'verify',
      title: 'Verification',
      text: "Write-Output 'x'\n",
    };
    must(session, copy);
    must(session, { ...copy, operator: 'a.admin' });
    must(session, { ...copy, server: FE[2] });
    const scripts = buildRunbook(session).scripts;
    expect(scripts.map((s) => [s.server, s.copies.map((c) => c.operator)])).toEqual([
      [FE[1], ['j.smith', 'a.admin']],
      [FE[2], ['j.smith']],
    ]);
  });
});
