/** The scripts of the checklist items that wait for CMS replication (path B, and path C's first item). */
import { cmsFrontEnds, findServer, type Server } from '../model/deployment';
import { sameFqdn } from '../model/fqdn';
import { itemScript, naming } from './item-script';
import { cmd, comment, concat, lines, ps, v } from './render';
import type { CheckedContext, ScriptsResult } from './script';
import { parseUtc, say } from './snippets';

/**
 * Path B, item 2: the CMS pool's replication services run (D1). The Master Replicator Agent and the File
 * Transfer Agent replicate, not the Front-End service; -CentralManagementStoreStatus names the active
 * ones, and when they are empty the Central Management Server is not available.
 */
export function replicationServices(ctx: CheckedContext, server: Server, host: Server): ScriptsResult {
  const name = naming('B', 'replication-services');
  const frontEnds = cmsFrontEnds(ctx.deployment).map((s) => s.fqdn);
  if (frontEnds.length === 0)
    return {
      ok: false,
      errors: ['The CMS pool has no servers in this deployment; add its Front End or Standard Edition servers.'],
    };
  return itemScript(
    ctx,
    name,
    server,
    host,
    {
      where: 'internal',
      success:
        'it shows an ActiveMasterFqdn and ActiveFileTransferAgents, and ends with "Done:". Paste its output as evidence for this item.',
      notes: [
        'Replication is the work of the Master Replicator Agent and the File Transfer Agent on the CMS pool,',
        'not of the Front-End service (RTCSRV). The service names MASTER and FTA come from a community service',
        'map (unconfirmed by Microsoft), so their states are shown for information only.',
      ],
    },
    lines(
      ps`$CmsStatus = ${cmd('Get-CsManagementStoreReplicationStatus', { CentralManagementStoreStatus: true })}`,
      ps`${cmd('Format-List', { InputObject: v('CmsStatus'), Property: '*' })}`,
      ps`$CmsPoolServers = ${frontEnds}`,
      ps`foreach ($FrontEnd in $CmsPoolServers) {`,
      ps`    foreach ($ServiceName in @('MASTER', 'FTA')) {`,
      ps`        try {`,
      ps`            $State = [string](${cmd('Get-CsWindowsService', { Name: v('ServiceName'), ComputerName: v('FrontEnd') })}).Status`,
      ps`        } catch {`,
      ps`            $State = 'not reachable (' + $_.Exception.Message + ')'`,
      ps`        }`,
      ps`        ${say(v('FrontEnd'), ': ', v('ServiceName'), ' ', v('State'))}`,
      ps`    }`,
      ps`}`,
      ps`if ([string]::IsNullOrWhiteSpace([string]$CmsStatus.ActiveMasterFqdn) -or @($CmsStatus.ActiveFileTransferAgents).Count -eq 0) {`,
      ps`    throw 'The Central Management Server is not available: no active Master Replicator Agent or File Transfer Agent. Start the CMS pool (its pool start), then run this script again; or use path A or C.'`,
      ps`}`,
      say('Done: the Master Replicator Agent runs on ', ps`$CmsStatus.ActiveMasterFqdn`, '.'),
    ),
  );
}

/** Paths A and B: the Replica Replicator Agent runs on this server (after an import, so later changes keep arriving). */
export function startAgent(ctx: CheckedContext, server: Server, path: 'A' | 'B'): ScriptsResult {
  const name = naming(path, 'start-agent');
  const display = ctx.product.replicaServiceDisplayName;
  return itemScript(
    ctx,
    name,
    server,
    server,
    {
      where: 'this-server',
      success: `it ends with "Done: the ${display} (REPLICA) is Running".`,
      notes: ['Uses the service name REPLICA, as the Cs service cmdlets expect.'],
    },
    lines(
      ps`if ([string](${cmd('Get-Service', { Name: 'REPLICA' })}).Status -ne 'Running') { ${cmd('Start-CsWindowsService', { Name: 'REPLICA' }, 'Name')} }`,
      ps`$AgentState = [string](${cmd('Get-Service', { Name: 'REPLICA' })}).Status`,
      ps`if ($AgentState -ne 'Running') {`,
      ps`    throw (${concat(`The ${display} (REPLICA) is `, v('AgentState'), ', not Running. Look in the System event log for why it did not start.')})`,
      ps`}`,
      say(`Done: the ${display} (REPLICA) is Running.`),
    ),
  );
}

