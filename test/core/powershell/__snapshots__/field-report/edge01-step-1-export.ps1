# lync-runbook | Step 1: Install Local Configuration Store, part 1 of 2: export the configuration to a file
# Run on:  the server named in $Server below, or any other domain-joined server with access to the Central Management Store
# Shell:   Lync Server Management Shell, opened with "Run as administrator"
# Success: it ends with "Done: exported the configuration to" and names the file to copy.
# Safe to run more than once.
# Writes the current configuration of the Central Management Store to a .zip file (an older export there is replaced).
$ErrorActionPreference = 'Stop'
$Server = 'fe01.contoso.local'
$Target = 'edge01.perimeter.contoso.com'
$ExportFile = 'C:\CsConfig\CsConfiguration.zip'
$ImportFile = 'C:\CsConfig\CsConfiguration.zip'
$null = [System.IO.Directory]::CreateDirectory([System.IO.Path]::GetDirectoryName($ExportFile))
if (Test-Path -LiteralPath $ExportFile) { Remove-Item -LiteralPath $ExportFile }
Export-CsConfiguration -FileName $ExportFile
Write-Host -Object ('Done: exported the configuration to ' + $ExportFile + '. Copy it to ' + $ImportFile + ' on ' + $Target + ', then run the import script there.')
