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
        if ($null -ne $State.LastUpdateCreation) { $LastUpdateCreation = ([datetime]$State.LastUpdateCreation).ToUniversalTime().ToString('o') }
        $LastStatusReport = $null
        if ($null -ne $State.LastStatusReport) { $LastStatusReport = ([datetime]$State.LastStatusReport).ToUniversalTime().ToString('o') }
        $Replication = [ordered]@{ upToDate = $UpToDate; lastUpdateCreation = $LastUpdateCreation; lastStatusReport = $LastStatusReport }
    }
} catch { $Replication = $null }
$Thumbprints = @()
try {
    foreach ($Certificate in @(Get-CsCertificate -Type 'OAuthTokenIssuer')) {
        if ($Certificate.Thumbprint) { $Thumbprints += ([string]$Certificate.Thumbprint).ToUpperInvariant() }
    }
} catch { $Thumbprints = @() }
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
    schemaVersion = 1
    expected = $Expected
    server = $ThisComputer
    time = $Now
    replication = $Replication
    oauthThumbprints = [string[]]$Thumbprints
    replicaService = $ReplicaService
    event3038 = $Event3038
}
Write-Output -InputObject (ConvertTo-Json -InputObject $Result -Compress -Depth 4)
