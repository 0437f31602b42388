# lync-runbook | Path C, item 1 of 2: Check that CMS replication has completed
# Run on:  the server named in $Server below, or any other domain-joined server with access to the Central Management Store
# Shell:   Lync Server Management Shell, opened with "Run as administrator"
# Success: each server it lists shows UpToDate True, and it ends with "Done:".
# Safe to run more than once.
# Replication has completed when the servers that already hold the certificate report up to date,
# with a last update created after the OAuth assignment.
$ErrorActionPreference = 'Stop'
$Server = 'fe02.contoso.local'
$Required = @('fe01.contoso.local')
$AssignedAtText = '2012-11-24T19:40:00.000Z'
$AssignedAt = [datetime]::Parse($AssignedAtText, [System.Globalization.CultureInfo]::InvariantCulture, [System.Globalization.DateTimeStyles]::AdjustToUniversal)
$Behind = @()
foreach ($Replica in $Required) {
    $States = @(Get-CsManagementStoreReplicationStatus -ReplicaFqdn $Replica)
    if ($States.Count -eq 0) { Write-Host -Object ('' + $Replica + ': no replication status'); $Behind += $Replica; continue }
    $State = $States[0]
    Write-Host -Object ('' + $Replica + ': UpToDate ' + ($State.UpToDate) + ', last update created ' + ($State.LastUpdateCreation))
    $Done = ($State.UpToDate -eq $true)
    $Done = $Done -and ($null -ne $State.LastUpdateCreation) -and (([datetime]$State.LastUpdateCreation).ToUniversalTime() -gt $AssignedAt)
    if (-not $Done) { $Behind += $Replica }
}
if ($Behind.Count -gt 0) {
    throw ('Replication has not completed yet on ' + ($Behind -join ', ') + '. Wait a few minutes and run this script again.')
}
Write-Host -Object 'Done: replication has completed. Run Step 1 again on the stale server (next item).'
