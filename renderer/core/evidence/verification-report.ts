/**
 * The verdict on a validated verification report (replication-and-pools D3, D4, D6, D8): the server's
 * own view decides (the assigned thumbprint in its Get-CsCertificate, and in version 2 the certificate
 * in its machine store with its private key); the CMS master's record may only lag (a warning) where
 * that view proves the certificate; event 3038 only corroborates.
 */
import type { EvidenceProof } from '../events/schema';
import { sameFqdn } from '../model/fqdn';
import { epochMs } from '../model/time';
import { normalizeThumbprint } from './certificate';
import { shown } from './console-text';
import type { EvidenceContext, EvidenceVerdict, VerificationReport } from './judgement';
import { acceptProof, assignmentText, noAssignment, reject } from './verdict';

/** How far a time in the output may run ahead of the script's own clock reading (clocks differ a little). */
const CLOCK_SKEW_MS = 5 * 60_000;

/** Judges a report for `ctx.server` against the recorded assignment; warnings are pushed onto `warnings`. */
export function judgeReport(r: VerificationReport, ctx: EvidenceContext, warnings: string[]): EvidenceVerdict {
  const oauth = ctx.oauth;
  if (oauth === null) return noAssignment();
  if (!sameFqdn(r.server, r.expected)) {
    return reject(
      'another-server',
      `The script was made for ${shown(r.expected)} but ran on ${shown(r.server)}. Run it on ${shown(r.expected)} and paste its output.`,
    );
  }
  if (!sameFqdn(r.expected, ctx.server)) {
    return reject(
      'another-server',
      `This is the verification output of ${shown(r.expected)}, not of ${ctx.server}. Run ${ctx.server}'s verification script on ${ctx.server} and paste its output.`,
    );
  }
  const assigned = epochMs(oauth.at);
  if (epochMs(r.time) <= assigned) {
    return reject(
      'before-assignment',
      `The script ran at ${r.time}, not after ${assignmentText(oauth)}, so it cannot show the assignment arrived. Run the verification script again and paste the new output.`,
    );
  }
  const rep = r.replication;
  const thumbprints = r.oauthThumbprints.map((t) => normalizeThumbprint(t)).filter((t): t is string => t !== null);
  const recorded =
    oauth.thumbprint === null ? null : (normalizeThumbprint(oauth.thumbprint) ?? oauth.thumbprint.toUpperCase());
  if (r.replicaService !== null && r.replicaService !== 'Running')
    warnings.push(
      r.replicaService === 'StartPending'
        ? `The Replica Replicator Agent (REPLICA) is still starting on ${ctx.server} (StartPending).`
        : `The Replica Replicator Agent (REPLICA) is ${r.replicaService} on ${ctx.server}: its local store will not follow later changes until it runs (Start-CsWindowsService -Name REPLICA).`,
    );

  // Times in the output may not run ahead of the script's own clock (they were changed, or a clock is wrong).
  const ranAt = epochMs(r.time);
  // LastStatusReport is stamped by the CMS master's clock and proves nothing here: only the local times are checked.
  const times = [rep?.lastUpdateCreation ?? null, r.event3038].filter((t): t is string => t !== null);
  const future = times.find((t) => epochMs(t) > ranAt + CLOCK_SKEW_MS);
  if (future !== undefined) {
    return reject(
      'unrecognised',
      `The output holds a time (${future}) later than when the script ran (${r.time}): it was changed after the script printed it, or the server's clock is wrong. Run the verification script again and paste its output unchanged.`,
    );
  }

  // The server's own view decides (replication-and-pools D3): what Get-CsCertificate shows on it.
  if (thumbprints.length === 0) {
    return reject(
      'none-visible',
      `No OAuthTokenIssuer certificate is visible on ${ctx.server}: its local store is still stale${recorded === null ? '' : ` (${recorded} was assigned on ${oauth.server})`}. Bring it up to date (path A, B or C), then run the verification script again.`,
    );
  }
  if (recorded !== null && !thumbprints.includes(recorded)) {
    return reject(
      'thumbprint-mismatch',
      `${ctx.server} shows the OAuthTokenIssuer certificate ${thumbprints.join(', ')}, not ${recorded} assigned on ${oauth.server}. Bring its local store up to date, then run the verification script again.`,
    );
  }
  const ownView = recorded !== null;
  if (ownView && r.certificates !== null) {
    const inStore = r.certificates.find((c) => c.thumbprint === recorded);
    if (inStore === undefined || !inStore.inStore) {
      return reject(
        'not-in-store',
        `${ctx.server}'s configuration names the OAuthTokenIssuer certificate ${recorded}, but its machine store (Cert:\\LocalMachine\\My) does not hold it, so its services cannot use it yet. The CMS's replication deploys the certificate to the Front End Servers by scheduled tasks: wait a few minutes and run the verification script again; if it stays missing, import the certificate with its private key on ${ctx.server}.`,
      );
    }
    if (inStore.hasPrivateKey === false) {
      return reject(
        'not-in-store',
        `${ctx.server}'s machine store holds the OAuthTokenIssuer certificate ${recorded} without its private key, so its services cannot sign with it. Import it again with its private key (a .pfx), then run the verification script again.`,
      );
    }
    if (inStore.keySize !== null && inStore.keySize < 2048)
      warnings.push(
        `The OAuthTokenIssuer certificate's key has ${inStore.keySize} bits; the server-to-server guidance asks for at least 2048.`,
      );
    if (inStore.notAfter !== null && epochMs(inStore.notAfter) <= ranAt)
      warnings.push(`The OAuthTokenIssuer certificate expired at ${inStore.notAfter}: renew it.`);
  } else if (ownView) {
    warnings.push(
      `This output is from an older verification script (schemaVersion 1): it does not show whether the certificate is in ${ctx.server}'s machine store with its private key. Run the verification script this app generates to check that too.`,
    );
  }

  // The CMS master's record of this replica: it lags behind a direct import and turns False for any newer change.
  const luc = rep?.lastUpdateCreation ?? null;
  const updateAfter = luc !== null && epochMs(luc) > assigned;
  if (rep?.upToDate === false) {
    if (!(ownView && updateAfter)) {
      return reject(
        'not-up-to-date',
        `The CMS master's record says ${ctx.server} is UpToDate False${luc === null ? ' with no last update' : ` with its last update at ${luc}, not after the assignment`}: its local store has not caught up. Make sure the CMS pool runs and the Replica Replicator Agent is started on ${ctx.server}, wait, and run the verification script again.`,
      );
    }
    warnings.push(
      `The CMS master's record says UpToDate False with a last update (${luc}) after the assignment: a newer change is pending for ${ctx.server}, or its Replica Replicator Agent has not reported since the store was imported directly. The server's own view shows the assigned certificate, which is what Step 3 needs; keep REPLICA running so the record catches up.`,
    );
  } else if (luc !== null && !updateAfter) {
    if (!ownView) {
      return reject(
        'before-assignment',
        `The last update of ${ctx.server}'s local store (${luc}) is not after ${assignmentText(oauth)}: it does not hold the certificate yet. Wait for replication (or remediate) and run the verification script again.`,
      );
    }
    const read = rep?.lastUpdateRead ?? null;
    const straddles =
      read !== null &&
      [read.asUtc, read.asLocal].some((t) => t !== null && epochMs(t) > assigned) &&
      [read.asUtc, read.asLocal].some((t) => t !== null && epochMs(t) <= assigned);
    // The recorded assignment time is when Step 3 was marked done, often minutes after the CMS took
    // the certificate: a store updated in between shows the assigned thumbprint with an older update.
    warnings.push(
      straddles
        ? `LastUpdateCreation ${read.text} carries no zone (DateTimeKind ${read.kind ?? '?'}): of its two readings (as UTC, and as the server's local time) one is after the assignment and one is not, so it is left out; the server's own view shows the assigned certificate, which decides.`
        : `The last update of ${ctx.server}'s local store (${luc}) is not after the recorded assignment time, but the store shows the assigned thumbprint: the certificate reached it before Step 3 was marked done.`,
    );
  }

  const proof: EvidenceProof = { server: ctx.server, thumbprints };
  if (rep !== null && rep.upToDate !== null) proof.upToDate = rep.upToDate;
  if (updateAfter) proof.lastUpdate = luc;
  // Event 3038's meaning is reported, not documented: corroboration only; an old one is noted.
  if (r.event3038 !== null && epochMs(r.event3038) > assigned) proof.event3038At = r.event3038;
  else if (r.event3038 !== null)
    warnings.push(`The newest event 3038 on ${ctx.server} (${r.event3038}) is not after the assignment.`);

  const otherwise = reject(
    'incomplete',
    `No thumbprint is recorded for the assignment, so ${ctx.server}'s own view cannot be compared with it, and the CMS master's record does not show UpToDate True with a last update after it (event 3038 is not enough alone). Record the thumbprint from the deployment facts ("Record its thumbprint…"), or run the verification script again once replication has run.`,
  );
  return acceptProof(proof, ctx, otherwise);
}
