# lync-runbook | Path A, item 1 of 4: Check CMS access, then export the configuration (on a server with access to the CMS)
# Run on:  the server named in $Server below, or any other domain-joined server with access to the Central Management Store
# Shell:   Lync Server Management Shell, opened with "Run as administrator"
# Success: it ends with "Done: exported the configuration to" and names the file to copy.
# Safe to run more than once.
# Writes the current configuration of the Central Management Store to a .zip file (an older export there is replaced).
$ErrorActionPreference = 'Stop'
$Server = 'fe01.contoso.local'
$Target = 'fe02.contoso.local'
$ExportFile = 'C:\CsConfig\CsConfiguration.zip'
$ImportFile = 'C:\CsConfig\CsConfiguration.zip'
$null = [System.IO.Directory]::CreateDirectory([System.IO.Path]::GetDirectoryName($ExportFile))
if (Test-Path -LiteralPath $ExportFile) { Remove-Item -LiteralPath $ExportFile }
Export-CsConfiguration -FileName $ExportFile
Write-Host -Object ('Done: exported the configuration to ' + $ExportFile + '. Copy it to ' + $ImportFile + ' on ' + $Target + ', then run the import script there.')
