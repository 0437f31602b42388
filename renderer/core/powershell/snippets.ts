import { stepTitle } from '../model/product';
import { cmd, concat, lines, ps, v, type Fragment, type VarRef } from './render';
import type { CheckedContext } from './script';

/** Pieces several scripts share: messages, the local-store check, export and import. */

/** `Write-Host` of a message built from literals, variables and our own expressions. */
export function say(...parts: readonly (string | VarRef | Fragment)[]): Fragment {
  const only = parts.length === 1 ? parts[0] : undefined;
  const message = typeof only === 'string' || only?.kind === 'fragment' ? only : concat(...parts);
  return ps`${cmd('Write-Host', { Object: message })}`;
}

/** Where an admin finds a wizard step, e.g. "Install or Update Lync Server System > Step 1: …". */
export function wizardPath(ctx: CheckedContext, step: 1 | 2 | 3 | 4): string {
  return `Deployment Wizard > ${ctx.product.wizardEntry} > ${stepTitle(ctx.product.id, step)}`;
}

/**
 * Stops with `message` when this server has no local configuration store yet. The store is the SQL Server
 * instance RTCLOCAL (lync-reference §1.2), whose Windows service is MSSQL$RTCLOCAL.
 */
export function requireLocalStore(message: string | Fragment): Fragment {
  return lines(
    ps`$LocalStore = ${cmd('Get-Service', { Name: 'MSSQL$RTCLOCAL', ErrorAction: 'SilentlyContinue' })}`,
    ps`if ($null -eq $LocalStore) {`,
    ps`    throw ${typeof message === 'string' ? message : ps`(${message})`}`,
    ps`}`,
  );
}

/** The one-step refresh of the local store straight from the CMS (Import-CsConfiguration doc example 3). */
export function importFromCms(): Fragment {
  return ps`${cmd('Import-CsConfiguration', { ByteInput: cmd('Export-CsConfiguration', { AsBytes: true }, 'AsBytes'), LocalStore: true }, 'ByteInput')}`;
}

/** Exports the configuration to `ctx.exportPath` (replacing an older export) and copies it on when asked. */
export function exportToFile(ctx: CheckedContext, target: string): Fragment {
  const sameMachine = ctx.sourceServer?.fqdn === target && ctx.importPath === ctx.exportPath;
  return lines(
    ps`$Target = ${target}`,
    ps`$ExportFile = ${ctx.exportPath}`,
    ps`$ImportFile = ${ctx.importPath}`,
    ps`$null = [System.IO.Directory]::CreateDirectory([System.IO.Path]::GetDirectoryName($ExportFile))`,
    ps`if (${cmd('Test-Path', { LiteralPath: v('ExportFile') }, 'LiteralPath')}) { ${cmd('Remove-Item', { LiteralPath: v('ExportFile') }, 'LiteralPath')} }`,
    ps`${cmd('Export-CsConfiguration', { FileName: v('ExportFile') }, 'FileName')}`,
    ...(ctx.copyTo === null
      ? []
      : [
          ps`$CopyTo = ${ctx.copyTo}`,
          ps`${cmd('Copy-Item', { LiteralPath: v('ExportFile'), Destination: v('CopyTo'), Force: true }, 'LiteralPath')}`,
          say('Copied the export to ', v('CopyTo')),
        ]),
    sameMachine
      ? say('Done: exported the configuration to ', v('ExportFile'), '. Now run the import script.')
      : say(
          'Done: exported the configuration to ',
          v('ExportFile'),
          '. Copy it to ',
          v('ImportFile'),
          ' on ',
          v('Target'),
          ', then run the import script there.',
        ),
  );
}

/** Imports `ctx.importPath` into the local store, after checking the file and the store are there. */
export function importFromFile(ctx: CheckedContext, exportedOn: string, edge: boolean): Fragment {
  const wizard = wizardPath(ctx, 1);
  // An Edge Server seeds its store from a file; a domain-joined server's wizard reads the CMS itself.
  const wizardSource = edge
    ? 'choose "Import from a file (Recommended for Edge Servers)" and select '
    : 'choose "Retrieve directly from the Central Management store" (or "Import from a file" and select ';
  const wizardEnd = edge ? '; then run this script again to check.' : '); then run this script again to check.';
  const oauth = ctx.oauth;
  return lines(
    ps`$ImportFile = ${ctx.importPath}`,
    ps`$ExportedOn = ${exportedOn}`,
    ps`if (-not (${cmd('Test-Path', { LiteralPath: v('ImportFile'), PathType: 'Leaf' }, 'LiteralPath')})) {`,
    ps`    throw (${concat('The file ', v('ImportFile'), ' is not on this server yet. Copy the configuration exported on ', v('ExportedOn'), ' to this path, then run this script again.')})`,
    ps`}`,
    // An export written before the assignment cannot hold the certificate (a copy keeps the file's time).
    ...(oauth === null
      ? []
      : [
          parseUtc('AssignedAt', oauth.at),
          ps`$Written = (${cmd('Get-Item', { LiteralPath: v('ImportFile') }, 'LiteralPath')}).LastWriteTimeUtc`,
          ps`if ($Written -le $AssignedAt) {`,
          ps`    throw (${concat('The file ', v('ImportFile'), ' was written at ', ps`$Written.ToString('u')`, ', not after the OAuthTokenIssuer assignment at ', v('AssignedAtText'), ': it cannot hold the certificate. Run the export on ', v('ExportedOn'), ' again, copy the new file here, and run this script again.')})`,
          ps`}`,
        ]),
    requireLocalStore(
      concat(
        `This server has no local configuration store yet. Run ${wizard}, ${wizardSource}`,
        v('ImportFile'),
        wizardEnd,
      ),
    ),
    ps`${cmd('Import-CsConfiguration', { FileName: v('ImportFile'), LocalStore: true }, 'FileName')}`,
    say('Done: imported ', v('ImportFile'), ' into the local configuration store of ', v('Server'), '.'),
  );
}

/** Turns the ISO time in `$<name>Text` into a UTC [datetime] named `$<name>`, whatever the server's locale. */
export function parseUtc(name: string, iso: string): Fragment {
  return lines(
    ps`${v(`${name}Text`)} = ${iso}`,
    ps`${v(name)} = [datetime]::Parse(${v(`${name}Text`)}, [System.Globalization.CultureInfo]::InvariantCulture, [System.Globalization.DateTimeStyles]::AdjustToUniversal)`,
  );
}
