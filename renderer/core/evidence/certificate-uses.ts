/**
 * Step 3 per certificate use (issue 15, item 17): `Get-CsCertificate` run on the server after Step 3
 * lists each certificate it holds with its use (Default, WebServicesInternal, WebServicesExternal,
 * OAuthTokenIssuer, …), thumbprint and expiry. Read here into what Step 3 records, with what could
 * not be read and what an admin should look at (no OAuthTokenIssuer listed, another thumbprint than
 * the one assigned, a certificate that has expired or soon will).
 */
import type { CertificateUse } from '../events/schema';
import type { OAuthAssignment } from '../gate/gate';
import { epochMs, type IsoTime } from '../model/time';
import { judgeCertificate, looksLikeCertificate, normalizeThumbprint } from './certificate';
import { describeDate } from './console-date';
import { consoleLines, shown } from './console-text';
import type { EvidenceContext } from './judgement';

/** The most certificates Step 3 records (the event's limit); a listing with more is cut, saying so. */
const MAX_USES = 32;

function tooMany(count: number): string[] {
  return count > MAX_USES
    ? [
        `The listing holds ${count} certificates; only the first ${MAX_USES} are recorded. Paste this server's listing only.`,
      ]
    : [];
}

/** How soon an expiry is worth saying, in days. */
const EXPIRY_WARNING_DAYS = 30;
const DAY_MS = 86_400_000;

/** The certificates read from a listing, what could not be taken, and what to look at. */
export interface CertificateUsesRead {
  readonly uses: readonly CertificateUse[];
  /** Why something in the paste was not taken; when `uses` is empty, why nothing was. */
  readonly problems: readonly string[];
  /** What an admin should look at in what was taken. */
  readonly warnings: readonly string[];
}

/** The use of the OAuthTokenIssuer certificate, as Get-CsCertificate prints it. */
export const OAUTH_USE = 'OAuthTokenIssuer';

/**
 * Reads a Get-CsCertificate listing pasted for `ctx.server` (dates in the console's locale and the
 * server's zone), at `now`, against the deployment's OAuth assignment.
 */
export function readCertificateUses(
  text: string,
  ctx: Omit<EvidenceContext, 'oauth'>,
  oauth: OAuthAssignment | null,
  now: IsoTime,
  /** False for a role that uses no OAuthTokenIssuer certificate (Edge, Mediation): its absence is then expected. */
  needsOAuth = true,
): CertificateUsesRead {
  const lines = consoleLines(text);
  if (!looksLikeCertificate(lines))
    return {
      uses: [],
      problems: [
        `This is not Get-CsCertificate output. Run Get-CsCertificate on ${ctx.server} and paste what it prints.`,
      ],
      warnings: [],
    };
  const judgement = judgeCertificate(lines, { ...ctx, oauth });
  const records = judgement.records?.kind === 'certificate' ? judgement.records.certificates : [];
  const uses: CertificateUse[] = [];
  const problems: string[] = [];
  for (const c of records) {
    const where = `The certificate at line ${c.line}`;
    if (c.use === null) {
      problems.push(`${where} has no Use, so it is not recorded.`);
      continue;
    }
    if (c.thumbprint === null) {
      problems.push(`${where} (${shown(c.use, 60)}) has no readable Thumbprint, so it is not recorded.`);
      continue;
    }
    let notAfter: IsoTime | null = null;
    if (c.notAfter?.ok === true) notAfter = c.notAfter.iso;
    else if (c.notAfter !== null)
      problems.push(`${where} (${shown(c.use, 60)}): its NotAfter could not be read (${describeDate(c.notAfter)}).`);
    uses.push({
      use: c.use.slice(0, 60),
      thumbprint: c.thumbprint,
      notAfter,
      subject: c.subject?.slice(0, 400) ?? null,
    });
  }
  if (uses.length === 0 && problems.length === 0) problems.push('No certificate could be read from the paste.');
  // The reader's own doubts (dates that disagree on day and month order) are said with the rest.
  const warnings = [...judgement.warnings, ...certificateUseWarnings(uses, oauth, now, needsOAuth)];
  return { uses: uses.slice(0, MAX_USES), problems: [...problems, ...tooMany(uses.length)].slice(0, 10), warnings };
}

/** What to look at in the certificates Step 3 records (also said again where they are shown). */
export function certificateUseWarnings(
  uses: readonly CertificateUse[],
  oauth: OAuthAssignment | null,
  now: IsoTime,
  needsOAuth = true,
): string[] {
  const warnings: string[] = [];
  const oauthUses = uses.filter((u) => u.use.toLowerCase() === OAUTH_USE.toLowerCase());
  if (needsOAuth && uses.length > 0 && oauthUses.length === 0)
    warnings.push(
      'No OAuthTokenIssuer certificate is listed: this server does not see the global certificate. If one is assigned, its local store is stale.',
    );
  const assigned = oauth?.thumbprint == null ? null : normalizeThumbprint(oauth.thumbprint);
  if (assigned !== null && oauthUses.length > 0 && !oauthUses.some((u) => u.thumbprint === assigned))
    warnings.push(
      `The OAuthTokenIssuer certificate listed (${oauthUses.map((u) => u.thumbprint).join(', ')}) is not the one assigned on ${oauth!.server} (${assigned}).`,
    );
  for (const u of uses) {
    if (u.notAfter === null) continue;
    const days = Math.floor((epochMs(u.notAfter) - epochMs(now)) / DAY_MS);
    if (days < 0) warnings.push(`The ${u.use} certificate (${u.thumbprint}) expired on ${u.notAfter}.`);
    else if (days < EXPIRY_WARNING_DAYS)
      warnings.push(`The ${u.use} certificate (${u.thumbprint}) expires in ${days} days (${u.notAfter}).`);
  }
  return warnings;
}
