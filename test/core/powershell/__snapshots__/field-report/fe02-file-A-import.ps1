# lync-runbook | Path A, item 2 of 4: Import it into this server's local store
# Run on:  the server named in $Server below (the script stops on any other computer)
# Shell:   Lync Server Management Shell, opened with "Run as administrator"
# Success: it ends with "Done: imported" and no red error text.
# Safe to run more than once.
# Imports the exported file into this server's local store (Import-CsConfiguration -LocalStore).
$ErrorActionPreference = 'Stop'
$Server = 'fe02.contoso.local'
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
    throw ('This server has no local configuration store yet. Run Deployment Wizard > Install or Update Lync Server System > Step 1: Install Local Configuration Store, choose "Retrieve directly from the Central Management store" (or "Import from a file" and select ' + $ImportFile + '); then run this script again to check.')
}
Import-CsConfiguration -FileName $ImportFile -LocalStore
Write-Host -Object ('Done: imported ' + $ImportFile + ' into the local configuration store of ' + $Server + '.')
