import { findPool, roleNeedsOAuth, type Server } from '../model/deployment';
import { sameFqdn } from '../model/fqdn';
import { startsAsPool } from '../model/pool-start';
import { stepTitle, type StepNumber } from '../model/product';
import { cmd, concat, lines, ps, v, type Fragment } from './render';
import { makeScript, type CheckedContext, type Script, type ScriptsResult } from './script';
import { exportToFile, importFromCms, importFromFile, requireLocalStore, say, wizardPath } from './snippets';

/** How a group of scripts is named: the id prefix and the words in front of the title. */
export interface Naming {
  readonly id: string;
  readonly title: string;
}

/**
 * Step 1 for a domain-joined server: with a local store in place, the command-line equivalent of running
 * Step 1 again (import the CMS configuration into it); without one, the wizard instruction.
 */
function step1Internal(ctx: CheckedContext, server: Server, naming: Naming): Script {
  const wizard = wizardPath(ctx, 1);
  return makeScript(
    ctx,
    {
      id: naming.id,
      target: server.fqdn,
      server: server.fqdn,
      header: {
        title: naming.title,
        where: 'this-server',
        success: 'it ends with "Done:" and no red error text; the local store now holds the current configuration.',
        rerunnable: true,
        notes: [
          `Never run Step 1 on this server? Use the wizard: ${wizard} > Run,`,
          'then "Retrieve directly from the Central Management store". This script stops and says so.',
          'With a local store in place, it is the PowerShell equivalent of running Step 1 again: it imports',
          'the current configuration from the Central Management Store into the local store. (What the',
          "wizard's Step 1 runs is not documented by Microsoft.) When you record Step 1, say which you used.",
        ],
      },
    },
    lines(
      requireLocalStore(
        `This server has no local configuration store yet. Run ${wizard} first ("Retrieve directly from the Central Management store"), then run this script again.`,
      ),
      importFromCms(),
      ps`$States = @(${cmd('Get-CsManagementStoreReplicationStatus', { ReplicaFqdn: v('Server') })})`,
      ps`if ($States.Count -gt 0) { ${say('Replication status of ', v('Server'), ': UpToDate ', ps`$States[0].UpToDate`, ', last update created ', ps`$States[0].LastUpdateCreation`)} }`,
      say('Done: the local configuration store holds the current configuration from the Central Management Store.'),
    ),
  );
}

/** Step 1 through a file: export on an internal server, copy, import on the target (lync-reference §8). */
export function fileRouteScripts(
  ctx: CheckedContext,
  server: Server,
  exportNaming: Naming,
  importNaming: Naming,
  importNotes: readonly string[],
): ScriptsResult {
  const source = ctx.sourceServer;
  if (source === null) {
    return {
      ok: false,
      errors: [
        'The deployment has no internal server to export the configuration from; add a Front End, Standard Edition or Director server.',
      ],
    };
  }
  const exportScript = makeScript(
    ctx,
    {
      id: exportNaming.id,
      target: server.fqdn,
      server: source.fqdn,
      header: {
        title: exportNaming.title,
        where: 'internal',
        success: 'it ends with "Done: exported the configuration to" and names the file to copy.',
        rerunnable: true,
        notes: [
          'Writes the current configuration of the Central Management Store to a .zip file (an older export there is replaced).',
        ],
      },
    },
    exportToFile(ctx, server.fqdn),
  );
  const importScript = makeScript(
    ctx,
    {
      id: importNaming.id,
      target: server.fqdn,
      server: server.fqdn,
      header: {
        title: importNaming.title,
        where: 'this-server',
        success: 'it ends with "Done: imported" and no red error text.',
        rerunnable: true,
        notes: importNotes,
      },
    },
    importFromFile(ctx, source.fqdn, server.role === 'edge'),
  );
  return { ok: true, scripts: [exportScript, importScript] };
}

/** Step 1 (or running it again): the file route for an Edge Server, the CMS route for any other server. */
export function step1Scripts(ctx: CheckedContext, server: Server, naming: Naming): ScriptsResult {
  if (server.role !== 'edge') return { ok: true, scripts: [step1Internal(ctx, server, naming)] };
  return fileRouteScripts(
    ctx,
    server,
    { id: `${naming.id}-export`, title: `${naming.title}, part 1 of 2: export the configuration to a file` },
    { id: `${naming.id}-import`, title: `${naming.title}, part 2 of 2: import the file into the local store` },
    [
      'An Edge Server cannot reach the Central Management Store: its local store is seeded from a file,',
      'after which replication reaches it over HTTPS (TCP 4443).',
    ],
  );
}

