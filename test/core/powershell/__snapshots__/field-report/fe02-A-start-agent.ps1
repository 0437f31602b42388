# lync-runbook | Path A, item 3 of 4: Start the Replica Replicator Agent (service REPLICA) on this server
# Run on:  the server named in $Server below (the script stops on any other computer)
# Shell:   Lync Server Management Shell, opened with "Run as administrator"
# Success: it ends with "Done: the Lync Server Replica Replicator Agent (REPLICA) is Running".
# Safe to run more than once.
# Uses the service name REPLICA, as the Cs service cmdlets expect.
$ErrorActionPreference = 'Stop'
$Server = 'fe02.contoso.local'
$HostInfo = [System.Net.NetworkInformation.IPGlobalProperties]::GetIPGlobalProperties()
$ThisComputer = $HostInfo.HostName
if ($HostInfo.DomainName) { $ThisComputer = $HostInfo.HostName + '.' + $HostInfo.DomainName }
if ($ThisComputer -ne $Server) {
    throw ('This script is for ' + $Server + ', but this computer is ' + $ThisComputer + '. Run it on ' + $Server + '.')
}
if ([string](Get-Service -Name 'REPLICA').Status -ne 'Running') { Start-CsWindowsService -Name 'REPLICA' }
$AgentState = [string](Get-Service -Name 'REPLICA').Status
if ($AgentState -ne 'Running') {
    throw ('The Lync Server Replica Replicator Agent (REPLICA) is ' + $AgentState + ', not Running. Look in the System event log for why it did not start.')
}
Write-Host -Object 'Done: the Lync Server Replica Replicator Agent (REPLICA) is Running.'
