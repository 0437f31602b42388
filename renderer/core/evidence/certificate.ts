/**
 * `Get-CsCertificate -Type OAuthTokenIssuer` output read and judged: the server's current
 * OAuthTokenIssuer certificate must be the one whose assignment the deployment recorded. Only
 * Thumbprint, Subject, Issuer and NotAfter are confirmed property names; the others are read
 * when present and never required.
 */
import { compactThumbprint } from '../model/thumbprint';
import { createDateReader, describeDate } from './console-date';
import { noiseSummary, promptHosts, shown, type ConsoleLine } from './console-text';
import { field, listRecords } from './format-list';
import { delimitedTables } from './format-delimited';
import { consoleTables, isTruncatedCell, type ConsoleTable } from './format-table';
import { judgementOf, type CertificateRecord, type EvidenceContext, type EvidenceJudgement } from './judgement';
import {
  acceptProof,
  matchServer,
  noAssignment,
  otherPromptHost,
  ownViewAdvice,
  promptNamesServer,
  reject,
  repeatedPropertyRefusal,
} from './verdict';

const NAMES = [
  'Issuer',
  'NotAfter',
  'NotBefore',
  'SerialNumber',
  'Subject',
  'AlternativeNames',
  'Thumbprint',
  'EffectiveDate',
  'PreviousThumbprint',
  'PreviousNotAfter',
  'Use',
  // Remoting (Invoke-Command, implicit remoting) adds the machine each object came from (P6).
  'PSComputerName',
];
const KEYS: ReadonlySet<string> = new Set(NAMES.map((n) => n.toLowerCase()));
const MAX_SHOWN = 40;

/** A thumbprint as the gate compares it (40 upper-case hex digits), or null when it is not one. */
export function normalizeThumbprint(value: string): string | null {
  // Copies from the certificate dialog carry spaces and an invisible left-to-right mark.
  const compact = compactThumbprint(value).toUpperCase();
  return /^[0-9A-F]{40}$/.test(compact) ? compact : null;
}

