// Step 3 per certificate use (issue 15, item 17): a pasted Get-CsCertificate shows each use with its
// thumbprint and expiry, recorded with Step 3, and the runbook lists them with what to look at.
import { describe, expect, it } from 'vitest';
import { readCertificateUses } from '../../../renderer/core/evidence';
import { exportRunbook } from '../../../renderer/core/runbook';
import { fieldReportSession, must, THUMBPRINT } from '../support/deployments';
import { fixture } from './evidence-kit';

const FE1 = 'fe01.contoso.local';
const LISTING = fixture('certificate/all-uses-after-step-3.txt');
const settings = { server: FE1, locale: 'en-US', localeChosen: true, timeZone: 'UTC', zoneChosen: true };

describe('the certificates of Step 3, per use', () => {
  it('reads each use with its thumbprint and expiry, and says what to look at', () => {
    const read = readCertificateUses(LISTING, settings, null, '2013-03-14T10:00:00.000Z');
    expect(read.problems).toEqual([]);
    expect(read.uses.map((u) => [u.use, u.thumbprint, u.notAfter])).toEqual([
      ['Default', '3D4E5F60718293A4B5C6D7E8F90A1B2C3D4E5F60', '2015-03-14T09:00:00.000Z'],
      ['WebServicesInternal', '3D4E5F60718293A4B5C6D7E8F90A1B2C3D4E5F60', '2015-03-14T09:00:00.000Z'],
      ['WebServicesExternal', '9A8B7C6D5E4F30211203F4E5D6C7B8A9F0E1D2C3', '2013-04-02T09:00:00.000Z'],
      ['OAuthTokenIssuer', THUMBPRINT, '2015-03-14T09:00:00.000Z'],
    ]);
    expect(read.warnings).toEqual([
      'The WebServicesExternal certificate (9A8B7C6D5E4F30211203F4E5D6C7B8A9F0E1D2C3) expires in 18 days (2013-04-02T09:00:00.000Z).',
    ]);
  });

  it('says so when the listing has no OAuthTokenIssuer, or another one than assigned', () => {
    // The listing without its last record (the OAuthTokenIssuer), cut at that record's first line.
    const noOAuth = LISTING.slice(0, LISTING.lastIndexOf('\nIssuer '));
    const oauth = { server: FE1, at: '2013-03-14T10:00:00.000Z', thumbprint: 'F'.repeat(40), operator: 'j.smith' };
    expect(readCertificateUses(noOAuth, settings, oauth, '2013-03-01T00:00:00.000Z').warnings[0]).toMatch(
      /^No OAuthTokenIssuer certificate is listed/,
    );
    expect(readCertificateUses(LISTING, settings, oauth, '2013-03-01T00:00:00.000Z').warnings[0]).toBe(
      `The OAuthTokenIssuer certificate listed (${THUMBPRINT}) is not the one assigned on ${FE1} (${'F'.repeat(40)}).`,
    );
    expect(readCertificateUses(noOAuth, settings, oauth, '2013-03-01T00:00:00.000Z').uses.map((u) => u.use)).toEqual([
      'Default',
      'WebServicesInternal',
      'WebServicesExternal',
    ]);
    // An Edge or Mediation Server uses no OAuthTokenIssuer certificate: its absence is not worth a word.
    expect(readCertificateUses(noOAuth, settings, oauth, '2013-03-01T00:00:00.000Z', false).warnings).toEqual([]);
    expect(readCertificateUses('hello', settings, null, '2013-03-01T00:00:00.000Z').problems[0]).toMatch(
      /^This is not Get-CsCertificate output/,
    );
  });

  it('are recorded with Step 3, agree with its thumbprint, and are listed in the runbook', () => {
    const { session, clock } = fieldReportSession();
    clock.set('2013-03-13T09:00:00.000Z');
    must(session, { type: 'step.completed', server: FE1, step: 1 });
    must(session, { type: 'step.completed', server: FE1, step: 2 });
    clock.set('2013-03-14T10:00:00.000Z');
    const { uses } = readCertificateUses(LISTING, settings, null, clock.now());
    // Only with Step 3, and never another OAuthTokenIssuer than the thumbprint recorded with it.
    const other = session.record({
      type: 'step.completed',
      server: FE1,
      step: 3,
      thumbprint: 'E'.repeat(40),
      certificates: [...uses],
    });
    expect(!other.ok && other.message).toContain(
      `show OAuthTokenIssuer ${THUMBPRINT}, not the thumbprint recorded with it`,
    );
    must(session, { type: 'step.completed', server: FE1, step: 3, thumbprint: THUMBPRINT, certificates: [...uses] });
    const md = exportRunbook(session, 'md', '2013-03-14T11:00:00.000Z');
    expect(md).toContain('Certificates at Step 3, per use:');
    expect(md).toContain('| WebServicesExternal | `9A8B7C6D5E4F30211203F4E5D6C7B8A9F0E1D2C3` | 2013-04-02T09:00:00Z |');
    expect(md).toContain('- **Check:** The WebServicesExternal certificate');
    const html = exportRunbook(session, 'html', '2013-03-14T11:00:00.000Z');
    expect(html).toContain('Certificates on fe01.contoso.local at Step 3, per use');
  });
});
