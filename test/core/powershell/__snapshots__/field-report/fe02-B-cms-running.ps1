# lync-runbook | Path B, item 1 of 4: A Front End of the CMS pool is running (Step 4 done there)
# Run on:  the server named in $Server below, or any other domain-joined server with access to the Central Management Store
# Shell:   Lync Server Management Shell, opened with "Run as administrator"
# Success: at least one Front End of the CMS pool shows its Front-End service (RTCSRV) Running, and it ends with "Done:".
# Safe to run more than once.
$ErrorActionPreference = 'Stop'
$Server = 'fe02.contoso.local'
$CmsPoolServers = @('fe01.contoso.local', 'fe02.contoso.local', 'fe03.contoso.local')
$Running = 0
foreach ($FrontEnd in $CmsPoolServers) {
    try {
        $State = [string](Get-CsWindowsService -Name 'RTCSRV' -ComputerName $FrontEnd).Status
    } catch {
        $State = 'not reachable (' + $_.Exception.Message + ')'
    }
    Write-Host -Object ('' + $FrontEnd + ': Front-End service (RTCSRV) ' + $State)
    if ($State -eq 'Running') { $Running = $Running + 1 }
}
if ($Running -eq 0) {
    throw 'No Front End of the CMS pool runs its Front-End service yet. Finish Step 4 (Start Services) on one of them first: replication needs it.'
}
Write-Host -Object ('Done: ' + $Running + ' Front End(s) of the CMS pool are running.')
