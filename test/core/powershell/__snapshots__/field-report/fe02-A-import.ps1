# lync-runbook | Path A, item 2 of 4: Import it into this server's local store
# Run on:  the server named in $Server below (the script stops on any other computer)
# Shell:   Lync Server Management Shell, opened with "Run as administrator"
# Success: it ends with "Done:" and no red error text.
# Safe to run more than once.
# Exports the configuration from the Central Management Store and imports it into the local store in one step.
$ErrorActionPreference = 'Stop'
$Server = 'fe02.contoso.local'
$HostInfo = [System.Net.NetworkInformation.IPGlobalProperties]::GetIPGlobalProperties()
$ThisComputer = $HostInfo.HostName
if ($HostInfo.DomainName) { $ThisComputer = $HostInfo.HostName + '.' + $HostInfo.DomainName }
if ($ThisComputer -ne $Server) {
    throw ('This script is for ' + $Server + ', but this computer is ' + $ThisComputer + '. Run it on ' + $Server + '.')
}
Import-CsConfiguration -ByteInput (Export-CsConfiguration -AsBytes) -LocalStore
Write-Host -Object 'Done: the local configuration store holds the current configuration. Refresh the Certificate Wizard or run Step 3 again.'
