# lync-runbook | Step 4: Start Services: first start of the pool (its Front Ends together)
# Run on:  the server named in $Server below, or any other domain-joined server with access to the Central Management Store
# Shell:   Lync Server Management Shell, opened with "Run as administrator"
# Success: it ends with "Done: the pool … has started" and lists no service that is not Running.
# Safe to run more than once.
# The first start of this pool needs 3 of its 3 Front Ends running together (Microsoft's first-start table).
# Lync Server 2013 has no Start-CsPool: the members' services are started together instead.
$ErrorActionPreference = 'Stop'
$Server = 'fe02.contoso.local'
$Pool = 'fepool.contoso.local'
$Members = @('fe01.contoso.local', 'fe02.contoso.local', 'fe03.contoso.local')
$TimeoutMinutes = 15
# Each member is started without waiting (-NoWait): the Front-End service (RTCSRV) of a new pool shows
# "Starting" until enough members run, so waiting on one member before starting the next would stall.
foreach ($FrontEnd in $Members) {
    Write-Host -Object ('Starting the services of ' + $FrontEnd + '...')
    Start-CsWindowsService -ComputerName $FrontEnd -NoWait
}
# Every member started must show all its services Running.
$Deadline = (Get-Date).AddMinutes($TimeoutMinutes)
do {
    $NotRunning = @()
    foreach ($FrontEnd in $Members) {
        try {
            foreach ($Service in @(Get-CsWindowsService -ComputerName $FrontEnd)) {
                if ([string]$Service.Status -ne 'Running') { $NotRunning += ($FrontEnd + ' ' + $Service.Name + ' ' + $Service.Status) }
            }
        } catch {
            $NotRunning += ($FrontEnd + ' not reachable (' + $_.Exception.Message + ')')
        }
    }
    if ($NotRunning.Count -eq 0) { break }
    if ((Get-Date) -ge $Deadline) {
        throw ('Not running after ' + $TimeoutMinutes + ' minutes: ' + ($NotRunning -join '; ') + '. Services stuck in Starting mean too few members run; check each member''s event log, then run this script again.')
    }
    Write-Host -Object ('Waiting for: ' + ($NotRunning -join '; '))
    Start-Sleep -Seconds 15
} while ($true)
Write-Host -Object ('Done: the pool ' + $Pool + ' has started; every service of ' + ($Members -join ', ') + ' is Running.')
