# lync-runbook | Step 1: Install Local Configuration Store, part 2 of 2: import the file into the local store
# Run on:  the server named in $Server below (the script stops on any other computer)
# Shell:   Lync Server Management Shell, opened with "Run as administrator"
# Success: it ends with "Done: imported" and no red error text.
# Safe to run more than once.
# An Edge Server cannot reach the Central Management Store: its local store is seeded from a file,
# after which replication reaches it over HTTPS (TCP 4443).
$ErrorActionPreference = 'Stop'
$Server = 'edge01.perimeter.contoso.com'
$HostInfo = [System.Net.NetworkInformation.IPGlobalProperties]::GetIPGlobalProperties()
$ThisComputer = $HostInfo.HostName
if ($HostInfo.DomainName) { $ThisComputer = $HostInfo.HostName + '.' + $HostInfo.DomainName }
if ($ThisComputer -ne $Server) {
    throw ('This script is for ' + $Server + ', but this computer is ' + $ThisComputer + '. Run it on ' + $Server + '.')
}
$ImportFile = 'C:\CsConfig\CsConfiguration.zip'
$ExportedOn = 'fe01.contoso.local'
if (-not (Test-Path -LiteralPath $ImportFile -PathType 'Leaf')) {
    throw ('The file ' + $ImportFile + ' is not on this server yet. Copy the configuration exported on ' + $ExportedOn + ' to this path, then run this script again.')
}
$AssignedAtText = '2012-11-24T19:40:00.000Z'
$AssignedAt = [datetime]::Parse($AssignedAtText, [System.Globalization.CultureInfo]::InvariantCulture, [System.Globalization.DateTimeStyles]::AdjustToUniversal)
$Written = (Get-Item -LiteralPath $ImportFile).LastWriteTimeUtc
if ($Written -le $AssignedAt) {
    throw ('The file ' + $ImportFile + ' was written at ' + ($Written.ToString('u')) + ', not after the OAuthTokenIssuer assignment at ' + $AssignedAtText + ': it cannot hold the certificate. Run the export on ' + $ExportedOn + ' again, copy the new file here, and run this script again.')
}
$LocalStore = Get-Service -Name 'MSSQL$RTCLOCAL' -ErrorAction 'SilentlyContinue'
if ($null -eq $LocalStore) {
    throw ('This server has no local configuration store yet. Run Deployment Wizard > Install or Update Lync Server System > Step 1: Install Local Configuration Store, choose "Import from a file (Recommended for Edge Servers)" and select ' + $ImportFile + '; then run this script again to check.')
}
Import-CsConfiguration -FileName $ImportFile -LocalStore
Write-Host -Object ('Done: imported ' + $ImportFile + ' into the local configuration store of ' + $Server + '.')