function step2Check(ctx: CheckedContext): Fragment {
  return lines(
    ps`$Services = @()`,
    ps`try { $Services = @(${cmd('Get-CsWindowsService')}) } catch { $Services = @() }`,
    ps`if ($Services.Count -eq 0) {`,
    ps`    throw ${`No ${ctx.product.brand} services are installed on this server yet. Run ${wizardPath(ctx, 2)}, then run this script again.`}`,
    ps`}`,
    ps`foreach ($Service in $Services) { ${say(ps`$Service.Name + ': ' + $Service.Status`)} }`,
    say('Done: ', ps`$Services.Count`, ` ${ctx.product.brand} services are installed.`),
  );
}

function oauthCheck(ctx: CheckedContext, server: Server): Fragment {
  const oauth = ctx.oauth;
  const assignsHere = oauth === null || sameFqdn(oauth.server, server.fqdn);
  const expected = oauth?.thumbprint ?? null;
  // Reads only: assigning the global certificate is the wizard's (or the admin's) one deliberate act, never a script's (D5).
  const missing = assignsHere
    ? ps`throw ${`No OAuthTokenIssuer certificate is assigned yet. In ${wizardPath(ctx, 3)}, request or import a certificate (2048-bit key or more, exportable, the SIP domain in its subject) and assign it as OAuthTokenIssuer. It is global: assign it on this one server only.`}`
    : ps`throw (${concat("No OAuthTokenIssuer certificate in this server's local store, although it was assigned on ", v('AssignedOn'), '. The local store is stale: bring it up to date with remediation path A, B or C, then run this script again.')})`;
  return lines(
    ...(oauth === null ? [] : [ps`$AssignedOn = ${oauth.server}`]),
    ps`$SipDomain = ${ctx.deployment.sipDomain}`,
    ps`$Certificates = @(${cmd('Get-CsCertificate', { Type: 'OAuthTokenIssuer' })})`,
    ps`if ($Certificates.Count -eq 0) {`,
    ps`    ${missing}`,
    ps`}`,
    ps`foreach ($Certificate in $Certificates) {`,
    ps`    ${say('OAuthTokenIssuer certificate ', ps`$Certificate.Thumbprint`, ', subject ', ps`$Certificate.Subject`, ', expires ', ps`$Certificate.NotAfter`)}`,
    ps`    $NamesSipDomain = $false`,
    ps`    foreach ($Part in ([string]$Certificate.Subject -split ',')) { if ($Part.Trim() -eq ('CN=' + $SipDomain)) { $NamesSipDomain = $true } }`,
    ps`    if (-not $NamesSipDomain) {`,
    ps`        ${say('Note: its subject does not name the SIP domain ', v('SipDomain'), ' as CN; the server-to-server guidance asks for the SIP domain in the subject.')}`,
    ps`    }`,
    ps`    $StorePath = 'Cert:\\LocalMachine\\My\\' + $Certificate.Thumbprint`,
    ps`    $InStore = ${cmd('Get-Item', { LiteralPath: v('StorePath'), ErrorAction: 'SilentlyContinue' }, 'LiteralPath')}`,
    ps`    if ($null -eq $InStore) {`,
    ps`        ${say('Note: it is not in the machine store (Cert:\\LocalMachine\\My) of this server.')}`,
    ps`    } elseif (-not $InStore.HasPrivateKey) {`,
    ps`        ${say('Note: the machine store holds it without its private key.')}`,
    ps`    } elseif ($InStore.PublicKey.Key.KeySize -lt 2048) {`,
    ps`        ${say('Note: its key has ', ps`$InStore.PublicKey.Key.KeySize`, ' bits; the server-to-server guidance asks for at least 2048.')}`,
    ps`    }`,
    ps`}`,
    ...(expected === null
      ? []
      : [
          ps`$Expected = ${expected}`,
          ps`$Found = $false`,
          ps`foreach ($Certificate in $Certificates) { if ([string]$Certificate.Thumbprint -eq $Expected) { $Found = $true } }`,
          ps`if (-not $Found) {`,
          ps`    throw (${concat('None of these is the certificate assigned on ', v('AssignedOn'), ' (thumbprint ', v('Expected'), '). The local store is stale or another certificate was assigned since; check before going on.')})`,
          ps`}`,
        ]),
    say(
      'Done: the OAuthTokenIssuer certificate shows on this server; finish Step 3 in the wizard if it is still open.',
    ),
  );
}

