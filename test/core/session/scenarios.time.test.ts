import { describe, expect, it } from 'vitest';
import { DeploymentSession } from '../../../renderer/core/session/session';
import { must } from '../support/deployments';
import { assignedOnFe01, DIR, FE1 } from './support';

describe('the Step 3 gate in other situations', () => {
  it('refuses a step dated before one already recorded on the server, and a time in the future', () => {
    const { session, clock } = assignedOnFe01();
    // The typo the gate must not swallow: fe01's Step 3 dated before its own Step 1 would make every store look current.
    const early = session.record({ type: 'step.completed', server: FE1, step: 4, at: '2013-03-12T10:00:00.000Z' });
    expect(!early.ok && early.message).toBe(
      'Step 4: Start Services on fe01.contoso.local is dated 2013-03-12T10:00:00.000Z, before Step 1: Install Local Configuration Store recorded there at 2013-03-13T09:00:00.000Z. Steps are recorded in the order they happened: check the date and time.',
    );
    clock.set('2013-03-14T11:00:00.000Z');
    const future = session.record({ type: 'step.completed', server: DIR, step: 1, at: '2099-01-01T00:00:00.000Z' });
    expect(!future.ok && future.message).toBe(
      'The time 2099-01-01T00:00:00.000Z is in the future (now is 2013-03-14T11:00:00.000Z). Enter when it actually happened.',
    );
    expect(session.record({ type: 'step.completed', server: DIR, step: 1, at: '2013-03-14T11:00:30.000Z' }).ok).toBe(
      true,
    );
  });

  it('still opens a history whose steps were recorded out of order before that check existed', () => {
    const { session, clock } = assignedOnFe01();
    clock.set('2013-03-14T11:00:00.000Z');
    must(session, { type: 'step.completed', server: DIR, step: 1 });
    must(session, { type: 'step.completed', server: DIR, step: 2 });
    // As an earlier build could have written it: dir01's Step 2 dated before its Step 1.
    const history = session.history.map((e) =>
      e.type === 'step.completed' && e.server === DIR && e.step === 2 ? { ...e, at: '2013-03-14T10:59:00.000Z' } : e,
    );
    const replayed = DeploymentSession.replay(history, { clock, operator: 'reader' });
    expect(replayed.ok).toBe(true);
    if (!replayed.ok) return;
    expect(replayed.session.server(DIR)!.context.steps[2]?.at).toBe('2013-03-14T10:59:00.000Z');
    // New commands are still checked.
    const again = replayed.session.record({
      type: 'step.completed',
      server: DIR,
      step: 3,
      at: '2013-03-14T10:30:00.000Z',
    });
    expect(!again.ok && again.message).toMatch(
      /is dated 2013-03-14T10:30:00.000Z, before Step 1: Install Local Configuration Store recorded there at 2013-03-14T11:00:00.000Z/,
    );
  });

  it('does not let a step recorded in the future lock its server, compares typed times within the minute, and checks the real time', () => {
    const { session, clock } = assignedOnFe01();
    // As an older build or a wrong clock could have written it: dir01's Step 1 a year ahead.
    const history = [
      ...session.history,
      {
        type: 'step.completed' as const,
        server: DIR,
        step: 1 as const,
        at: '2014-03-14T11:00:00.000Z',
        operator: 'j.smith',
      },
    ];
    clock.set('2013-03-14T11:00:30.000Z');
    const replayed = DeploymentSession.replay(history, { clock, operator: 'j.smith' });
    if (!replayed.ok) throw new Error(replayed.message);
    must(replayed.session, { type: 'step.completed', server: DIR, step: 1 });
    // Recorded at 11:00:30; Step 2 typed as 11:00 (the time field has whole minutes) is the same minute.
    must(replayed.session, { type: 'step.completed', server: DIR, step: 2, at: '2013-03-14T11:00:00.000Z' });
    // A time given with the command (the command line's --at) is checked against the real time.
    const stamped = DeploymentSession.replay(session.history, { clock, operator: 'j.smith' });
    if (!stamped.ok) throw new Error(stamped.message);
    const future = stamped.session.record({
      type: 'step.completed',
      server: DIR,
      step: 1,
      at: '2099-01-01T00:00:00.000Z',
    });
    expect(!future.ok && future.message).toBe(
      'The time 2099-01-01T00:00:00.000Z is in the future (now is 2013-03-14T11:00:30.000Z). Enter when it actually happened.',
    );
  });
});
