// The Next banner (issue 15, bug 5): a blocked server whose path waits for something else (the CMS
// pool's start) is not the next thing to do while other work can be done now; it is named only
// when nothing else can go ahead.
import { describe, expect, it } from 'vitest';
import { nextAction } from '../../../renderer/core/machines/next-action';
import { fieldReportSession, must, THUMBPRINT } from '../support/deployments';

const FE = ['fe01.contoso.local', 'fe02.contoso.local', 'fe03.contoso.local'] as const;
const DIR = 'dir01.contoso.local';

describe('the next action', () => {
  it('is work that can be done now, not a server whose path waits for the CMS pool', () => {
    const { session, clock } = fieldReportSession();
    clock.set('2013-03-13T09:00:00.000Z');
    for (const s of [FE[0], DIR]) must(session, { type: 'step.completed', server: s, step: 1 });
    for (const s of [FE[0], DIR]) must(session, { type: 'step.completed', server: s, step: 2 });
    clock.set('2013-03-14T10:00:00.000Z');
    must(session, { type: 'step.completed', server: FE[0], step: 3, thumbprint: THUMBPRINT });
    clock.set('2013-03-14T10:30:00.000Z');
    // Path B on the stale Director waits for the CMS pool's first start.
    must(session, { type: 'remediation.chosen', server: DIR, path: 'B' });
    expect(session.server(DIR)!.context.path).toBe('B');
    // fe02 and fe03 can run Step 1 now (after the assignment: fresh), which the pool's start needs.
    const next = nextAction(session.snapshot())!;
    expect(next.server).toBe(FE[1]);
    expect(next.text).toBe(`${FE[1]}: Step 1: Install Local Configuration Store`);
  });

  it('puts a blocked server whose path is still to choose before one that waits', () => {
    const { session, clock } = fieldReportSession();
    clock.set('2013-03-13T09:00:00.000Z');
    for (const s of [...FE, DIR]) must(session, { type: 'step.completed', server: s, step: 1 });
    for (const s of [...FE, DIR]) must(session, { type: 'step.completed', server: s, step: 2 });
    clock.set('2013-03-14T10:00:00.000Z');
    must(session, { type: 'step.completed', server: FE[0], step: 3, thumbprint: THUMBPRINT });
    must(session, { type: 'remediation.chosen', server: DIR, path: 'B' });
    // fe02 and fe03 are blocked with no path chosen: choosing one is work for now, before the waiting Director.
    expect(nextAction(session.snapshot())!.server).toBe(FE[1]);
  });
});