function certificateList(ctx: CheckedContext): Fragment {
  return lines(
    ps`$Certificates = @(${cmd('Get-CsCertificate')})`,
    ps`if ($Certificates.Count -eq 0) {`,
    ps`    throw ${`No certificates are assigned on this server yet. Run ${wizardPath(ctx, 3)} and assign them, then run this script again.`}`,
    ps`}`,
    ps`foreach ($Certificate in $Certificates) { ${say('Certificate ', ps`$Certificate.Thumbprint`, ', subject ', ps`$Certificate.Subject`, ', expires ', ps`$Certificate.NotAfter`)} }`,
    say('Done: this role needs no OAuthTokenIssuer certificate; the certificates above are assigned.'),
  );
}

function step4Start(ctx: CheckedContext): Fragment {
  return lines(
    ps`${cmd('Start-CsWindowsService', {}, 'Name')}`,
    ps`$NotRunning = @()`,
    ps`foreach ($Service in @(${cmd('Get-CsWindowsService')})) {`,
    ps`    ${say(ps`$Service.Name + ': ' + $Service.Status`)}`,
    ps`    if ([string]$Service.Status -ne 'Running') { $NotRunning += $Service.Name }`,
    ps`}`,
    ps`if ($NotRunning.Count -gt 0) {`,
    ps`    throw (${concat('Not running yet: ', ps`$NotRunning -join ', '`, '. Starting services is best effort: wait a minute and run this script again, or look at Service Status.')})`,
    ps`}`,
    say(`Done: every ${ctx.product.brand} service on this server is running.`),
  );
}

/** True when the server is a member of an Enterprise pool (whose first start is the pool start). */
function isPoolMember(ctx: CheckedContext, server: Server): boolean {
  const kind = findPool(ctx.deployment, server.pool)?.kind;
  return kind !== undefined && startsAsPool(kind);
}

const STEP_SUCCESS: Readonly<Record<2 | 3 | 4, string>> = {
  2: 'it lists the installed services and ends with "Done:".',
  3: 'it lists the assigned certificate(s) and ends with "Done:".',
  4: 'every service it lists is Running and it ends with "Done:".',
};

/** The script(s) for one wizard step on one server: its command-line equivalent, or the check that it is done. */
export function stepScripts(ctx: CheckedContext, server: Server, step: StepNumber): ScriptsResult {
  const title = stepTitle(ctx.product.id, step);
  if (step === 1) return step1Scripts(ctx, server, { id: 'step-1', title });
  const notes: Readonly<Record<2 | 3 | 4, readonly string[]>> = {
    2: [
      `Step 2 has no documented command-line equivalent: run ${wizardPath(ctx, 2)}.`,
      'This script checks that it is done.',
    ],
    3: roleNeedsOAuth(server.role)
      ? ['Checks the OAuthTokenIssuer certificate as this server sees it (its local store).']
      : ['An Edge or Mediation Server uses no OAuthTokenIssuer certificate; this lists what is assigned.'],
    4: isPoolMember(ctx, server)
      ? [
          'This member joins an Enterprise pool that has already had its first start; the first start itself is',
          'the pool start script, which starts the members together.',
        ]
      : ["The command-line equivalent of the wizard's Start Services: Start-CsWindowsService."],
  };
  const body =
    step === 2
      ? step2Check(ctx)
      : step === 3
        ? roleNeedsOAuth(server.role)
          ? oauthCheck(ctx, server)
          : certificateList(ctx)
        : step4Start(ctx);
  const script = makeScript(
    ctx,
    {
      id: `step-${step}`,
      target: server.fqdn,
      server: server.fqdn,
      header: { title, where: 'this-server', success: STEP_SUCCESS[step], rerunnable: true, notes: notes[step] },
    },
    body,
  );
  return { ok: true, scripts: [script] };
}