const OAUTH_QUERY = /Get-CsCertificate\b[^|]*-Type\s+['"]?OAuthTokenIssuer\b/i;

/**
 * True when the paste is a prompt running Get-CsCertificate -Type OAuthTokenIssuer with no output
 * after it: the documented sign that no token-issuer certificate is visible there (P7).
 */
export function isEmptyOAuthListing(lines: readonly ConsoleLine[]): boolean {
  const at = lines.findIndex((l) => l.noise === 'prompt' && OAUTH_QUERY.test(l.text));
  if (at === -1) return false;
  return lines.slice(at + 1).every((l) => l.blank || l.noise === 'prompt');
}

/** True when the paste holds certificate output, in list or table form, or the empty result of the query. */
export function looksLikeCertificate(lines: readonly ConsoleLine[]): boolean {
  if (isEmptyOAuthListing(lines)) return true;
  // Issuer with Subject also counts, so a paste cut off before its Thumbprint is still recognised.
  if (
    listRecords(lines, KEYS).some(
      (r) => r.fields.has('thumbprint') || (r.fields.has('issuer') && r.fields.has('subject')),
    )
  )
    return true;
  return certificateTables(lines).length > 0;
}

const hasThumbprint = (names: readonly string[]) => names.includes('thumbprint');

/** Tables of certificates: as the console prints them, and as CSV or Out-GridView copies. */
function certificateTables(lines: readonly ConsoleLine[]): ConsoleTable[] {
  return [...consoleTables(lines, hasThumbprint), ...delimitedTables(lines, hasThumbprint)];
}

interface RawCertificate {
  readonly get: (name: string) => string | undefined;
  readonly line: number;
  readonly atEnd: boolean;
}

function rawCertificates(lines: readonly ConsoleLine[]): RawCertificate[] {
  const out: RawCertificate[] = listRecords(lines, KEYS)
    .filter((r) => r.fields.has('thumbprint') || r.fields.has('subject') || r.fields.has('issuer'))
    .map((r) => ({ get: (n: string) => field(r, n), line: r.firstLine, atEnd: r.atEnd }));
  for (const table of certificateTables(lines)) {
    table.rows.forEach((row, i) =>
      out.push({
        get: (n: string) => row.cells.get(n.toLowerCase()),
        line: row.line,
        atEnd: table.atEnd && i === table.rows.length - 1,
      }),
    );
  }
  return out.sort((a, b) => a.line - b.line);
}

function describe(c: CertificateRecord): string {
  const parts = [
    c.thumbprint ??
      (c.thumbprintText === null ? 'no Thumbprint' : `unreadable Thumbprint "${shown(c.thumbprintText, 60)}"`),
  ];
  if (c.use !== null) parts.push(`Use ${shown(c.use, 60)}`);
  if (c.subject !== null) parts.push(`Subject ${shown(c.subject, 100)}`);
  if (c.notAfter !== null) parts.push(`NotAfter ${describeDate(c.notAfter)}`);
  if (c.previousThumbprint !== null) parts.push(`previous ${c.previousThumbprint}`);
  return `certificate ${parts.join(' · ')}`;
}

/** Reads and judges certificate output for `ctx.server`. */
export function judgeCertificate(lines: readonly ConsoleLine[], ctx: EvidenceContext): EvidenceJudgement {
  const raws = rawCertificates(lines);
  const reader = createDateReader(
    ctx,
    raws.map((r) => r.get('NotAfter') ?? '').filter((t) => t.length > 0),
  );
  const certificates: CertificateRecord[] = raws.map((r) => {
    const text = r.get('Thumbprint') ?? null;
    const notAfter = r.get('NotAfter');
    const previous = r.get('PreviousThumbprint');
    return {
      thumbprint: text === null ? null : normalizeThumbprint(text),
      thumbprintText: text,
      previousThumbprint: previous === undefined ? null : normalizeThumbprint(previous),
      use: r.get('Use') || null,
      subject: r.get('Subject') || null,
      issuer: r.get('Issuer') || null,
      notAfter: notAfter === undefined || notAfter.length === 0 ? null : reader.read(notAfter),
      machine: r.get('PSComputerName') || null,
      line: r.line,
    };
  });
  const read: string[] = [];
  const warnings: string[] = [...reader.warnings];
  const noise = noiseSummary(lines);
  if (noise !== null) read.push(noise);
  const hosts = promptHosts(lines);
  const machines = [...new Set(certificates.map((c) => c.machine).filter((m): m is string => m !== null))];
  read.push(
    machines.length > 0
      ? `Objects from ${shown(machines.join(', '))} (their PSComputerName).`
      : hosts.length > 0
        ? `Run in a remote session on ${shown(hosts.join(', '))}.`
        : 'The listing does not name the machine it came from (no PSComputerName, no remote prompt).',
  );
  for (const c of certificates.slice(0, MAX_SHOWN)) read.push(describe(c));
  if (certificates.length > MAX_SHOWN) read.push(`… and ${certificates.length - MAX_SHOWN} more certificates.`);
  const judged = judgementOf(read, { kind: 'certificate', certificates }, warnings);
  const twice = repeatedPropertyRefusal(listRecords(lines, KEYS));
  if (twice !== null) return judged(twice);
  // A remoting prompt naming another machine: the listing is that machine's, with or without output.
  const ranOn = otherPromptHost(hosts, ctx.server);
  const elsewhere =
    ranOn === null
      ? null
      : reject(
          'another-server',
          `The prompt shows this was run on ${shown(ranOn)}, not ${ctx.server}. Run Get-CsCertificate -Type OAuthTokenIssuer on ${ctx.server} and paste its output.`,
        );

  if (certificates.length === 0 && isEmptyOAuthListing(lines)) {
    if (elsewhere !== null) return judged(elsewhere);
    if (ctx.oauth === null) return judged(noAssignment());
    read.push('Get-CsCertificate -Type OAuthTokenIssuer printed nothing.');
    return judged(
      reject(
        'none-visible',
        `No OAuthTokenIssuer certificate is visible on ${ctx.server}: its local store is still stale (Get-CsCertificate -Type OAuthTokenIssuer printed nothing, while the certificate was assigned on ${ctx.oauth.server}). Bring it up to date (path A, B or C), then run the command again.`,
      ),
    );
  }
  if (certificates.length === 0)
    return judged(
      reject(
        'unrecognised',
        'No certificate could be read. Paste the output of Get-CsCertificate -Type OAuthTokenIssuer as the console shows it.',
      ),
    );
  const oauth = ctx.oauth;
  if (oauth === null) return judged(noAssignment());
  if (oauth.thumbprint === null) {
    return judged(
      reject(
        'no-assignment',
        `The OAuthTokenIssuer assignment on ${oauth.server} has no recorded thumbprint, so a certificate listing cannot be compared with it. Record the assignment's thumbprint, or paste the replication status (Get-CsManagementStoreReplicationStatus) instead.`,
      ),
    );
  }
  const assigned = normalizeThumbprint(oauth.thumbprint) ?? oauth.thumbprint.toUpperCase();
  const otherMachine = machines.find((m) => matchServer(m, ctx.server) === 'other');
  if (otherMachine !== undefined)
    return judged(
      reject(
        'another-server',
        `The listing's PSComputerName shows it came from ${shown(otherMachine)}, not ${ctx.server}. Run Get-CsCertificate -Type OAuthTokenIssuer on ${ctx.server} (or Invoke-Command -ComputerName ${ctx.server}) and paste its output.`,
      ),
    );
  if (elsewhere !== null) return judged(elsewhere);

  // A listing of every type says which certificate serves OAuth in its Use column; without it,
  // the command was filtered by type and every certificate shown is an OAuthTokenIssuer one.
  const oauthCerts = certificates.filter((c) => c.use === null || /oauthtokenissuer/i.test(c.use));
  if (oauthCerts.length === 0) {
    const uses = [...new Set(certificates.map((c) => shown(c.use ?? '', 40)))].join(', ');
    return judged(
      reject(
        'thumbprint-mismatch',
        `The listing shows no OAuthTokenIssuer certificate (only ${uses}): ${ctx.server} does not have the certificate yet. Run Get-CsCertificate -Type OAuthTokenIssuer once replication has caught up, or remediate.`,
      ),
    );
  }
  const named = new Set(oauthCerts.map((c) => c.previousThumbprint).filter((t): t is string => t !== null));
  const current = oauthCerts
    .filter((c) => c.thumbprint !== null && !named.has(c.thumbprint))
    .map((c) => c.thumbprint as string);
  const previous = [
    ...named,
    ...oauthCerts.filter((c) => c.thumbprint !== null && named.has(c.thumbprint)).map((c) => c.thumbprint as string),
  ];
  if (current.length === 0) {
    const cut = oauthCerts.find((c) => c.thumbprintText !== null && isTruncatedCell(c.thumbprintText));
    if (cut !== undefined || raws.some((r) => r.atEnd && r.get('Thumbprint') === undefined)) {
      return judged(
        reject(
          'incomplete',
          'The listing shows no whole thumbprint: the paste looks cut off, or the table shortened it. Run Get-CsCertificate -Type OAuthTokenIssuer | Format-List and paste the whole output.',
        ),
      );
    }
    return judged(
      reject(
        'unrecognised',
        'No thumbprint of 40 hexadecimal digits could be read in the listing. Paste the output of Get-CsCertificate -Type OAuthTokenIssuer as the console shows it.',
      ),
    );
  }
  if (!current.includes(assigned)) {
    const seen = current.join(', ');
    if (previous.includes(assigned)) {
      return judged(
        reject(
          'thumbprint-mismatch',
          `The recorded certificate ${assigned} shows only as the previous OAuthTokenIssuer certificate on ${ctx.server}; the current one is ${seen}. A newer certificate has been assigned since: record that assignment, or paste the replication status instead.`,
        ),
      );
    }
    return judged(
      reject(
        'thumbprint-mismatch',
        `${ctx.server} shows the OAuthTokenIssuer certificate ${seen}, not ${assigned} assigned on ${oauth.server}: its local store does not hold the assignment yet. Bring the local store up to date (remediate), then run Get-CsCertificate -Type OAuthTokenIssuer again.`,
      ),
    );
  }
  // The assigning Front End always shows the certificate: a listing that does not say whose it is proves nothing about this server.
  if (!machines.some((m) => matchServer(m, ctx.server) !== 'other') && !promptNamesServer(hosts, ctx.server)) {
    return judged(
      reject(
        'no-machine',
        `The listing shows the assigned certificate ${assigned}, but it does not name the machine it came from (no PSComputerName, and no prompt naming ${ctx.server}), so it could be another server's, such as ${oauth.server}, where the certificate always shows. ${ownViewAdvice(ctx.server, 'Get-CsCertificate -Type OAuthTokenIssuer')}`,
      ),
    );
  }
  const proof = {
    server: ctx.server,
    thumbprints: [assigned, ...new Set(current.filter((t) => t !== assigned))].slice(0, 16),
  };
  return judged(
    acceptProof(
      proof,
      ctx,
      reject('thumbprint-mismatch', `The listing could not be matched to the recorded certificate ${assigned}.`),
    ),
  );
}
