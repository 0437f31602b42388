import { unreachable } from '../model/exhaustive';
import { checklistItem, itemPosition, type ChecklistItemId, type RemediationPath } from '../model/remediation';
import { cmsFrontEnds, findServer, type Server } from '../model/deployment';
import { sameFqdn } from '../model/fqdn';
import { cmd, comment, concat, lines, ps, v, type Fragment } from './render';
import { makeScript, type CheckedContext, type Header, type ScriptsResult } from './script';
import { importFromCms, parseUtc, say } from './snippets';
import { fileRouteScripts, step1Scripts } from './step-scripts';
import { verificationScript } from './verify-script';

/** The id and title of a checklist item's script, e.g. "A-import" and "Path A, item 2 of 3: …". */
function naming(path: RemediationPath, item: ChecklistItemId): { id: string; title: string } {
  const { index, count } = itemPosition(path, item);
  const title = checklistItem(path, item)?.title ?? item;
  return { id: `${path}-${item}`, title: `Path ${path}, item ${index + 1} of ${count}: ${title}` };
}

/** The server that runs a CMS query for `server`: itself when internal, else the exporting server. */
function queryHost(ctx: CheckedContext, server: Server): Server | null {
  return server.role === 'edge' ? ctx.sourceServer : server;
}

function one(
  ctx: CheckedContext,
  target: Server,
  runOn: Server,
  id: string,
  header: Header,
  body: Fragment,
): ScriptsResult {
  return { ok: true, scripts: [makeScript(ctx, { id, target: target.fqdn, server: runOn.fqdn, header }, body)] };
}

function usesFile(ctx: CheckedContext, server: Server): boolean {
  return server.role === 'edge' || ctx.route === 'file';
}

function pathA(ctx: CheckedContext, server: Server, item: 'export' | 'import'): ScriptsResult {
  const name = naming('A', item);
  if (usesFile(ctx, server)) {
    const route = fileRouteScripts(ctx, server, naming('A', 'export'), naming('A', 'import'), [
      "Imports the exported file into this server's local store (Import-CsConfiguration -LocalStore).",
    ]);
    if (!route.ok) return route;
    const wanted = route.scripts.find((s) => s.id === name.id);
    return wanted === undefined ? route : { ok: true, scripts: [wanted] };
  }
  if (item === 'export') {
    return one(
      ctx,
      server,
      server,
      name.id,
      {
        title: name.title,
        where: 'this-server',
        success: 'it ends with "Done: exported" and a size in bytes.',
        rerunnable: true,
        notes: [
          'Reads the configuration from the Central Management Store into memory: proves this server can reach it.',
          'Nothing is written; the next item imports it.',
        ],
      },
      lines(
        ps`$Config = ${cmd('Export-CsConfiguration', { AsBytes: true }, 'AsBytes')}`,
        ps`if ($null -eq $Config -or $Config.Length -eq 0) {`,
        ps`    throw 'Export-CsConfiguration returned nothing: check that this server can reach the Central Management Store.'`,
        ps`}`,
        say('Done: exported ', ps`$Config.Length`, ' bytes of configuration from the Central Management Store.'),
      ),
    );
  }
  return one(
    ctx,
    server,
    server,
    name.id,
    {
      title: name.title,
      where: 'this-server',
      success: 'it ends with "Done:" and no red error text.',
      rerunnable: true,
      notes: [
        'Exports the configuration from the Central Management Store and imports it into the local store in one step.',
      ],
    },
    lines(
      importFromCms(),
      say(
        'Done: the local configuration store holds the current configuration. Refresh the Certificate Wizard or run Step 3 again.',
      ),
    ),
  );
}

function cmsRunning(ctx: CheckedContext, server: Server, host: Server): ScriptsResult {
  const name = naming('B', 'cms-running');
  const frontEnds = cmsFrontEnds(ctx.deployment).map((s) => s.fqdn);
  if (frontEnds.length === 0)
    return {
      ok: false,
      errors: ['The CMS pool has no servers in this deployment; add its Front End or Standard Edition servers.'],
    };
  return one(
    ctx,
    server,
    host,
    name.id,
    {
      title: name.title,
      where: 'internal',
      success:
        'at least one Front End of the CMS pool shows its Front-End service (RTCSRV) Running, and it ends with "Done:".',
      rerunnable: true,
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

function startAgent(ctx: CheckedContext, server: Server): ScriptsResult {
  const name = naming('B', 'start-agent');
  const display = ctx.product.replicaServiceDisplayName;
  return one(
    ctx,
    server,
    server,
    name.id,
    {
      title: name.title,
      where: 'this-server',
      success: `it ends with "Done: the ${display} (REPLICA) is Running".`,
      rerunnable: true,
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

function waitFor3038(ctx: CheckedContext, server: Server): ScriptsResult {
  const name = naming('B', 'event-3038');
  const since = ctx.oauth?.at ?? null;
  return one(
    ctx,
    server,
    server,
    name.id,
    {
      title: name.title,
      where: 'this-server',
      success: 'it ends with "Done: event 3038" and the time it was logged.',
      rerunnable: true,
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

function replicationComplete(ctx: CheckedContext, server: Server, host: Server): ScriptsResult {
  const name = naming('C', 'replication-complete');
  const oauthHost = ctx.oauth === null ? undefined : findServer(ctx.deployment, ctx.oauth.server);
  const required = (
    oauthHost !== undefined && oauthHost.role !== 'edge' && !sameFqdn(oauthHost.fqdn, server.fqdn)
      ? [oauthHost]
      : cmsFrontEnds(ctx.deployment).filter((s) => !sameFqdn(s.fqdn, server.fqdn))
  ).map((s) => s.fqdn);
  const since = ctx.oauth?.at ?? null;
  return one(
    ctx,
    server,
    host,
    name.id,
    {
      title: name.title,
      where: 'internal',
      success: 'each server it lists shows UpToDate True, and it ends with "Done:".',
      rerunnable: true,
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

/** The script(s) for one checklist item of a remediation path (model/remediation.ts), in run order. */
export function remediationItemScripts(
  ctx: CheckedContext,
  server: Server,
  path: RemediationPath,
  item: ChecklistItemId,
): ScriptsResult {
  if (checklistItem(path, item) === undefined) {
    return { ok: false, errors: [`Path ${path} has no checklist item "${item}".`] };
  }
  // Every item but path A's reads the CMS from an internal server.
  const withHost = (build: (host: Server) => ScriptsResult): ScriptsResult => {
    const host = queryHost(ctx, server);
    if (host !== null) return build(host);
    return {
      ok: false,
      errors: [
        'The deployment has no internal server to query the Central Management Store from; add a Front End, Standard Edition or Director server.',
      ],
    };
  };
  switch (item) {
    case 'verify':
      return { ok: true, scripts: [verificationScript(ctx, server)] };
    case 'export':
    case 'import':
      return pathA(ctx, server, item);
    case 'cms-running':
      return withHost((host) => cmsRunning(ctx, server, host));
    case 'start-agent':
      return withHost(() => startAgent(ctx, server));
    case 'event-3038':
      return withHost(() => waitFor3038(ctx, server));
    case 'replication-complete':
      return withHost((host) => replicationComplete(ctx, server, host));
    case 'rerun-step1':
      return withHost(() => step1Scripts(ctx, server, naming('C', 'rerun-step1')));
    default:
      return unreachable(item);
  }
}
