// The field report driven through a session as test/core/session/field-report.test.ts does, plus
// what the runbook shows that the machines ignore: scripts copied and evidence pasted (accepted and
// rejected, with what was read), and an override on the Director. Shared by the golden tests and
// the end-to-end print test.
import type { EvidenceContext } from '../../../renderer/core/evidence';
import { judgeEvidence, toEvidenceInput } from '../../../renderer/core/evidence';
import { buildScripts, type ScriptRequest } from '../../../renderer/core/powershell';
import type { DeploymentSession } from '../../../renderer/core/session/session';
import { fieldReportSession, type ManualClock, must, THUMBPRINT } from '../support/deployments';

const FE = ['fe01.contoso.local', 'fe02.contoso.local', 'fe03.contoso.local'] as const;
const DIR = 'dir01.contoso.local';

/** When the runbook is exported in the golden files. */
export const EXPORTED_AT = '2013-03-15T09:00:00.000Z';

/** The field report's own replication status: the run on fe02 before replication, dated 2012. */
export const STALE_PASTE = `PS C:\\Users\\admin> Get-CsManagementStoreReplicationStatus

UpToDate           : True
ReplicaFqdn        :
LastStatusReport   : 11/24/2012 8:15:36 PM
LastUpdateCreation : 11/24/2012 8:08:05 PM
ProductVersion     : 5.0.8308.0
`;

/** fe02 after replication: last update 14 Mar 2013 4:02 AM in Los Angeles (11:02 UTC). */
export const CURRENT_PASTE = `PS C:\\Users\\admin> Get-CsManagementStoreReplicationStatus -ReplicaFqdn fe02.contoso.local

UpToDate           : True
ReplicaFqdn        : fe02.contoso.local
LastStatusReport   : 3/14/2013 4:04:10 AM
LastUpdateCreation : 3/14/2013 4:02:00 AM
ProductVersion     : 5.0.8308.0
`;

/** fe03 after the import: the OAuthTokenIssuer certificate its local store now shows, in a remote session on it. */
export const CERTIFICATE_PASTE = `[fe03.contoso.local]: PS C:\\Users\\admin\\Documents> Get-CsCertificate -Type OAuthTokenIssuer

Issuer             : CN=contoso-DC01-CA, DC=contoso, DC=local
NotAfter           : 3/14/2015 9:00:00 AM
NotBefore          : 3/14/2013 9:00:00 AM
Subject            : CN=contoso.com
Thumbprint         : ${THUMBPRINT}
Use                : OAuthTokenIssuer
`;

function copyScript(session: DeploymentSession, server: string, request: ScriptRequest): void {
  const oauth = session.snapshot().context.oauth;
  const built = buildScripts({ deployment: session.deployment()!, oauth }, server, request);
  if (!built.ok) throw new Error(built.errors.join(' '));
  for (const script of built.scripts) {
    must(session, {
      type: 'script.copied',
      server,
      ...(script.server !== server ? { runOn: script.server } : {}),
      scriptId: script.id,
      title: script.title,
      text: script.text,
    });
  }
}

function paste(session: DeploymentSession, server: string, text: string): void {
  const ctx: EvidenceContext = {
    server,
    oauth: session.snapshot().context.oauth,
    locale: 'en-US',
    localeChosen: true,
    timeZone: 'America/Los_Angeles',
    zoneChosen: true,
  };
  const judgement = judgeEvidence(text, ctx);
  const input = toEvidenceInput(judgement, text, ctx);
  if (judgement.verdict.accepted)
    must(session, { type: 'evidence.accepted', server, proof: judgement.verdict.proof, input });
  else must(session, { type: 'evidence.rejected', server, input, reason: judgement.verdict.message });
}

/** The field report's deployment after the field report, with operator j.smith and a manual clock. */
export function fieldReportRunbookSession(): DeploymentSession {
  return fieldReportRunbook().session;
}

