import type { Server } from '../model/deployment';
import { cmd, comment, lines, ps, v } from './render';
import { makeScript, type CheckedContext, type Script } from './script';

import { VERIFY_SCHEMA, VERIFY_SCHEMA_VERSION } from '../evidence/verification-json-schema';

/**
 * The verification script for one server: one line of compact JSON with what the server itself sees
 * (replication status, OAuthTokenIssuer thumbprints and each one's certificate in the machine store,
 * REPLICA service, newest event 3038), so the app can judge evidence without reading console tables.
 * LastUpdateCreation is written as read, with its DateTimeKind and the server's UTC offset at that
 * time (replication-and-pools D8: whether it is local or UTC is not documented), never converted. Windows PowerShell 3.0 only: [ordered], ConvertTo-Json
 * -Compress, try/catch. A part that cannot be read becomes null (the thumbprint list becomes empty), and
 * the rest is still reported.
 */
export function verificationScript(ctx: CheckedContext, server: Server): Script {
  const body = lines(
    ps`$Expected = $Server`,
    comment('The full name of this computer: host name plus primary DNS suffix, as the topology names it.'),
    ps`$ThisComputer = $env:COMPUTERNAME`,
    ps`try {`,
    ps`    $HostInfo = [System.Net.NetworkInformation.IPGlobalProperties]::GetIPGlobalProperties()`,
    ps`    $ThisComputer = $HostInfo.HostName`,
    ps`    if ($HostInfo.DomainName) { $ThisComputer = $HostInfo.HostName + '.' + $HostInfo.DomainName }`,
    ps`} catch { $ThisComputer = $env:COMPUTERNAME }`,
    ps`$ThisComputer = ([string]$ThisComputer).ToLowerInvariant()`,
    ps`$Replication = $null`,
    ps`try {`,
    ps`    $States = @(${cmd('Get-CsManagementStoreReplicationStatus', { ReplicaFqdn: v('Expected') })})`,
    ps`    if ($States.Count -gt 0) {`,
    ps`        $State = $States[0]`,
    ps`        $UpToDate = $null`,
    ps`        if ($null -ne $State.UpToDate) { $UpToDate = [bool]$State.UpToDate }`,
    ps`        $LastUpdateCreation = $null`,
    ps`        $LastUpdateKind = $null`,
    ps`        $UtcOffsetMinutes = $null`,
    ps`        if ($null -ne $State.LastUpdateCreation) {`,
    ps`            $Raw = [datetime]$State.LastUpdateCreation`,
    ps`            $LastUpdateCreation = $Raw.ToString('o')`,
    ps`            $LastUpdateKind = [string]$Raw.Kind`,
    ps`            $UtcOffsetMinutes = [int][System.TimeZoneInfo]::Local.GetUtcOffset($Raw).TotalMinutes`,
    ps`        }`,
    ps`        $LastStatusReport = $null`,
    ps`        if ($null -ne $State.LastStatusReport) { $LastStatusReport = ([datetime]$State.LastStatusReport).ToUniversalTime().ToString('o') }`,
    ps`        $Replication = [ordered]@{ upToDate = $UpToDate; lastUpdateCreation = $LastUpdateCreation; lastUpdateCreationKind = $LastUpdateKind; utcOffsetMinutes = $UtcOffsetMinutes; lastStatusReport = $LastStatusReport }`,
    ps`    }`,
    ps`} catch { $Replication = $null }`,
    ps`$Thumbprints = @()`,
    ps`try {`,
    ps`    foreach ($Certificate in @(${cmd('Get-CsCertificate', { Type: 'OAuthTokenIssuer' })})) {`,
    ps`        if ($Certificate.Thumbprint) { $Thumbprints += ([string]$Certificate.Thumbprint).ToUpperInvariant() }`,
    ps`    }`,
    ps`} catch { $Thumbprints = @() }`,
    comment(
      'Each certificate the configuration names, as the machine store holds it (the services need its private key).',
    ),
    ps`$Certificates = @()`,
    ps`foreach ($Thumbprint in $Thumbprints) {`,
    ps`    $Entry = [ordered]@{ thumbprint = $Thumbprint; inStore = $false; hasPrivateKey = $null; keySize = $null; notAfter = $null }`,
    ps`    $StorePath = 'Cert:\\LocalMachine\\My\\' + $Thumbprint`,
    ps`    $InStore = ${cmd('Get-Item', { LiteralPath: v('StorePath'), ErrorAction: 'SilentlyContinue' }, 'LiteralPath')}`,
    ps`    if ($null -ne $InStore) {`,
    ps`        $Entry.inStore = $true`,
    ps`        $Entry.hasPrivateKey = [bool]$InStore.HasPrivateKey`,
    ps`        try { $Entry.keySize = [int]$InStore.PublicKey.Key.KeySize } catch { $Entry.keySize = $null }`,
    ps`        try { $Entry.notAfter = ([datetime]$InStore.NotAfter).ToUniversalTime().ToString('o') } catch { $Entry.notAfter = $null }`,
    ps`    }`,
    ps`    $Certificates += $Entry`,
    ps`}`,
    ps`$ReplicaService = $null`,
    ps`try { $ReplicaService = [string](${cmd('Get-Service', { Name: 'REPLICA' })}).Status } catch { $ReplicaService = $null }`,
    ps`$Event3038 = $null`,
    ps`try {`,
    ps`    $EventFilter = @{ LogName = 'Lync Server'; Id = 3038 }`,
    ps`    $Newest = @(${cmd('Get-WinEvent', { FilterHashtable: v('EventFilter'), MaxEvents: 1 }, 'HashQuerySet')})`,
    ps`    if ($Newest.Count -gt 0 -and $null -ne $Newest[0].TimeCreated) { $Event3038 = ([datetime]$Newest[0].TimeCreated).ToUniversalTime().ToString('o') }`,
    ps`} catch { $Event3038 = $null }`,
    ps`$Now = (${cmd('Get-Date')}).ToUniversalTime().ToString('o')`,
    ps`$Result = [ordered]@{`,
    ps`    schema = ${VERIFY_SCHEMA}`,
    ps`    schemaVersion = ${VERIFY_SCHEMA_VERSION}`,
    ps`    expected = $Expected`,
    ps`    server = $ThisComputer`,
    ps`    time = $Now`,
    ps`    replication = $Replication`,
    ps`    oauthThumbprints = [string[]]$Thumbprints`,
    ps`    certificates = @($Certificates)`,
    ps`    replicaService = $ReplicaService`,
    ps`    event3038 = $Event3038`,
    ps`}`,
    ps`${cmd('Write-Output', { InputObject: cmd('ConvertTo-Json', { InputObject: v('Result'), Compress: true, Depth: 4 }) })}`,
  );
  return makeScript(
    ctx,
    {
      id: 'verify',
      target: server.fqdn,
      server: server.fqdn,
      header: {
        title: "Verification: what this server's local store holds",
        where: 'report',
        success:
          'it prints one line of JSON that starts with {"schema":"lync-runbook.verify"; paste that line into lync-runbook as evidence.',
        rerunnable: true,
        notes: ['It changes nothing. A part it cannot read is reported as null rather than stopping the script.'],
      },
    },
    body,
  );
}
