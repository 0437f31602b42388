// The replication column (issue 15, item 13): each server's latest replication state, from every
// recorded paste that shows it, wherever the paste was recorded (the CMS reports every replica).
import { describe, expect, it } from 'vitest';
import {
  evidenceCommands,
  foldReplicationView,
  judgeEvidence,
  judgeForOthers,
  replicationStatesOf,
  replicationView,
  type EvidenceContext,
} from '../../../renderer/core/evidence';
import type { DomainEvent, EvidenceInput } from '../../../renderer/core/events/schema';
import type { DeploymentSession } from '../../../renderer/core/session/session';
import { serversWaitingForEvidence } from '../../../renderer/core/session/waiting';
import { fixture } from './evidence-kit';
import { pastedEvidence, replicationPaste, verificationPaste } from '../support/evidence';
import { must, staleAfterAssignment } from '../support/deployments';

const FE = ['fe01.contoso.local', 'fe02.contoso.local', 'fe03.contoso.local'] as const;
const DIR = 'dir01.contoso.local';
const EDGE = 'edge01.perimeter.contoso.com';

/** Get-CsManagementStoreReplicationStatus | Format-Table of the five replicas; fe03 UpToDate False. */
const FIVE_REPLICAS = fixture('replication-status/whole-deployment-table.txt');

function contextFor(session: DeploymentSession, server: string, timeZone = 'UTC'): EvidenceContext {
  const oauth = session.snapshot().context.oauth;
  return { server, oauth, locale: 'en-US', localeChosen: true, timeZone, zoneChosen: true };
}

/** A rejected paste's entry as the history holds it, recorded on `server` at noon. */
function rejected(server: string, text: string, kind: EvidenceInput['kind'] = 'replication-status'): DomainEvent {
  const at = '2013-03-14T12:00:00.000Z';
  return {
    type: 'evidence.rejected',
    server,
    input: { kind, text, locale: 'en-US', timeZone: 'UTC', read: [] },
    reason: 'judged elsewhere',
    at,
    recordedAt: at,
    operator: 'j.smith',
  };
}

/** Pastes `text` on `server` as the evidence box does: judged for it and every other waiting server it lists. */
function pasteOnce(session: DeploymentSession, server: string, text: string, timeZone = 'UTC'): void {
  const ctx = contextFor(session, server, timeZone);
  const judgement = judgeEvidence(text, ctx);
  const others = judgeForOthers(text, ctx, judgement, serversWaitingForEvidence(session.snapshot()));
  for (const command of evidenceCommands(text, ctx, judgement, others.covered)) must(session, command);
}

