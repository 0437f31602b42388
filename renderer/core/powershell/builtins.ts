import { PRODUCT_VERSIONS } from '../model/product';
import type { CatalogCmdlet, CatalogParameter } from './catalog-types';

/**
 * The built-in Windows PowerShell cmdlets our scripts use, with the parameter sets and parameters we rely
 * on, all present in Windows PowerShell 3.0 (the version Lync Server 2013 requires). Only what the scripts
 * need is listed: a parameter missing here is refused by the catalog check rather than guessed at.
 */

const EVERY_PRODUCT = PRODUCT_VERSIONS;

const p = (name: string, extra: Omit<CatalogParameter, 'name'> = {}): CatalogParameter => ({ name, ...extra });
const switchParameter = (name: string): CatalogParameter => ({ name, switch: true });
const mandatory = (name: string): CatalogParameter => ({ name, mandatory: true });

/** Built-in cmdlets the scripts may call, alongside the Lync/SfB catalog. */
export const BUILTIN_CMDLETS: readonly CatalogCmdlet[] = [
  {
    cmdlet: 'Get-Service',
    products: EVERY_PRODUCT,
    sets: [
      {
        name: 'Default',
        isDefault: true,
        parameters: [
          p('Name'),
          p('ComputerName'),
          switchParameter('DependentServices'),
          switchParameter('RequiredServices'),
          p('Include'),
          p('Exclude'),
        ],
      },
    ],
  },
  {
    cmdlet: 'Get-WinEvent',
    products: EVERY_PRODUCT,
    sets: [
      {
        name: 'HashQuerySet',
        parameters: [
          mandatory('FilterHashtable'),
          p('MaxEvents'),
          p('ComputerName'),
          p('Credential'),
          switchParameter('Force'),
          switchParameter('Oldest'),
        ],
      },
    ],
  },
  {
    cmdlet: 'Get-Date',
    products: EVERY_PRODUCT,
    sets: [{ name: 'net', isDefault: true, parameters: [p('Date'), p('Format'), p('DisplayHint')] }],
  },
  {
    cmdlet: 'ConvertTo-Json',
    products: EVERY_PRODUCT,
    sets: [
      { name: '__AllParameterSets', parameters: [mandatory('InputObject'), p('Depth'), switchParameter('Compress')] },
    ],
  },
  {
    cmdlet: 'Write-Host',
    products: EVERY_PRODUCT,
    sets: [
      {
        name: '__AllParameterSets',
        parameters: [
          p('Object'),
          switchParameter('NoNewline'),
          p('Separator'),
          p('ForegroundColor'),
          p('BackgroundColor'),
        ],
      },
    ],
  },
  {
    cmdlet: 'Format-List',
    products: EVERY_PRODUCT,
    sets: [{ name: '__AllParameterSets', parameters: [p('InputObject'), p('Property')] }],
  },
  {
    cmdlet: 'Write-Output',
    products: EVERY_PRODUCT,
    sets: [{ name: '__AllParameterSets', parameters: [mandatory('InputObject')] }],
  },
  {
    cmdlet: 'Start-Sleep',
    products: EVERY_PRODUCT,
    sets: [
      { name: 'Seconds', isDefault: true, parameters: [mandatory('Seconds')] },
      { name: 'Milliseconds', parameters: [mandatory('Milliseconds')] },
    ],
  },
  {
    cmdlet: 'Test-Path',
    products: EVERY_PRODUCT,
    sets: [
      {
        name: 'Path',
        isDefault: true,
        parameters: [
          mandatory('Path'),
          p('PathType'),
          switchParameter('IsValid'),
          p('Filter'),
          p('Include'),
          p('Exclude'),
          p('Credential'),
        ],
      },
      {
        name: 'LiteralPath',
        parameters: [
          mandatory('LiteralPath'),
          p('PathType'),
          switchParameter('IsValid'),
          p('Filter'),
          p('Include'),
          p('Exclude'),
          p('Credential'),
        ],
      },
    ],
  },
  {
    cmdlet: 'Get-Item',
    products: EVERY_PRODUCT,
    sets: [
      {
        name: 'LiteralPath',
        parameters: [
          mandatory('LiteralPath'),
          switchParameter('Force'),
          p('Filter'),
          p('Include'),
          p('Exclude'),
          p('Credential'),
        ],
      },
    ],
  },
  {
    cmdlet: 'Copy-Item',
    products: EVERY_PRODUCT,
    sets: [
      {
        name: 'LiteralPath',
        parameters: [
          mandatory('LiteralPath'),
          p('Destination'),
          switchParameter('Container'),
          switchParameter('Force'),
          switchParameter('Recurse'),
          switchParameter('PassThru'),
          p('Filter'),
          p('Include'),
          p('Exclude'),
          p('Credential'),
          switchParameter('WhatIf'),
          switchParameter('Confirm'),
        ],
      },
    ],
  },
  {
    cmdlet: 'Remove-Item',
    products: EVERY_PRODUCT,
    sets: [
      {
        name: 'LiteralPath',
        parameters: [
          mandatory('LiteralPath'),
          switchParameter('Force'),
          switchParameter('Recurse'),
          p('Filter'),
          p('Include'),
          p('Exclude'),
          p('Credential'),
          switchParameter('WhatIf'),
          switchParameter('Confirm'),
        ],
      },
    ],
  },
];

/**
 * Common parameters every cmdlet above and in the catalog accepts in Windows PowerShell 3.0
 * (InformationAction and PipelineVariable came later and are left out on purpose).
 */
export const COMMON_PARAMETERS: readonly string[] = [
  'Verbose',
  'Debug',
  'ErrorAction',
  'WarningAction',
  'ErrorVariable',
  'WarningVariable',
  'OutVariable',
  'OutBuffer',
];
