/**
 * The verdict on a validated verification report: every part must agree that the server's local
 * store holds the assigned OAuthTokenIssuer certificate, or the report is rejected.
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
  if (r.replicaService === 'Stopped')
    warnings.push(
      `The Replica Replicator Agent (REPLICA) is stopped on ${ctx.server}: its local store will not follow later changes until it is started.`,
    );

  // Every part must agree: one part that says the store is not current refutes the whole report.
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
  if (rep?.upToDate === false) {
    return reject(
      'not-up-to-date',
      `${ctx.server} reports UpToDate False: its local store has not caught up with the CMS. Make sure a Front End of the CMS pool runs and the Replica Replicator Agent is started on ${ctx.server}, wait, and run the verification script again.`,
    );
  }
  // The recorded assignment time is when Step 3 was marked done, often minutes after the CMS took
  // the certificate: a store updated in between shows the assigned thumbprint with an older update.
  const holdsRecorded = recorded !== null && thumbprints.includes(recorded);
  const updateBefore = rep?.lastUpdateCreation != null && epochMs(rep.lastUpdateCreation) <= assigned;
  if (updateBefore && holdsRecorded) {
    warnings.push(
      `The last update of ${ctx.server}'s local store (${rep?.lastUpdateCreation}) is not after the recorded assignment time, but the store shows the assigned thumbprint: the certificate reached it before Step 3 was marked done.`,
    );
  } else if (updateBefore) {
    return reject(
      'before-assignment',
      `The last update of ${ctx.server}'s local store (${rep.lastUpdateCreation}) is not after ${assignmentText(oauth)}: it does not hold the certificate yet. Wait for replication (or remediate) and run the verification script again.`,
    );
  }
  if (recorded !== null && r.oauthThumbprints.length === 0) {
    return reject(
      'thumbprint-mismatch',
      `${ctx.server} shows no OAuthTokenIssuer certificate, while ${recorded} was assigned on ${oauth.server}: its local store does not hold it yet. Bring it up to date, then run the verification script again.`,
    );
  }
  if (recorded !== null && !thumbprints.includes(recorded)) {
    return reject(
      'thumbprint-mismatch',
      `${ctx.server} shows the OAuthTokenIssuer certificate ${thumbprints.join(', ')}, not ${recorded} assigned on ${oauth.server}. Bring its local store up to date, then run the verification script again.`,
    );
  }

  const proof: EvidenceProof = { server: ctx.server };
  if (rep !== null && rep.upToDate !== null) proof.upToDate = rep.upToDate;
  if (rep !== null && rep.lastUpdateCreation !== null && !updateBefore) proof.lastUpdate = rep.lastUpdateCreation;
  if (thumbprints.length > 0) proof.thumbprints = thumbprints;
  // Event 3038's meaning is reported, not documented: an old one is noted, not held against the report.
  if (r.event3038 !== null && epochMs(r.event3038) > assigned) proof.event3038At = r.event3038;
  else if (r.event3038 !== null)
    warnings.push(`The newest event 3038 on ${ctx.server} (${r.event3038}) is not after the assignment.`);

  const noThumbprint =
    recorded === null
      ? ' (no thumbprint is recorded for the assignment to compare with: record it from the deployment facts, "Record its thumbprint…")'
      : '';
  const otherwise = reject(
    'incomplete',
    `The output shows no replication status with a last update, no matching thumbprint${noThumbprint} and no event 3038 after the assignment, so nothing proves ${ctx.server} holds it. Run the verification script again once replication has run.`,
  );
  return acceptProof(proof, ctx, otherwise);
}