describe('the replication view', () => {
  it('has no state for a server until a paste shows it', () => {
    const { session } = staleAfterAssignment();
    expect(replicationView(session.view().history).size).toBe(0);
  });

  it('takes every replica a whole-deployment paste lists, on whichever server it was recorded', () => {
    const { session, clock } = staleAfterAssignment();
    clock.set('2013-03-14T11:00:00.000Z');
    pasteOnce(session, FE[1], FIVE_REPLICAS);
    const view = replicationView(session.view().history);
    expect([...view.keys()].sort()).toEqual([DIR, EDGE, ...FE].sort());
    expect(view.get(FE[0])).toEqual({
      server: FE[0],
      upToDate: true,
      lastUpdate: { iso: '2013-03-14T10:20:31.000Z' },
      readAt: '2013-03-14T11:00:00.000Z',
      source: 'replication-status',
    });
    // A rejected verdict (fe03's) shows its state as well as an accepted one.
    expect(view.get(FE[2])).toMatchObject({ upToDate: false, lastUpdate: { iso: '2013-03-14T10:20:31.000Z' } });
    // The Director and the Edge were waiting for nothing, so no verdict was recorded on them: listed all the same.
    expect(view.get(EDGE)).toMatchObject({ upToDate: true, readAt: '2013-03-14T11:00:00.000Z' });
  });

  it('keeps the latest paste of each server: a later one replaces only the servers it lists', () => {
    const { session, clock } = staleAfterAssignment();
    clock.set('2013-03-14T11:00:00.000Z');
    pasteOnce(session, FE[1], FIVE_REPLICAS);
    const first = replicationView(session.view().history);
    clock.set('2013-03-14T11:30:00.000Z');
    must(
      session,
      pastedEvidence(
        session,
        FE[2],
        replicationPaste(FE[2], { upToDate: true, lastUpdate: '2013-03-14T11:25:00.000Z' }),
      ),
    );
    const second = replicationView(session.view().history);
    expect(second.get(FE[2])).toMatchObject({
      upToDate: true,
      lastUpdate: { iso: '2013-03-14T11:25:00.000Z' },
      readAt: '2013-03-14T11:30:00.000Z',
    });
    // The others are the same states as before (a row compares them and is not drawn again).
    for (const s of [FE[0], FE[1], DIR, EDGE]) expect(second.get(s)).toBe(first.get(s));
    // A paste dated before the one held (a time typed for it) does not replace it.
    const older = pastedEvidence(
      session,
      FE[2],
      replicationPaste(FE[2], { upToDate: false, lastUpdate: '2013-03-14T10:20:31.000Z' }),
    );
    must(session, {
      type: 'evidence.rejected',
      server: FE[2],
      input: older.input!,
      reason: 'UpToDate False',
      at: '2013-03-14T11:10:00.000Z',
    });
    expect(replicationView(session.view().history).get(FE[2])).toBe(second.get(FE[2]));
  });

  it('reads the verification script’s record for the server it ran on', () => {
    const { session, clock } = staleAfterAssignment();
    clock.set('2013-03-14T11:00:00.000Z');
    const text = verificationPaste(FE[2], {
      upToDate: false,
      lastUpdate: '2013-03-14T10:20:31.000Z',
      ranAt: '2013-03-14T10:59:00.000Z',
    });
    const { input } = pastedEvidence(session, FE[2], text);
    must(session, { type: 'evidence.rejected', server: FE[2], input: input!, reason: 'UpToDate False' });
    expect(replicationView(session.view().history).get(FE[2])).toEqual({
      server: FE[2],
      upToDate: false,
      lastUpdate: { iso: '2013-03-14T10:20:31.000Z' },
      readAt: '2013-03-14T11:00:00.000Z',
      source: 'verification-json',
    });
  });

  it('reads dates in the paste’s own zone, and keeps one it cannot read as printed', () => {
    const { session, clock } = staleAfterAssignment();
    clock.set('2013-03-14T11:00:00.000Z');
    // Read in Berlin: 10:20:31 there is 09:20:31 UTC.
    pasteOnce(session, FE[1], FIVE_REPLICAS, 'Europe/Berlin');
    expect(replicationView(session.view().history).get(FE[0])?.lastUpdate).toEqual({ iso: '2013-03-14T09:20:31.000Z' });
    // A date that is no moment (no month 14 or 31): kept as printed, not guessed.
    const unreadable = `UpToDate           : True
ReplicaFqdn        : ${FE[0]}
LastStatusReport   : 14/31/2013 11:20:31
LastUpdateCreation : 14/31/2013 11:20:31
`;
    const states = replicationStatesOf(rejected(FE[0], unreadable));
    expect(states).toEqual([
      expect.objectContaining({ server: FE[0], upToDate: true, lastUpdate: { printed: '14/31/2013 11:20:31' } }),
    ]);
  });

  it('attributes no replica to a server by where the paste was recorded: an empty ReplicaFqdn counts for none', () => {
    const event = (server: string, text: string) => rejected(server, text);
    const fieldReport = fixture('replication-status/single-from-field-report.txt');
    expect(replicationStatesOf(event(FE[1], fieldReport))).toEqual([]);
    // A short name is the server's own only when the paste was recorded on it, as the judge takes it.
    const short = replicationPaste(FE[1], { upToDate: true, lastUpdate: '2013-03-14T10:20:31.000Z' }).replace(
      `ReplicaFqdn        : ${FE[1]}`,
      'ReplicaFqdn        : FE02',
    );
    expect(replicationStatesOf(event(FE[1], short)).map((s) => s.server)).toEqual([FE[1]]);
    expect(replicationStatesOf(event(FE[2], short))).toEqual([]);
    // Other kinds of output show no replication state.
    expect(replicationStatesOf(rejected(FE[1], short, 'certificate'))).toEqual([]);
  });

  it('is worked out once per version of the history, from the entries added since, as from nothing', () => {
    const { session, clock } = staleAfterAssignment();
    clock.set('2013-03-14T11:00:00.000Z');
    pasteOnce(session, FE[1], FIVE_REPLICAS);
    const pasted = replicationView(session.view().history);
    expect(replicationView(session.view().history)).toBe(pasted);
    expect(pasted).toEqual(foldReplicationView(session.view().history));
    // An entry that shows no replication state: the same view, not worked out again.
    must(session, { type: 'remediation.chosen', server: FE[2], path: 'A' });
    expect(replicationView(session.view().history)).toBe(pasted);
    clock.set('2013-03-14T11:30:00.000Z');
    const newer = replicationPaste(FE[2], { upToDate: true, lastUpdate: '2013-03-14T11:25:00.000Z' });
    must(session, pastedEvidence(session, FE[2], newer));
    const history = session.view().history;
    expect(replicationView(history)).not.toBe(pasted);
    expect(replicationView(history)).toEqual(foldReplicationView(history));
    // Another history (another deployment opened) is worked out from nothing.
    expect(replicationView(staleAfterAssignment().session.view().history).size).toBe(0);
    expect(replicationView(history).get(FE[2])?.readAt).toBe('2013-03-14T11:30:00.000Z');
  });
});
