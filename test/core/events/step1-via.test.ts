// How a Step 1 re-run was done is recorded (replication-and-pools D7), and only on Step 1.
import { describe, expect, it } from 'vitest';
import { domainEventSchema } from '../../../renderer/core/events/schema';
import { timelineEntries } from '../../../renderer/core/runbook/timeline';
import { fieldReportSession, must } from '../support/deployments';

const base = {
  type: 'step.completed',
  server: 'fe02.contoso.local',
  at: '2013-03-14T10:20:00.000Z',
  recordedAt: '2013-03-14T10:20:00.000Z',
  operator: 'j',
};

describe('how Step 1 was run', () => {
  it('goes with Step 1 only, as the wizard or the PowerShell equivalent', () => {
    expect(domainEventSchema.safeParse({ ...base, step: 1, via: 'wizard' }).success).toBe(true);
    expect(domainEventSchema.safeParse({ ...base, step: 1, via: 'powershell' }).success).toBe(true);
    expect(domainEventSchema.safeParse({ ...base, step: 1, via: 'sccm' }).success).toBe(false);
    const onStep2 = domainEventSchema.safeParse({ ...base, step: 2, via: 'wizard' });
    expect(onStep2.success).toBe(false);
    expect(onStep2.error?.issues[0]?.message).toBe('says how Step 1 was run, so it goes with Step 1 only');
  });

  it('is said in the runbook', () => {
    const { session, clock } = fieldReportSession();
    clock.set('2013-03-13T09:00:00.000Z');
    must(session, { type: 'step.completed', server: 'fe02.contoso.local', step: 1 });
    clock.set('2013-03-14T10:20:00.000Z');
    must(session, { type: 'step.completed', server: 'fe02.contoso.local', step: 1, via: 'wizard' });
    expect(timelineEntries(session.history).at(-1)).toMatchObject({
      summary: expect.stringContaining('(run 2)'),
      detail: 'Run with the Deployment Wizard: Step 1, Run Again, Retrieve directly from the Central Management store.',
    });
  });
});
