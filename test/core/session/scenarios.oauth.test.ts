import { describe, expect, it } from 'vitest';
import { DeploymentSession } from '../../../renderer/core/session/session';
import { fieldReportSession, must, THUMBPRINT } from '../support/deployments';
import { EDGE, FE1, FE2, phase } from './support';
import { verifiedEvidence } from '../support/evidence';

describe('the Step 3 gate in other situations', () => {
  it('does not let an Edge Server assign the OAuth certificate before any Front End', () => {
    const { session } = fieldReportSession();
    for (const s of [1, 2, 3] as const) must(session, { type: 'step.completed', server: EDGE, step: s });
    expect(session.snapshot().context.oauth).toBeNull();
    const refused = session.record({ type: 'oauth.assigned', server: EDGE, thumbprint: THUMBPRINT });
    expect(!refused.ok && refused.message).toContain(
      'assign the OAuthTokenIssuer certificate on a Front End or Standard Edition server',
    );
  });

  it('blocks a server waiting for Step 3 when the certificate is assigned elsewhere meanwhile', () => {
    const { session, clock } = fieldReportSession();
    clock.set('2013-03-13T09:00:00.000Z');
    for (const s of [FE1, FE2])
      for (const step of [1, 2] as const) must(session, { type: 'step.completed', server: s, step });
    expect(phase(session, FE2)).toBe('ready-for-step3');
    clock.set('2013-03-14T10:00:00.000Z');
    must(session, { type: 'oauth.assigned', server: FE1, thumbprint: THUMBPRINT });
    expect(phase(session, FE2)).toBe('blocked');
    expect(phase(session, FE1)).toBe('ready-for-step3');
    const again = session.record({ type: 'oauth.assigned', server: FE2 });
    expect(!again.ok && again.message).toContain('already assigned');
  });

  it('takes the thumbprint of an assignment recorded without one, once, on the server that assigned it', () => {
    const { session, clock } = fieldReportSession();
    clock.set('2013-03-13T09:00:00.000Z');
    for (const s of [FE1, FE2]) must(session, { type: 'step.completed', server: s, step: 1 });
    for (const s of [FE1, FE2]) must(session, { type: 'step.completed', server: s, step: 2 });
    const tooEarly = session.record({ type: 'oauth.thumbprint.recorded', server: FE1, thumbprint: THUMBPRINT });
    expect(!tooEarly.ok && tooEarly.message).toMatch(/No OAuthTokenIssuer certificate is assigned yet/);
    clock.set('2013-03-14T10:00:00.000Z');
    must(session, { type: 'step.completed', server: FE1, step: 3 });
    expect(session.snapshot().context.oauth).toMatchObject({
      server: FE1,
      thumbprint: null,
      at: '2013-03-14T10:00:00.000Z',
    });
    // Without the thumbprint, the certificate fe02 shows proves nothing.
    const ownView = { thumbprints: [THUMBPRINT] };
    expect(session.record(verifiedEvidence(session, FE2, ownView)).ok).toBe(false);

    clock.set('2013-03-14T10:20:00.000Z');
    const elsewhere = session.record({ type: 'oauth.thumbprint.recorded', server: FE2, thumbprint: THUMBPRINT });
    expect(!elsewhere.ok && elsewhere.message).toBe(
      'The OAuthTokenIssuer certificate was assigned on fe01.contoso.local, not on fe02.contoso.local; record its thumbprint there.',
    );
    must(session, {
      type: 'oauth.thumbprint.recorded',
      server: 'FE01.contoso.local',
      thumbprint: THUMBPRINT.toLowerCase().replace(/(.{8})/g, '$1 '),
    });
    // The assignment keeps its time (the gate's fact); every server now knows the thumbprint.
    expect(session.snapshot().context.oauth).toMatchObject({
      server: FE1,
      thumbprint: THUMBPRINT,
      at: '2013-03-14T10:00:00.000Z',
    });
    expect(session.server(FE2)!.context.oauth?.thumbprint).toBe(THUMBPRINT);
    expect(phase(session, FE2)).toBe('blocked');
    const again = session.record({ type: 'oauth.thumbprint.recorded', server: FE1, thumbprint: THUMBPRINT });
    expect(!again.ok && again.message).toMatch(/already recorded \(0123456789ABCDEF/);

    // Now the certificate on fe02 is proof, and its Step 3 may go ahead.
    must(session, verifiedEvidence(session, FE2, ownView));
    must(session, { type: 'step.completed', server: FE2, step: 3 });
    expect(session.server(FE2)!.context.steps[3]!.rule).toBe('evidence');
    // And the history replays to the same state.
    const replayed = DeploymentSession.replay(session.history, clock.now(), { clock, operator: 'reader' });
    expect(replayed.ok && replayed.session.snapshot().context.oauth).toEqual(session.snapshot().context.oauth);
  });
});
