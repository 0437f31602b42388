// One paste for every server (issue 15, item 14): a replication status of the whole deployment,
// pasted once, is judged for each server waiting for evidence that it lists, each verdict recorded
// on its own server. It moves exactly the servers it proves and leaves the others as they were; the
// runbook shows one paste with its per-server verdicts.
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../renderer/core/document/load';
import { serializeDocument, toDocument } from '../../../renderer/core/document/save';
import { evidenceCommands, judgeEvidence, judgeForOthers, type EvidenceContext } from '../../../renderer/core/evidence';
import { serverStatus, type ServerStatus } from '../../../renderer/core/machines/status';
import { buildRunbook, exportRunbook } from '../../../renderer/core/runbook';
import type { DeploymentSession } from '../../../renderer/core/session/session';
import { serversWaitingForEvidence } from '../../../renderer/core/session/waiting';
import { fixture } from '../evidence/evidence-kit';
import { fieldReportSession, must, THUMBPRINT } from '../support/deployments';

const FE = ['fe01.contoso.local', 'fe02.contoso.local', 'fe03.contoso.local'] as const;
const DIR = 'dir01.contoso.local';
const EDGE = 'edge01.perimeter.contoso.com';

/** Get-CsManagementStoreReplicationStatus | Format-Table, as the console prints it, after the assignment at 10:00. */
const FIVE_REPLICAS = fixture('replication-status/whole-deployment-table.txt');

/** The field report with the Director also set up before fe01 assigned the certificate: fe02, fe03 and dir01 wait. */
function fourWaiting(): { session: DeploymentSession; waiting: string[] } {
  const { session, clock } = fieldReportSession();
  clock.set('2013-03-13T09:00:00.000Z');
  for (const s of [...FE, DIR]) must(session, { type: 'step.completed', server: s, step: 1 });
  for (const s of [...FE, DIR]) must(session, { type: 'step.completed', server: s, step: 2 });
  clock.set('2013-03-14T10:00:00.000Z');
  must(session, { type: 'step.completed', server: FE[0], step: 3, thumbprint: THUMBPRINT });
  clock.set('2013-03-14T10:30:00.000Z');
  return { session, waiting: waitingOf(session) };
}

function waitingOf(session: DeploymentSession): string[] {
  return serversWaitingForEvidence(session.snapshot());
}

function statusesOf(session: DeploymentSession): ServerStatus[] {
  return session.deployment()!.servers.map((s) => serverStatus(session.server(s.fqdn)!));
}

function contextFor(session: DeploymentSession, server: string): EvidenceContext {
  return {
    server,
    oauth: session.snapshot().context.oauth,
    locale: 'en-US',
    localeChosen: true,
    timeZone: 'UTC',
    zoneChosen: true,
  };
}

