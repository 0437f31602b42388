import { describe, expect, it } from 'vitest';
import { evaluateGate, type GateInput } from '../../../renderer/core/gate/gate';
import { gateExplanation } from '../../../renderer/core/gate/gate-words';

const oauth = {
  server: 'fe01.contoso.local',
  thumbprint: 'A'.repeat(40),
  at: '2013-03-14T10:00:00.000Z',
  operator: 'j.smith',
};
const stale: GateInput = {
  fqdn: 'fe02.contoso.local',
  role: 'front-end',
  step1At: '2013-03-13T09:00:00.000Z',
  oauth,
  evidence: null,
  override: null,
};

describe('the five rules of the Step 3 gate', () => {
  it('rule 1: a role that needs no OAuthTokenIssuer certificate is not gated', () => {
    expect(evaluateGate({ ...stale, role: 'edge' })).toMatchObject({ allowed: true, rule: 'no-oauth-needed' });
    expect(evaluateGate({ ...stale, role: 'mediation' })).toMatchObject({ allowed: true, rule: 'no-oauth-needed' });
  });
  it('rule 2: with nothing assigned yet, this server assigns it; the server it was assigned on is current', () => {
    expect(evaluateGate({ ...stale, oauth: null })).toMatchObject({ allowed: true, rule: 'assigns-oauth' });
    expect(evaluateGate({ ...stale, fqdn: 'FE01.contoso.local' })).toMatchObject({
      allowed: true,
      rule: 'assigns-oauth',
    });
  });
  it('rule 3: a local store taken after the assignment is current; one taken at the same instant is not', () => {
    expect(evaluateGate({ ...stale, step1At: '2013-03-14T10:00:00.001Z' })).toMatchObject({
      allowed: true,
      rule: 'replica-current',
    });
    expect(evaluateGate({ ...stale, step1At: '2013-03-14T10:00:00.000Z' }).allowed).toBe(false);
    expect(evaluateGate({ ...stale, step1At: '2013-03-14T09:59:59.999Z' }).allowed).toBe(false);
  });
  it('rule 4: accepted evidence that covers the assignment', () => {
    const evidence = (proof: object) => ({
      ...stale,
      evidence: { proof: { server: 'fe02.contoso.local', ...proof }, at: '2013-03-14T11:00:00.000Z', operator: 'j' },
    });
    expect(evaluateGate(evidence({ upToDate: true, lastUpdate: '2013-03-14T10:00:01.000Z' }))).toMatchObject({
      allowed: true,
      rule: 'evidence',
    });
    expect(evaluateGate(evidence({ thumbprints: ['A'.repeat(40)] }))).toMatchObject({
      allowed: true,
      rule: 'evidence',
    });
    // Event 3038 only corroborates (replication-and-pools D4): alone it opens nothing.
    expect(evaluateGate(evidence({ event3038At: '2013-03-14T10:05:00.000Z' })).allowed).toBe(false);
    // UpToDate False after the assignment lags behind the server's own view (D3); without that view it refutes.
    expect(
      evaluateGate(
        evidence({ upToDate: false, lastUpdate: '2013-03-14T10:30:00.000Z', thumbprints: ['A'.repeat(40)] }),
      ),
    ).toMatchObject({ allowed: true, rule: 'evidence' });
    expect(evaluateGate(evidence({ upToDate: false, lastUpdate: '2013-03-14T10:30:00.000Z' })).allowed).toBe(false);
    expect(evaluateGate(evidence({ upToDate: true, lastUpdate: '2013-03-14T10:00:00.000Z' })).allowed).toBe(false);
    expect(evaluateGate(evidence({ thumbprints: ['B'.repeat(40)] })).allowed).toBe(false);
  });
  it('rule 4 refuses evidence that contradicts itself, whatever else it shows', () => {
    const evidence = (proof: object) => ({
      ...stale,
      evidence: { proof: { server: 'fe02.contoso.local', ...proof }, at: '2013-03-14T11:00:00.000Z', operator: 'j' },
    });
    expect(evaluateGate(evidence({ upToDate: false, event3038At: '2013-03-14T10:30:00.000Z' })).allowed).toBe(false);
    expect(evaluateGate(evidence({ upToDate: false, thumbprints: ['A'.repeat(40)] })).allowed).toBe(false);
    expect(
      evaluateGate(evidence({ upToDate: true, lastUpdate: '2013-03-14T10:30:00.000Z', thumbprints: ['B'.repeat(40)] }))
        .allowed,
    ).toBe(false);
    expect(
      evaluateGate(
        evidence({ upToDate: true, lastUpdate: '2013-03-14T09:00:00.000Z', event3038At: '2013-03-14T10:30:00.000Z' }),
      ).allowed,
    ).toBe(false);
    expect(
      evaluateGate(evidence({ thumbprints: ['A'.repeat(40)], event3038At: '2013-03-14T09:30:00.000Z' })).allowed,
    ).toBe(false);
  });
  it('rule 5: an override with a written reason', () => {
    const override = { reason: 'hand-imported', change: 'CHG-1', at: oauth.at, operator: 'j' };
    const overridden = evaluateGate({ ...stale, override });
    expect(overridden).toMatchObject({ allowed: true, rule: 'override' });
    expect(gateExplanation(overridden)).toBe('Overridden by j under CHG-1, not proven: hand-imported');
    expect(evaluateGate({ ...stale, override: { ...override, reason: '  ' } }).allowed).toBe(false);
  });
  it('otherwise: blocked, with both times in the words', () => {
    const verdict = evaluateGate(stale);
    expect(verdict).toEqual({
      allowed: false,
      server: 'fe02.contoso.local',
      reason: 'stale-replica',
      step1At: '2013-03-13T09:00:00.000Z',
      assignedAt: '2013-03-14T10:00:00.000Z',
      assignedOn: 'fe01.contoso.local',
    });
    expect(gateExplanation(verdict)).toBe(
      "Blocked: stale local replica. This server's local configuration store was copied at 2013-03-13T09:00:00Z, before the OAuthTokenIssuer certificate was assigned on fe01 (fe01.contoso.local) at 2013-03-14T10:00:00Z. Step 3 here would not show the certificate: bring the local store up to date first.",
    );
  });
});
