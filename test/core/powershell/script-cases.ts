// Every combination of inputs the app can generate scripts for, and what a Windows PowerShell 3.0 script may contain.
import type { OAuthAssignment } from '../../../renderer/core/gate/gate';
import { deploymentErrors } from '../../../renderer/core/model/validate';
import { PRODUCT_VERSIONS, type ProductVersion } from '../../../renderer/core/model/product';
import { allScripts } from '../../../renderer/core/powershell/scripts';
import type { Script, ScriptContext, ScriptOptions } from '../../../renderer/core/powershell/script';
import { FIELD_REPORT_OAUTH, TOPOLOGIES } from './fixtures/deployments';

const OAUTH_VARIANTS: Readonly<Record<string, (servers: readonly string[]) => OAuthAssignment | null>> = {
  'no OAuth yet': () => null,
  'OAuth with thumbprint': (servers) => ({ ...FIELD_REPORT_OAUTH, server: servers[0]! }),
  'OAuth without thumbprint': (servers) => ({ ...FIELD_REPORT_OAUTH, server: servers[0]!, thumbprint: null }),
};

const OPTION_VARIANTS: Readonly<Record<string, ScriptOptions>> = {
  defaults: {},
  'file route, copied to a share': {
    route: 'file',
    exportPath: 'D:\\Exports\\cs.zip',
    importPath: 'C:\\Import\\cs.zip',
    copyTo: '\\\\files.contoso.local\\lync$\\drop',
    waitMinutes: 5,
  },
  'the longest wait': { waitMinutes: 120 },
};

export interface Case {
  readonly label: string;
  readonly product: ProductVersion;
  readonly context: ScriptContext;
  readonly scripts: readonly Script[];
}

/** Every combination of product, topology, OAuth state and options, with every script it generates. */
export function everyCase(): Case[] {
  const cases: Case[] = [];
  for (const product of PRODUCT_VERSIONS) {
    for (const [topology, build] of Object.entries(TOPOLOGIES)) {
      const deployment = build(product);
      // A topology the product refuses (Skype for Business Server 2019 with a two-Front-End pool) makes no scripts.
      if (deploymentErrors(deployment).length > 0) continue;
      for (const [oauthLabel, oauth] of Object.entries(OAUTH_VARIANTS)) {
        for (const [optionsLabel, options] of Object.entries(OPTION_VARIANTS)) {
          const context: ScriptContext = { deployment, oauth: oauth(deployment.servers.map((s) => s.fqdn)), options };
          const result = allScripts(context);
          if (!result.ok)
            throw new Error(`${product}/${topology}/${oauthLabel}/${optionsLabel}: ${result.errors.join(' ')}`);
          cases.push({
            label: `${product} / ${topology} / ${oauthLabel} / ${optionsLabel}`,
            product,
            context,
            scripts: result.scripts,
          });
        }
      }
    }
  }
  return cases;
}

export const ALLOWED_TYPES: ReadonlySet<string> = new Set([
  '[System.Net.NetworkInformation.IPGlobalProperties]',
  '[System.IO.Directory]',
  '[System.IO.Path]',
  '[System.Globalization.CultureInfo]',
  '[System.Globalization.DateTimeStyles]',
  '[datetime]',
  '[string]',
  '[string[]]',
  '[bool]',
  '[int]',
  '[System.TimeZoneInfo]',
  '[ordered]',
]);

export const NEWER_OR_UNSAFE_NODES = [
  'expandable_string_literal',
  'expandable_here_string_literal',
  'verbatim_here_string_characters',
  'sub_expression',
  'class_statement',
  'enum_statement',
  'pipeline_chain_tail',
  'script_block_expression',
  'function_statement',
];