describe('one replication status pasted for every server', () => {
  it('is judged for each waiting server it lists and moves exactly those it proves', () => {
    const { session, waiting } = fourWaiting();
    expect(waiting).toEqual([FE[1], FE[2], DIR]);
    const ctx = contextFor(session, FE[1]);
    const judgement = judgeEvidence(FIVE_REPLICAS, ctx);
    expect(judgement.verdict.accepted).toBe(true);
    const others = judgeForOthers(FIVE_REPLICAS, ctx, judgement, waiting);
    // fe01 (which assigned) and the Edge (which needs no certificate) are listed but wait for nothing.
    expect(others.covered.map((c) => [c.server, c.judgement.verdict.accepted])).toEqual([
      [FE[2], false],
      [DIR, true],
    ]);
    const before = new Map(statusesOf(session).map((s) => [s.fqdn, s]));
    const commands = evidenceCommands(FIVE_REPLICAS, ctx, judgement, others.covered);
    expect(commands.map((c) => [c.type, c.server])).toEqual([
      ['evidence.accepted', FE[1]],
      ['evidence.rejected', FE[2]],
      ['evidence.accepted', DIR],
    ]);
    for (const command of commands) must(session, command);
    const after = new Map(statusesOf(session).map((s) => [s.fqdn, s]));
    // Moved: the two it proves, each by its own evidence.
    for (const s of [FE[1], DIR]) expect(after.get(s)!.gate).toMatchObject({ allowed: true, rule: 'evidence' });
    // Left as they were: the one it does not prove, and the ones that waited for nothing.
    for (const s of [FE[0], FE[2], EDGE]) expect(after.get(s)).toEqual(before.get(s));
    expect(waitingOf(session)).toEqual([FE[2]]);
    // Each verdict carries the paste and the servers it was judged for.
    const recorded = session.history.slice(-3);
    for (const e of recorded)
      expect(e.type === 'evidence.accepted' || e.type === 'evidence.rejected' ? e.input?.judgedFor : null).toEqual([
        FE[1],
        FE[2],
        DIR,
      ]);
  });

  it('opens again as it was recorded, each verdict judged again on its own server', () => {
    const { session, waiting } = fourWaiting();
    const ctx = contextFor(session, FE[1]);
    const judgement = judgeEvidence(FIVE_REPLICAS, ctx);
    const others = judgeForOthers(FIVE_REPLICAS, ctx, judgement, waiting);
    for (const command of evidenceCommands(FIVE_REPLICAS, ctx, judgement, others.covered)) must(session, command);
    const text = serializeDocument(toDocument(session, '2013-03-14T11:00:00.000Z'));
    const opened = parseDocument(text);
    if (!opened.ok) throw new Error(opened.message);
    expect(waitingOf(opened.session)).toEqual([FE[2]]);
    // A verdict moved to a server the paste was not judged for is refused on open.
    const doc = JSON.parse(text) as { history: Record<string, unknown>[] };
    const last = doc.history.at(-1)!;
    doc.history[doc.history.length - 1] = { ...last, server: FE[0] };
    const moved = parseDocument(JSON.stringify(doc));
    expect(moved.ok).toBe(false);
    expect(!moved.ok && moved.message).toContain('judgedFor');
  });

  it('shows in the runbook as one paste with its verdict for each server', () => {
    const { session, waiting } = fourWaiting();
    const ctx = contextFor(session, FE[1]);
    const judgement = judgeEvidence(FIVE_REPLICAS, ctx);
    const others = judgeForOthers(FIVE_REPLICAS, ctx, judgement, waiting);
    for (const command of evidenceCommands(FIVE_REPLICAS, ctx, judgement, others.covered)) must(session, command);
    const runbook = buildRunbook(session, { exportedAt: '2013-03-14T11:00:00.000Z' });
    expect(runbook.evidence).toHaveLength(1);
    expect(runbook.evidence[0]!.verdicts.map((v) => [v.server, v.verdict])).toEqual([
      [FE[1], 'accepted'],
      [FE[2], 'rejected'],
      [DIR, 'accepted'],
    ]);
    const md = exportRunbook(session, 'md', '2013-03-14T11:00:00.000Z');
    expect(md).toContain('judged for 3 servers');
    // The paste once, not once per server.
    expect(md.split('Get-CsManagementStoreReplicationStatus | Format-Table -AutoSize').length - 1).toBe(1);
    const html = exportRunbook(session, 'html', '2013-03-14T11:00:00.000Z');
    expect(html).toContain('judged for 3 servers');
  });

  it('a paste about one server covers no other', () => {
    const { session, waiting } = fourWaiting();
    const ctx = contextFor(session, FE[1]);
    const one = FIVE_REPLICAS.split('\n')
      .filter((l) => !/fe01|fe03|dir01|edge01/.test(l))
      .join('\n');
    const judgement = judgeEvidence(one, ctx);
    expect(judgeForOthers(one, ctx, judgement, waiting)).toEqual({ covered: [], note: null });
    expect(evidenceCommands(one, ctx, judgement, [])[0]!).not.toHaveProperty('input.judgedFor');
  });
});
