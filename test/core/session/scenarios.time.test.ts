import { describe, expect, it } from 'vitest';
import { DeploymentSession } from '../../../renderer/core/session/session';
import { fieldReportSession, must } from '../support/deployments';
import { assignedOnFe01, DIR, FE1 } from './support';

function fieldReportSessionAt(at: string) {
  const { session, clock } = fieldReportSession();
  clock.set(at);
  return session;
}

describe('the Step 3 gate in other situations', () => {
  it('refuses a step dated before one already recorded on the server, and a time in the future', () => {
    const { session, clock } = assignedOnFe01();
    // The typo the gate must not swallow: fe01's Step 3 dated before its own Step 1 would make every store look current.
    const early = session.record({ type: 'step.completed', server: FE1, step: 4, at: '2013-03-12T10:00:00.000Z' });
    expect(!early.ok && early.message).toBe(
      'Step 4: Start Services on fe01.contoso.local is dated 2013-03-12T10:00:00Z, before Step 1: Install Local Configuration Store recorded there at 2013-03-13T09:00:00Z. Steps are recorded in the order they happened: check the date and time.',
    );
    clock.set('2013-03-14T11:00:00.000Z');
    const future = session.record({ type: 'step.completed', server: DIR, step: 1, at: '2099-01-01T00:00:00.000Z' });
    expect(!future.ok && future.message).toBe(
      'The time 2099-01-01T00:00:00Z is in the future (now is 2013-03-14T11:00:00Z). Enter when it actually happened.',
    );
    expect(session.record({ type: 'step.completed', server: DIR, step: 1, at: '2013-03-14T11:00:30.000Z' }).ok).toBe(
      true,
    );
  });

  it('refuses on replay what it refuses on record: a history with steps out of order, naming the event', () => {
    const { session, clock } = assignedOnFe01();
    clock.set('2013-03-14T11:00:00.000Z');
    must(session, { type: 'step.completed', server: DIR, step: 1 });
    must(session, { type: 'step.completed', server: DIR, step: 2 });
    // As a hand edit (or an earlier build) could have written it: dir01's Step 2 dated before its Step 1.
    const history = session.history.map((e) =>
      e.type === 'step.completed' && e.server === DIR && e.step === 2 ? { ...e, at: '2013-03-14T10:58:00.000Z' } : e,
    );
    const replayed = DeploymentSession.replay(history, clock.now());
    expect(replayed.ok).toBe(false);
    if (replayed.ok) return;
    expect(replayed.index).toBe(history.length - 1);
    expect(replayed.message).toBe(
      'Step 2: Setup or Remove Lync Server Components on dir01.contoso.local is dated 2013-03-14T10:58:00Z, before Step 1: Install Local Configuration Store recorded there at 2013-03-14T11:00:00Z. Steps are recorded in the order they happened: check the date and time.',
    );
    // The history as recorded replays.
    expect(DeploymentSession.replay(session.history, clock.now()).ok).toBe(true);
  });

  it('refuses on replay an event dated after the file was saved, and one before 2012; compares typed times within the minute', () => {
    const { session, clock } = assignedOnFe01();
    const saved = '2013-03-14T11:00:30.000Z';
    const ahead = [
      ...session.history,
      {
        type: 'step.completed' as const,
        server: DIR,
        step: 1 as const,
        at: '2014-03-14T11:00:00.000Z',
        recordedAt: '2014-03-14T11:00:00.000Z',
        operator: 'j.smith',
      },
    ];
    const late = DeploymentSession.replay(ahead, saved);
    expect(!late.ok && late.message).toBe(
      'It was recorded at 2014-03-14T11:00:00Z, after the file was saved (2013-03-14T11:00:30Z): no entry can postdate its own saving.',
    );
    const before = [
      ...session.history,
      {
        type: 'step.completed' as const,
        server: DIR,
        step: 1 as const,
        at: '1999-03-14T11:00:00.000Z',
        recordedAt: '1999-03-14T11:00:00.000Z',
        operator: 'j.smith',
      },
    ];
    const early = DeploymentSession.replay(before, saved);
    expect(!early.ok && early.message).toBe(
      'The time 1999-03-14T11:00:00Z is before Lync Server 2013 existed (it was released in 2012). Enter when it actually happened.',
    );
    clock.set(saved);
    expect(session.record({ type: 'step.completed', server: DIR, step: 1, at: '1999-03-14T11:00:00.000Z' }).ok).toBe(
      false,
    );
    must(session, { type: 'step.completed', server: DIR, step: 1 });
    // Recorded at 11:00:30; Step 2 typed as 11:00 (the time field has whole minutes) is the same minute.
    must(session, { type: 'step.completed', server: DIR, step: 2, at: '2013-03-14T11:00:00.000Z' });
    expect(DeploymentSession.replay(session.history, saved).ok).toBe(true);
  });

  it('refuses an OAuth assignment dated before the assigning server’s Step 1, on record and on replay', () => {
    const { session, clock } = assignedOnFe01();
    const history = session.history.map((e) =>
      e.type === 'step.completed' && e.server === FE1 && e.step === 3 ? { ...e, at: '2013-03-13T08:30:00.000Z' } : e,
    );
    const replayed = DeploymentSession.replay(history, clock.now());
    expect(!replayed.ok && replayed.message).toMatch(
      /^Step 3: Request, Install or Assign Certificates on fe01.contoso.local is dated 2013-03-13T08:30:00Z, before Step 1: Install Local Configuration Store recorded there at 2013-03-13T09:00:00Z/,
    );
    // An assignment recorded on its own is held to the same order.
    const fresh = fieldReportSessionAt('2013-03-13T09:00:00.000Z');
    must(fresh, { type: 'step.completed', server: FE1, step: 1 });
    const assigned = fresh.record({ type: 'oauth.assigned', server: FE1, at: '2013-03-13T08:00:00.000Z' });
    expect(!assigned.ok && assigned.message).toBe(
      'The OAuthTokenIssuer assignment on fe01.contoso.local is dated 2013-03-13T08:00:00Z, before Step 1: Install Local Configuration Store recorded there at 2013-03-13T09:00:00Z. The certificate is assigned in Step 3, after Steps 1 and 2: check the date and time.',
    );
  });

  it('refuses dates that do not exist: 30 February, 24:00', () => {
    const { session } = assignedOnFe01();
    for (const at of ['2013-02-30T10:00:00.000Z', '2013-03-13T24:00:00.000Z']) {
      const result = session.record({ type: 'step.completed', server: DIR, step: 1, at });
      expect(!result.ok && result.message).toBe(
        'This step.completed is not valid: at must be an ISO 8601 UTC time such as 2013-03-14T10:00:00.000Z.',
      );
    }
  });
});
