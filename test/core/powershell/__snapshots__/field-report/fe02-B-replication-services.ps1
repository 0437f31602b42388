# lync-runbook | Path B, item 2 of 5: Check the CMS pool's replication services: the Master Replicator Agent (MASTER) and File Transfer Agent (FTA)
# Run on:  the server named in $Server below, or any other domain-joined server with access to the Central Management Store
# Shell:   Lync Server Management Shell, opened with "Run as administrator"
# Success: it shows an ActiveMasterFqdn and ActiveFileTransferAgents, and ends with "Done:". Paste its output as evidence for this item.
# Safe to run more than once.
# Replication is the work of the Master Replicator Agent and the File Transfer Agent on the CMS pool,
# not of the Front-End service (RTCSRV). The service names MASTER and FTA come from a community service
# map (unconfirmed by Microsoft), so their states are shown for information only.
$ErrorActionPreference = 'Stop'
$Server = 'fe02.contoso.local'
$CmsStatus = Get-CsManagementStoreReplicationStatus -CentralManagementStoreStatus
Format-List -InputObject $CmsStatus -Property '*'
$CmsPoolServers = @('fe01.contoso.local', 'fe02.contoso.local', 'fe03.contoso.local')
foreach ($FrontEnd in $CmsPoolServers) {
    foreach ($ServiceName in @('MASTER', 'FTA')) {
        try {
            $State = [string](Get-CsWindowsService -Name $ServiceName -ComputerName $FrontEnd).Status
        } catch {
            $State = 'not reachable (' + $_.Exception.Message + ')'
        }
        Write-Host -Object ('' + $FrontEnd + ': ' + $ServiceName + ' ' + $State)
    }
}
if ([string]::IsNullOrWhiteSpace([string]$CmsStatus.ActiveMasterFqdn) -or @($CmsStatus.ActiveFileTransferAgents).Count -eq 0) {
    throw 'The Central Management Server is not available: no active Master Replicator Agent or File Transfer Agent. Start the CMS pool (its pool start), then run this script again; or use path A or C.'
}
Write-Host -Object ('Done: the Master Replicator Agent runs on ' + ($CmsStatus.ActiveMasterFqdn) + '.')
