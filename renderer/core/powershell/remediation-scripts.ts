import { unreachable } from '../model/exhaustive';
import { checklistItem, type ChecklistItemId, type RemediationPath } from '../model/remediation';
import type { Server } from '../model/deployment';
import { itemScript, naming } from './item-script';
import { cmd, lines, ps } from './render';
import { cmsHoldsAssignment, replicationServices, startAgent, waitFor3038 } from './replication-scripts';
import type { CheckedContext, ScriptsResult } from './script';
import { importFromCms, say } from './snippets';
import { fileRouteScripts, step1Scripts } from './step-scripts';
import { verificationScript } from './verify-script';

/** The server that runs a CMS query for `server`: itself when internal, else the exporting server. */
function queryHost(ctx: CheckedContext, server: Server): Server | null {
  return server.role === 'edge' ? ctx.sourceServer : server;
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
    return itemScript(
      ctx,
      name,
      server,
      server,
      {
        where: 'this-server',
        success: 'it ends with "Done: exported" and a size in bytes.',
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
  return itemScript(
    ctx,
    name,
    server,
    server,
    {
      where: 'this-server',
      success: 'it ends with "Done:" and no red error text.',
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
    case 'cms-started':
      // Done by the app when the CMS pool's start is recorded: nothing to run.
      return { ok: true, scripts: [] };
    case 'replication-services':
      return withHost((host) => replicationServices(ctx, server, host));
    case 'start-agent':
      return withHost(() => startAgent(ctx, server, path === 'A' ? 'A' : 'B'));
    case 'event-3038':
      return withHost(() => waitFor3038(ctx, server));
    case 'cms-holds-assignment':
      return withHost((host) => cmsHoldsAssignment(ctx, server, host));
    case 'rerun-step1':
      // The wizard is the item; this script is its PowerShell equivalent, labelled as such (D7).
      return withHost(() => {
        const named = naming('C', 'rerun-step1');
        return step1Scripts(ctx, server, {
          ...named,
          title: `${named.title}: the PowerShell equivalent of the wizard`,
        });
      });
    default:
      return unreachable(item);
  }
}
