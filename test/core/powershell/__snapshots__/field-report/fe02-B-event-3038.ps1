# lync-runbook | Path B, item 4 of 5: Wait for replication to reach this server (event 3038, as the field report describes; unconfirmed)
# Run on:  the server named in $Server below (the script stops on any other computer)
# Shell:   Lync Server Management Shell, opened with "Run as administrator"
# Success: it ends with "Done: event 3038" and the time it was logged.
# Safe to run more than once.
# Event 3038 is the ID the field report gives for "the CMS has replicated to this server"; Microsoft's
# documentation does not confirm it, so the verification script also checks the replication status.
$ErrorActionPreference = 'Stop'
$Server = 'fe02.contoso.local'
$HostInfo = [System.Net.NetworkInformation.IPGlobalProperties]::GetIPGlobalProperties()
$ThisComputer = $HostInfo.HostName
if ($HostInfo.DomainName) { $ThisComputer = $HostInfo.HostName + '.' + $HostInfo.DomainName }
if ($ThisComputer -ne $Server) {
    throw ('This script is for ' + $Server + ', but this computer is ' + $ThisComputer + '. Run it on ' + $Server + '.')
}
$TimeoutMinutes = 15
$AssignedAtText = '2012-11-24T19:40:00.000Z'
$AssignedAt = [datetime]::Parse($AssignedAtText, [System.Globalization.CultureInfo]::InvariantCulture, [System.Globalization.DateTimeStyles]::AdjustToUniversal)
# Only an event after the OAuth assignment shows the certificate has arrived.
$EventFilter = @{ LogName = 'Lync Server'; Id = 3038; StartTime = $AssignedAt.ToLocalTime() }
# Ask for a full replication to this server. From an Edge Server this cannot reach the CMS; replication still comes by itself.
try { Invoke-CsManagementStoreReplication -ReplicaFqdn $Server } catch { Write-Host -Object ('Could not ask for a replication from here (' + ($_.Exception.Message) + '); waiting anyway.') }
$Deadline = (Get-Date).AddMinutes($TimeoutMinutes)
$Newest = $null
$LastAnswer = ''
while ($null -eq $Newest) {
    try {
        $Newest = @(Get-WinEvent -FilterHashtable $EventFilter -MaxEvents 1)[0]
    } catch {
        $Newest = $null
        $LastAnswer = $_.Exception.Message
    }
    if ($null -eq $Newest) {
        if ((Get-Date) -ge $Deadline) {
            throw ('No event 3038 in the Lync Server event log after ' + $TimeoutMinutes + ' minutes (last answer: ' + $LastAnswer + '). Check that a Front End of the CMS pool runs and that REPLICA runs here, then run this script again, or use path A.')
        }
        Write-Host -Object 'Waiting for event 3038...'
        Start-Sleep -Seconds 15
    }
}
Write-Host -Object ('Done: event 3038 was logged at ' + ($Newest.TimeCreated.ToString('yyyy-MM-dd HH:mm:ss')) + ' (this server''s time): the CMS has replicated to this server.')