/** The same, with the clock, for a test that goes on working after the field report. */
export function fieldReportRunbook(): { session: DeploymentSession; clock: ManualClock } {
  const { session, clock } = fieldReportSession();
  clock.set('2013-03-13T08:30:00.000Z');
  must(session, {
    type: 'change.recorded',
    change: {
      id: 'CHG-0314',
      windowStart: '2013-03-13T08:00:00.000Z',
      windowEnd: '2013-03-14T18:00:00.000Z',
      implementers: ['j.smith', 'k.lee'],
      approver: 'm.jones',
      rollback: 'Remove the new pool from the topology and publish it again; the certificate assignment stays.',
    },
  });

  clock.set('2013-03-13T09:00:00.000Z');
  for (const fe of FE) must(session, { type: 'step.completed', server: fe, step: 1 });
  must(session, { type: 'step.completed', server: DIR, step: 1 });
  clock.set('2013-03-13T11:00:00.000Z');
  for (const fe of FE) must(session, { type: 'step.completed', server: fe, step: 2 });
  must(session, { type: 'step.completed', server: DIR, step: 2 });

  // Step 3 on fe01 assigns the OAuthTokenIssuer certificate.
  clock.set('2013-03-14T10:00:00.000Z');
  copyScript(session, FE[0], { kind: 'step', step: 3 });
  must(session, { type: 'step.completed', server: FE[0], step: 3, thumbprint: THUMBPRINT });

  // Path B on fe02 cannot go first: fe02 is one of the three members the new CMS pool needs for its
  // first start. The switch to path A is recorded.
  clock.set('2013-03-14T10:10:00.000Z');
  must(session, { type: 'remediation.chosen', server: FE[1], path: 'B' });
  must(session, { type: 'remediation.chosen', server: FE[1], path: 'A' });
  clock.set('2013-03-14T10:45:00.000Z');
  must(session, { type: 'remediation.item.completed', server: FE[1], path: 'A', item: 'export' });
  copyScript(session, FE[1], { kind: 'remediation', path: 'A', item: 'import' });
  must(session, { type: 'remediation.item.completed', server: FE[1], path: 'A', item: 'import' });
  copyScript(session, FE[1], { kind: 'remediation', path: 'A', item: 'start-agent' });
  must(session, { type: 'remediation.item.completed', server: FE[1], path: 'A', item: 'start-agent' });
  // The field report's own output is from before the assignment: rejected. The next run is accepted.
  clock.set('2013-03-14T11:05:00.000Z');
  paste(session, FE[1], STALE_PASTE);
  paste(session, FE[1], CURRENT_PASTE);

  // Path A on fe03, proved by the certificate its local store shows.
  must(session, { type: 'remediation.chosen', server: FE[2], path: 'A' });
  must(session, { type: 'remediation.item.completed', server: FE[2], path: 'A', item: 'export' });
  copyScript(session, FE[2], { kind: 'remediation', path: 'A', item: 'import' });
  must(session, { type: 'remediation.item.completed', server: FE[2], path: 'A', item: 'import' });
  must(session, { type: 'remediation.item.completed', server: FE[2], path: 'A', item: 'start-agent' });
  paste(session, FE[2], CERTIFICATE_PASTE);

  clock.set('2013-03-14T12:00:00.000Z');
  for (const fe of [FE[1], FE[2]]) must(session, { type: 'step.completed', server: fe, step: 3 });
  // The pool's first start: all three members together.
  clock.set('2013-03-14T12:10:00.000Z');
  copyScript(session, FE[0], { kind: 'pool-start', servers: [...FE] });
  must(session, { type: 'pool.started', pool: 'fepool.contoso.local', servers: [...FE] });

  // The Director's store is stale too; a second operator overrides after importing by hand.
  clock.set('2013-03-14T12:30:00.000Z');
  must(session, {
    type: 'override.recorded',
    server: DIR,
    reason:
      'Configuration imported by hand with Import-CsConfiguration -LocalStore;\nthe Certificate Wizard on dir01 shows the OAuthTokenIssuer certificate.',
    change: 'CHG-0314',
    operator: 'k.lee',
  });
  // Step 3 on dir01 is entered afterwards, with the time it was done: a back-dated entry.
  clock.set('2013-03-14T12:50:00.000Z');
  must(session, { type: 'step.completed', server: DIR, step: 3, operator: 'k.lee', at: '2013-03-14T12:35:00.000Z' });
  // The approver signs off what was done so far.
  clock.set('2013-03-14T13:00:00.000Z');
  must(session, { type: 'change.signed', by: 'm.jones', as: 'approver', operator: 'm.jones' });
  return { session, clock };
}
