/** The scripts of the checklist items that wait for CMS replication (path B, and path C's first item). */
import { cmsFrontEnds, findServer, type Server } from '../model/deployment';
import { sameFqdn } from '../model/fqdn';
import { itemScript, naming } from './item-script';
import { cmd, comment, concat, lines, ps, v } from './render';
import type { CheckedContext, ScriptsResult } from './script';
import { parseUtc, say } from './snippets';

/** Path B, item 1: a Front End of the CMS pool runs (checked on each of them). */
export function cmsRunning(ctx: CheckedContext, server: Server, host: Server): ScriptsResult {
  const name = naming('B', 'cms-running');
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
        'at least one Front End of the CMS pool shows its Front-End service (RTCSRV) Running, and it ends with "Done:".',
    },
    lines(
      ps`$CmsPoolServers = ${frontEnds}`,
      ps`$Running = 0`,
      ps`foreach ($FrontEnd in $CmsPoolServers) {`,
      ps`    try {`,
      ps`        $State = [string](${cmd('Get-CsWindowsService', { Name: 'RTCSRV', ComputerName: v('FrontEnd') })}).Status`,
      ps`    } catch {`,
      ps`        $State = 'not reachable (' + $_.Exception.Message + ')'`,
      ps`    }`,
      ps`    ${say(v('FrontEnd'), ': Front-End service (RTCSRV) ', v('State'))}`,
      ps`    if ($State -eq 'Running') { $Running = $Running + 1 }`,
      ps`}`,
      ps`if ($Running -eq 0) {`,
      ps`    throw 'No Front End of the CMS pool runs its Front-End service yet. Finish Step 4 (Start Services) on one of them first: replication needs it.'`,
      ps`}`,
      say('Done: ', v('Running'), ' Front End(s) of the CMS pool are running.'),
    ),
  );
}

/** Path B, item 2: the Replica Replicator Agent runs on this server. */
export function startAgent(ctx: CheckedContext, server: Server): ScriptsResult {
  const name = naming('B', 'start-agent');
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

/** Path B, item 3: event 3038 after the OAuth assignment, waited for. */
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

/** Path C, item 1: the servers that hold the certificate report their replicas up to date. */
export function replicationComplete(ctx: CheckedContext, server: Server, host: Server): ScriptsResult {
  const name = naming('C', 'replication-complete');
  const oauthHost = ctx.oauth === null ? undefined : findServer(ctx.deployment, ctx.oauth.server);
  const required = (
    oauthHost !== undefined && oauthHost.role !== 'edge' && !sameFqdn(oauthHost.fqdn, server.fqdn)
      ? [oauthHost]
      : cmsFrontEnds(ctx.deployment).filter((s) => !sameFqdn(s.fqdn, server.fqdn))
  ).map((s) => s.fqdn);
  const since = ctx.oauth?.at ?? null;
  return itemScript(
    ctx,
    name,
    server,
    host,
    {
      where: 'internal',
      success: 'each server it lists shows UpToDate True, and it ends with "Done:".',
      notes: [
        'Replication has completed when the servers that already hold the certificate report up to date,',
        'with a last update created after the OAuth assignment.',
      ],
    },
    lines(
      ps`$Required = ${required}`,
      ...(since === null ? [] : [parseUtc('AssignedAt', since)]),
      ps`$Behind = @()`,
      ps`foreach ($Replica in $Required) {`,
      ps`    $States = @(${cmd('Get-CsManagementStoreReplicationStatus', { ReplicaFqdn: v('Replica') })})`,
      ps`    if ($States.Count -eq 0) { ${say(v('Replica'), ': no replication status')}; $Behind += $Replica; continue }`,
      ps`    $State = $States[0]`,
      ps`    ${say(v('Replica'), ': UpToDate ', ps`$State.UpToDate`, ', last update created ', ps`$State.LastUpdateCreation`)}`,
      ps`    $Done = ($State.UpToDate -eq $true)`,
      ...(since === null
        ? []
        : [
            ps`    $Done = $Done -and ($null -ne $State.LastUpdateCreation) -and (([datetime]$State.LastUpdateCreation).ToUniversalTime() -gt $AssignedAt)`,
          ]),
      ps`    if (-not $Done) { $Behind += $Replica }`,
      ps`}`,
      ps`if ($Behind.Count -gt 0) {`,
      ps`    throw (${concat('Replication has not completed yet on ', ps`$Behind -join ', '`, '. Wait a few minutes and run this script again.')})`,
      ps`}`,
      say('Done: replication has completed. Run Step 1 again on the stale server (next item).'),
    ),
  );
}
