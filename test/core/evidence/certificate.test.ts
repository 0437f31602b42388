import { describe, expect, it } from 'vitest';
import { judgeEvidence, normalizeThumbprint } from '../../../renderer/core/evidence';
import {
  assignment,
  ASSIGNED_THUMBPRINT,
  context,
  expectAccepted,
  expectRejected,
  fixture,
  PREVIOUS_THUMBPRINT,
} from './evidence-kit';

/** As a remote session on fe02 shows it: the prompt names the machine the listing came from. */
function onFe02(listing: string): string {
  return `[fe02.contoso.local]: PS C:\\> Get-CsCertificate -Type OAuthTokenIssuer\n\n${listing}`;
}

const ROLLED = onFe02(fixture('certificate/oauth-current-and-previous.txt'));
const OTHER = 'AAAABBBBCCCCDDDDEEEEFFFF0000111122223333';

function cert(thumbprint: string, use?: string): string {
  const useLine = use === undefined ? '' : `Use              : ${use}\n`;
  return `Issuer           : CN=contoso-DC01-CA, DC=contoso, DC=local\nNotAfter         : 3/14/2015 9:00:00 AM\nSubject          : CN=contoso.com\nThumbprint       : ${thumbprint}\n${useLine}`;
}

describe('Get-CsCertificate -Type OAuthTokenIssuer', () => {
  it('accepts the listing that shows the assigned certificate as current', () => {
    const ctx = context();
    const judgement = judgeEvidence(ROLLED, ctx);
    expect(judgement.kind).toBe('certificate');
    expect(expectAccepted(judgement, ctx)).toEqual({
      server: 'fe02.contoso.local',
      thumbprints: [ASSIGNED_THUMBPRINT],
    });
    expect(judgement.read).toContain('Run in a remote session on fe02.contoso.local.');
    expect(judgement.read.filter((l) => l.startsWith('certificate '))).toHaveLength(2);
  });

  it('refuses when the assigned certificate is only the previous one, explaining the roll-over', () => {
    const message = expectRejected(
      judgeEvidence(ROLLED, context({ oauth: assignment('2013-03-14T12:00:00.000Z', PREVIOUS_THUMBPRINT) })),
      'thumbprint-mismatch',
    );
    expect(message).toMatch(/previous/);
    expect(message).toContain(ASSIGNED_THUMBPRINT);
  });

  it('refuses another certificate, naming what it shows and what was assigned', () => {
    const message = expectRejected(judgeEvidence(cert(OTHER), context()), 'thumbprint-mismatch');
    expect(message).toContain(OTHER);
    expect(message).toContain(ASSIGNED_THUMBPRINT);
  });

  it('asks to record the thumbprint (or use replication evidence) when the assignment has none', () => {
    const message = expectRejected(
      judgeEvidence(cert(ASSIGNED_THUMBPRINT), context({ oauth: assignment('2013-03-14T12:00:00.000Z', null) })),
      'no-assignment',
    );
    expect(message).toMatch(/thumbprint/);
    expect(message).toContain('Get-CsManagementStoreReplicationStatus');
  });

  it('asks for an assignment when none is recorded', () => {
    expectRejected(judgeEvidence(cert(ASSIGNED_THUMBPRINT), context({ oauth: null })), 'no-assignment');
  });

  it('reads a lower-case thumbprint with spaces', () => {
    const spaced = ASSIGNED_THUMBPRINT.toLowerCase()
      .replace(/(.{2})/g, '$1 ')
      .trim();
    const ctx = context();
    expectAccepted(judgeEvidence(onFe02(cert(spaced)), ctx), ctx);
    expect(normalizeThumbprint(`\u200e${spaced}`)).toBe(ASSIGNED_THUMBPRINT);
    expect(normalizeThumbprint('XYZ')).toBeNull();
  });

  it('uses the Use property of a listing of every certificate type', () => {
    const ctx = context();
    const mixed = `${cert(OTHER, 'Default')}\n${cert(ASSIGNED_THUMBPRINT, 'OAuthTokenIssuer')}\n${cert(OTHER, 'WebServicesInternal')}`;
    expectAccepted(judgeEvidence(onFe02(mixed), ctx), ctx);
    const noOAuth = `${cert(ASSIGNED_THUMBPRINT, 'Default')}\n${cert(OTHER, 'WebServicesInternal')}`;
    expect(expectRejected(judgeEvidence(noOAuth, ctx), 'thumbprint-mismatch')).toMatch(
      /no OAuthTokenIssuer certificate/,
    );
  });

  it('refuses a listing cut off before its thumbprint', () => {
    const cut =
      'Issuer           : CN=contoso-DC01-CA, DC=contoso, DC=local\nNotAfter         : 3/14/2015 9:00:00 AM\nSubject          : CN=contoso.com';
    expect(judgeEvidence(cut, context()).kind).toBe('certificate');
    expectRejected(judgeEvidence(cut, context()), 'incomplete');
  });

  it('reads the table form', () => {
    const table = `Thumbprint                               Subject\n----------                               -------\n${ASSIGNED_THUMBPRINT} CN=contoso.com\n`;
    const ctx = context();
    expectAccepted(judgeEvidence(onFe02(table), ctx), ctx);
  });

  it('refuses a listing that names no machine: copied from fe01, it would show the certificate for any server', () => {
    // The false accept of the attack: fe01's own listing, with no prompt and no PSComputerName, pasted for fe02.
    const text = `PS C:\\Users\\admin> Get-CsCertificate -Type OAuthTokenIssuer\n\n${cert(ASSIGNED_THUMBPRINT)}`;
    const judgement = judgeEvidence(text, context());
    expect(judgement.read).toContain(
      'The listing does not name the machine it came from (no PSComputerName, no remote prompt).',
    );
    expect(expectRejected(judgement, 'no-machine')).toBe(
      `The listing shows the assigned certificate ${ASSIGNED_THUMBPRINT}, but it does not name the machine it came from (no PSComputerName, and no prompt naming fe02.contoso.local), so it could be another server's, such as fe01.contoso.local, where the certificate always shows. Paste fe02.contoso.local's own view: the verification script's output (preferred: it names the computer), or run Get-CsCertificate -Type OAuthTokenIssuer in a remote session on fe02.contoso.local (Enter-PSSession fe02.contoso.local), so the prompt names it, and paste the prompt with the output.`,
    );
    // A remote prompt by short name names it too.
    const ctx = context();
    expectAccepted(
      judgeEvidence(`[fe02]: PS C:\\> Get-CsCertificate -Type OAuthTokenIssuer\n\n${cert(ASSIGNED_THUMBPRINT)}`, ctx),
      ctx,
    );
  });

  it('refuses a listing made in a remote session on another server', () => {
    const text = `[fe01.contoso.local]: PS C:\\> Get-CsCertificate -Type OAuthTokenIssuer\n\n${cert(ASSIGNED_THUMBPRINT)}`;
    expectRejected(judgeEvidence(text, context()), 'another-server');
  });
});