/** Path B, item 4: event 3038 after the OAuth assignment, waited for. */
export function waitFor3038(ctx: CheckedContext, server: Server): ScriptsResult {
  const name = naming('B', 'event-3038');
  const since = ctx.oauth?.at ?? null;
  return itemScript(
    ctx,
    name,
    server,
    server,
    {
      where: 'this-server',
      success: 'it ends with "Done: event 3038" and the time it was logged.',
      notes: [
        'Event 3038 is the ID the field report gives for "the CMS has replicated to this server"; Microsoft\'s',
        'documentation does not confirm it, so the verification script also checks the replication status.',
      ],
    },
    lines(
      ps`$TimeoutMinutes = ${ctx.waitMinutes}`,
      ...(since === null
        ? [ps`$EventFilter = @{ LogName = 'Lync Server'; Id = 3038 }`]
        : [
            parseUtc('AssignedAt', since),
            comment('Only an event after the OAuth assignment shows the certificate has arrived.'),
            ps`$EventFilter = @{ LogName = 'Lync Server'; Id = 3038; StartTime = $AssignedAt.ToLocalTime() }`,
          ]),
      comment(
        'Ask for a full replication to this server. From an Edge Server this cannot reach the CMS; replication still comes by itself.',
      ),
      ps`try { ${cmd('Invoke-CsManagementStoreReplication', { ReplicaFqdn: v('Server') })} } catch { ${say('Could not ask for a replication from here (', ps`$_.Exception.Message`, '); waiting anyway.')} }`,
      ps`$Deadline = (${cmd('Get-Date')}).AddMinutes($TimeoutMinutes)`,
      ps`$Newest = $null`,
      ps`$LastAnswer = ''`,
      ps`while ($null -eq $Newest) {`,
      ps`    try {`,
      ps`        $Newest = @(${cmd('Get-WinEvent', { FilterHashtable: v('EventFilter'), MaxEvents: 1 }, 'HashQuerySet')})[0]`,
      ps`    } catch {`,
      ps`        $Newest = $null`,
      ps`        $LastAnswer = $_.Exception.Message`,
      ps`    }`,
      ps`    if ($null -eq $Newest) {`,
      ps`        if ((${cmd('Get-Date')}) -ge $Deadline) {`,
      ps`            throw (${concat('No event 3038 in the Lync Server event log after ', v('TimeoutMinutes'), ' minutes (last answer: ', v('LastAnswer'), '). Check that a Front End of the CMS pool runs and that REPLICA runs here, then run this script again, or use path A.')})`,
      ps`        }`,
      ps`        ${say('Waiting for event 3038...')}`,
      ps`        ${cmd('Start-Sleep', { Seconds: 15 }, 'Seconds')}`,
      ps`    }`,
      ps`}`,
      say(
        'Done: event 3038 was logged at ',
        ps`$Newest.TimeCreated.ToString('yyyy-MM-dd HH:mm:ss')`,
        " (this server's time): the CMS has replicated to this server.",
      ),
    ),
  );
}

/**
 * Path C, item 1: the Central Management Store holds the assignment (D7): the global scope shows the
 * recorded thumbprint. Run where the CMS is reachable, preferably the server that assigned it.
 */
export function cmsHoldsAssignment(ctx: CheckedContext, server: Server, host: Server): ScriptsResult {
  const name = naming('C', 'cms-holds-assignment');
  const assigner = ctx.oauth === null ? undefined : findServer(ctx.deployment, ctx.oauth.server);
  const runOn =
    assigner !== undefined && assigner.role !== 'edge' && !sameFqdn(assigner.fqdn, server.fqdn) ? assigner : host;
  const expected = ctx.oauth?.thumbprint ?? null;
  return itemScript(
    ctx,
    name,
    server,
    runOn,
    {
      where: 'internal',
      success:
        expected === null
          ? 'it lists the global OAuthTokenIssuer certificate and ends with "Done:".'
          : 'it ends with "Done:" and names the recorded thumbprint.',
      notes: [
        'Reads the certificate configured at the global scope (Get-CsCertificate -Identity global). Whether this',
        'reads the CMS or the local copy of the computer it runs on is not confirmed by Microsoft: run it on a',
        'server whose store is current, such as the one that assigned the certificate.',
      ],
    },
    lines(
      ps`$Global = @(${cmd('Get-CsCertificate', { Identity: 'global', Type: 'OAuthTokenIssuer' })})`,
      ps`if ($Global.Count -eq 0) {`,
      ps`    throw 'No OAuthTokenIssuer certificate is configured at the global scope here. Check that it was assigned (Step 3 on the first Front End), and run this on a server whose store is current.'`,
      ps`}`,
      ps`foreach ($Certificate in $Global) { ${say('Global OAuthTokenIssuer certificate ', ps`$Certificate.Thumbprint`, ', expires ', ps`$Certificate.NotAfter`)} }`,
      ...(expected === null
        ? []
        : [
            ps`$Expected = ${expected}`,
            ps`$Found = $false`,
            ps`foreach ($Certificate in $Global) { if ([string]$Certificate.Thumbprint -eq $Expected) { $Found = $true } }`,
            ps`if (-not $Found) {`,
            ps`    throw (${concat('The global scope does not hold the recorded certificate (thumbprint ', v('Expected'), '). Check which certificate was assigned before going on.')})`,
            ps`}`,
          ]),
      say(
        'Done: the Central Management Store holds the OAuthTokenIssuer assignment. Run Step 1 again on the stale server (next item).',
      ),
    ),
  );
}
