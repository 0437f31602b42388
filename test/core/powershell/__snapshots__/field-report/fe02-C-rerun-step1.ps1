# lync-runbook | Path C, item 2 of 2: Run Step 1 again on this server: the PowerShell equivalent of the wizard
# Run on:  the server named in $Server below (the script stops on any other computer)
# Shell:   Lync Server Management Shell, opened with "Run as administrator"
# Success: it ends with "Done:" and no red error text; the local store now holds the current configuration.
# Safe to run more than once.
# Never run Step 1 on this server? Use the wizard: Deployment Wizard > Install or Update Lync Server System > Step 1: Install Local Configuration Store > Run,
# then "Retrieve directly from the Central Management store". This script stops and says so.
# With a local store in place, it is the PowerShell equivalent of running Step 1 again: it imports
# the current configuration from the Central Management Store into the local store. (What the
# wizard's Step 1 runs is not documented by Microsoft.) When you record Step 1, say which you used.
$ErrorActionPreference = 'Stop'
$Server = 'fe02.contoso.local'
$HostInfo = [System.Net.NetworkInformation.IPGlobalProperties]::GetIPGlobalProperties()
$ThisComputer = $HostInfo.HostName
if ($HostInfo.DomainName) { $ThisComputer = $HostInfo.HostName + '.' + $HostInfo.DomainName }
if ($ThisComputer -ne $Server) {
    throw ('This script is for ' + $Server + ', but this computer is ' + $ThisComputer + '. Run it on ' + $Server + '.')
}
$LocalStore = Get-Service -Name 'MSSQL$RTCLOCAL' -ErrorAction 'SilentlyContinue'
if ($null -eq $LocalStore) {
    throw 'This server has no local configuration store yet. Run Deployment Wizard > Install or Update Lync Server System > Step 1: Install Local Configuration Store first ("Retrieve directly from the Central Management store"), then run this script again.'
}
Import-CsConfiguration -ByteInput (Export-CsConfiguration -AsBytes) -LocalStore
$States = @(Get-CsManagementStoreReplicationStatus -ReplicaFqdn $Server)
if ($States.Count -gt 0) { Write-Host -Object ('Replication status of ' + $Server + ': UpToDate ' + ($States[0].UpToDate) + ', last update created ' + ($States[0].LastUpdateCreation)) }
Write-Host -Object 'Done: the local configuration store holds the current configuration from the Central Management Store.'
