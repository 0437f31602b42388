# lync-runbook | Step 3: Request, Install or Assign Certificates
# Run on:  the server named in $Server below (the script stops on any other computer)
# Shell:   Lync Server Management Shell, opened with "Run as administrator"
# Success: it lists the assigned certificate(s) and ends with "Done:".
# Safe to run more than once.
# Checks the OAuthTokenIssuer certificate as this server sees it (its local store).
$ErrorActionPreference = 'Stop'
$Server = 'fe02.contoso.local'
$HostInfo = [System.Net.NetworkInformation.IPGlobalProperties]::GetIPGlobalProperties()
$ThisComputer = $HostInfo.HostName
if ($HostInfo.DomainName) { $ThisComputer = $HostInfo.HostName + '.' + $HostInfo.DomainName }
if ($ThisComputer -ne $Server) {
    throw ('This script is for ' + $Server + ', but this computer is ' + $ThisComputer + '. Run it on ' + $Server + '.')
}
$AssignedOn = 'fe01.contoso.local'
$SipDomain = 'contoso.com'
$Certificates = @(Get-CsCertificate -Type 'OAuthTokenIssuer')
if ($Certificates.Count -eq 0) {
    throw ('No OAuthTokenIssuer certificate in this server''s local store, although it was assigned on ' + $AssignedOn + '. The local store is stale: bring it up to date with remediation path A, B or C, then run this script again.')
}
foreach ($Certificate in $Certificates) {
    Write-Host -Object ('OAuthTokenIssuer certificate ' + ($Certificate.Thumbprint) + ', subject ' + ($Certificate.Subject) + ', expires ' + ($Certificate.NotAfter))
    $NamesSipDomain = $false
    foreach ($Part in ([string]$Certificate.Subject -split ',')) { if ($Part.Trim() -eq ('CN=' + $SipDomain)) { $NamesSipDomain = $true } }
    if (-not $NamesSipDomain) {
        Write-Host -Object ('Note: its subject does not name the SIP domain ' + $SipDomain + ' as CN; the server-to-server guidance asks for the SIP domain in the subject.')
    }
    $StorePath = 'Cert:\LocalMachine\My\' + $Certificate.Thumbprint
    $InStore = Get-Item -LiteralPath $StorePath -ErrorAction 'SilentlyContinue'
    if ($null -eq $InStore) {
        Write-Host -Object 'Note: it is not in the machine store (Cert:\LocalMachine\My) of this server.'
    } elseif (-not $InStore.HasPrivateKey) {
        Write-Host -Object 'Note: the machine store holds it without its private key.'
    } elseif ($InStore.PublicKey.Key.KeySize -lt 2048) {
        Write-Host -Object ('Note: its key has ' + ($InStore.PublicKey.Key.KeySize) + ' bits; the server-to-server guidance asks for at least 2048.')
    }
}
$Expected = '3A5F9C2E7B1D4E8F0A6C3B9D2E5F7A1C4B8D0E6F'
$Found = $false
foreach ($Certificate in $Certificates) { if ([string]$Certificate.Thumbprint -eq $Expected) { $Found = $true } }
if (-not $Found) {
    throw ('None of these is the certificate assigned on ' + $AssignedOn + ' (thumbprint ' + $Expected + '). The local store is stale or another certificate was assigned since; check before going on.')
}
Write-Host -Object 'Done: the OAuthTokenIssuer certificate shows on this server; finish Step 3 in the wizard if it is still open.'
