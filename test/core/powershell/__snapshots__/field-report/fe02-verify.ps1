# lync-runbook | Verification: what this server's local store holds
# Run on:  the server named in $Server below (its output names the computer it ran on)
# Shell:   Lync Server Management Shell, opened with "Run as administrator"
# Success: it prints one line of JSON that starts with {"schema":"lync-runbook.verify"; paste that line into lync-runbook as evidence.
# Safe to run more than once.
# It changes nothing. A part it cannot read is reported as null rather than stopping the script.
$ErrorActionPreference = 'Stop'
$Server = 'fe02.contoso.local'
$Expected = $Server
# The full name of this computer: host name plus primary DNS suffix, as the topology names it.
$ThisComputer = $env:COMPUTERNAME
try {
    $HostInfo = [System.Net.NetworkInformation.IPGlobalProperties]::GetIPGlobalProperties()
    $ThisComputer = $HostInfo.HostName
    if ($HostInfo.DomainName) { $ThisComputer = $HostInfo.HostName + '.' + $HostInfo.DomainName }
} catch { $ThisComputer = $env:COMPUTERNAME }
$ThisComputer = ([string]$ThisComputer).ToLowerInvariant()
$Replication = $null
try {
    $States = @(Get-CsManagementStoreReplicationStatus -ReplicaFqdn $Expected)
    if ($States.Count -gt 0) {
        $State = $States[0]
        $UpToDate = $null
        if ($null -ne $State.UpToDate) { $UpToDate = [bool]$State.UpToDate }
        $LastUpdateCreation = $null
        $LastUpdateKind = $null
        $UtcOffsetMinutes = $null
        if ($null -ne $State.LastUpdateCreation) {
            $Raw = [datetime]$State.LastUpdateCreation
            $LastUpdateCreation = $Raw.ToString('o')
            $LastUpdateKind = [string]$Raw.Kind
            $UtcOffsetMinutes = [int][System.TimeZoneInfo]::Local.GetUtcOffset($Raw).TotalMinutes
        }
        $LastStatusReport = $null
        if ($null -ne $State.LastStatusReport) { $LastStatusReport = ([datetime]$State.LastStatusReport).ToUniversalTime().ToString('o') }
        $Replication = [ordered]@{ upToDate = $UpToDate; lastUpdateCreation = $LastUpdateCreation; lastUpdateCreationKind = $LastUpdateKind; utcOffsetMinutes = $UtcOffsetMinutes; lastStatusReport = $LastStatusReport }
    }
} catch { $Replication = $null }
$Thumbprints = @()
try {
    foreach ($Certificate in @(Get-CsCertificate -Type 'OAuthTokenIssuer')) {
        if ($Certificate.Thumbprint) { $Thumbprints += ([string]$Certificate.Thumbprint).ToUpperInvariant() }
    }
} catch { $Thumbprints = @() }
# Each certificate the configuration names, as the machine store holds it (the services need its private key).
$Certificates = @()
foreach ($Thumbprint in $Thumbprints) {
    $Entry = [ordered]@{ thumbprint = $Thumbprint; inStore = $false; hasPrivateKey = $null; keySize = $null; notAfter = $null }
    $StorePath = 'Cert:\LocalMachine\My\' + $Thumbprint
    $InStore = Get-Item -LiteralPath $StorePath -ErrorAction 'SilentlyContinue'
    if ($null -ne $InStore) {
        $Entry.inStore = $true
        $Entry.hasPrivateKey = [bool]$InStore.HasPrivateKey
        try { $Entry.keySize = [int]$InStore.PublicKey.Key.KeySize } catch { $Entry.keySize = $null }
        try { $Entry.notAfter = ([datetime]$InStore.NotAfter).ToUniversalTime().ToString('o') } catch { $Entry.notAfter = $null }
    }
    $Certificates += $Entry
}
$ReplicaService = $null
try { $ReplicaService = [string](Get-Service -Name 'REPLICA').Status } catch { $ReplicaService = $null }
$Event3038 = $null
try {
    $EventFilter = @{ LogName = 'Lync Server'; Id = 3038 }
    $Newest = @(Get-WinEvent -FilterHashtable $EventFilter -MaxEvents 1)
    if ($Newest.Count -gt 0 -and $null -ne $Newest[0].TimeCreated) { $Event3038 = ([datetime]$Newest[0].TimeCreated).ToUniversalTime().ToString('o') }
} catch { $Event3038 = $null }
$Now = (Get-Date).ToUniversalTime().ToString('o')
$Result = [ordered]@{
    schema = 'lync-runbook.verify'
    schemaVersion = 2
    expected = $Expected
    server = $ThisComputer
    time = $Now
    replication = $Replication
    oauthThumbprints = [string[]]$Thumbprints
    certificates = @($Certificates)
    replicaService = $ReplicaService
    event3038 = $Event3038
}
Write-Output -InputObject (ConvertTo-Json -InputObject $Result -Compress -Depth 4)
