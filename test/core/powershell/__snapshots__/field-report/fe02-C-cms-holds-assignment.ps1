# lync-runbook | Path C, item 1 of 2: Check that the Central Management Store holds the assignment
# Run on:  the server named in $Server below, or any other domain-joined server with access to the Central Management Store
# Shell:   Lync Server Management Shell, opened with "Run as administrator"
# Success: it ends with "Done:" and names the recorded thumbprint.
# Safe to run more than once.
# Reads the certificate configured at the global scope (Get-CsCertificate -Identity global). Whether this
# reads the CMS or the local copy of the computer it runs on is not confirmed by Microsoft: run it on a
# server whose store is current, such as the one that assigned the certificate.
$ErrorActionPreference = 'Stop'
$Server = 'fe01.contoso.local'
$Global = @(Get-CsCertificate -Identity 'global' -Type 'OAuthTokenIssuer')
if ($Global.Count -eq 0) {
    throw 'No OAuthTokenIssuer certificate is configured at the global scope here. Check that it was assigned (Step 3 on the first Front End), and run this on a server whose store is current.'
}
foreach ($Certificate in $Global) { Write-Host -Object ('Global OAuthTokenIssuer certificate ' + ($Certificate.Thumbprint) + ', expires ' + ($Certificate.NotAfter)) }
$Expected = '3A5F9C2E7B1D4E8F0A6C3B9D2E5F7A1C4B8D0E6F'
$Found = $false
foreach ($Certificate in $Global) { if ([string]$Certificate.Thumbprint -eq $Expected) { $Found = $true } }
if (-not $Found) {
    throw ('The global scope does not hold the recorded certificate (thumbprint ' + $Expected + '). Check which certificate was assigned before going on.')
}
Write-Host -Object 'Done: the Central Management Store holds the OAuthTokenIssuer assignment. Run Step 1 again on the stale server (next item).'
