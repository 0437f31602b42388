# lync-runbook | Path A, item 1 of 4: Check CMS access, then export the configuration (on a server with access to the CMS)
# Run on:  the server named in $Server below (the script stops on any other computer)
# Shell:   Lync Server Management Shell, opened with "Run as administrator"
# Success: it ends with "Done: exported" and a size in bytes.
# Safe to run more than once.
# Reads the configuration from the Central Management Store into memory: proves this server can reach it.
# Nothing is written; the next item imports it.
$ErrorActionPreference = 'Stop'
$Server = 'fe02.contoso.local'
$HostInfo = [System.Net.NetworkInformation.IPGlobalProperties]::GetIPGlobalProperties()
$ThisComputer = $HostInfo.HostName
if ($HostInfo.DomainName) { $ThisComputer = $HostInfo.HostName + '.' + $HostInfo.DomainName }
if ($ThisComputer -ne $Server) {
    throw ('This script is for ' + $Server + ', but this computer is ' + $ThisComputer + '. Run it on ' + $Server + '.')
}
$Config = Export-CsConfiguration -AsBytes
if ($null -eq $Config -or $Config.Length -eq 0) {
    throw 'Export-CsConfiguration returned nothing: check that this server can reach the Central Management Store.'
}
Write-Host -Object ('Done: exported ' + ($Config.Length) + ' bytes of configuration from the Central Management Store.')
