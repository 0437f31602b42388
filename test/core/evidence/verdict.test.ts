import { describe, expect, it } from 'vitest';
import { acceptProof, matchServer, otherPromptHost, reject } from '../../../renderer/core/evidence/verdict';
import { assignment, context } from './evidence-kit';

describe('verdict helpers', () => {
  it('matches FQDNs case-insensitively, a bare name by its first label, and nothing else', () => {
    expect(matchServer('FE02.Contoso.Local', 'fe02.contoso.local')).toBe('same');
    expect(matchServer('FE02', 'fe02.contoso.local')).toBe('short-name');
    expect(matchServer('fe02.fabrikam.local', 'fe02.contoso.local')).toBe('other');
    expect(matchServer('', 'fe02.contoso.local')).toBe('other');
  });

  it('treats a remoting prompt on localhost as this machine', () => {
    expect(otherPromptHost(['localhost', 'fe02'], 'fe02.contoso.local')).toBeNull();
    expect(otherPromptHost(['fe01.contoso.local'], 'fe02.contoso.local')).toBe('fe01.contoso.local');
  });

  it('never accepts a proof the gate would not take', () => {
    const ctx = context({ oauth: assignment('2013-03-14T12:00:00.000Z') });
    const otherwise = reject('before-assignment', 'too early');
    expect(
      acceptProof(
        { server: 'fe02.contoso.local', upToDate: true, lastUpdate: '2013-03-14T11:00:00.000Z' },
        ctx,
        otherwise,
      ),
    ).toBe(otherwise);
    expect(
      acceptProof(
        { server: 'fe03.contoso.local', upToDate: true, lastUpdate: '2013-03-15T00:00:00.000Z' },
        ctx,
        otherwise,
      ),
    ).toBe(otherwise);
    expect(
      acceptProof(
        { server: 'fe02.contoso.local', upToDate: true, lastUpdate: '2013-03-15T00:00:00.000Z' },
        ctx,
        otherwise,
      ).accepted,
    ).toBe(true);
    expect(
      acceptProof(
        { server: 'fe02.contoso.local', upToDate: true, lastUpdate: '2013-03-15T00:00:00.000Z' },
        context({ oauth: null }),
        otherwise,
      ),
    ).toBe(otherwise);
  });
});
