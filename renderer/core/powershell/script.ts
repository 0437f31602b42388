import type { OAuthAssignment } from '../gate/gate';
import { findServer, type Deployment, type Server } from '../model/deployment';
import type { ProductInfo } from '../model/product';
import { comment, concat, lines, ps, v, type Command, type Fragment } from './render';
import { showValue } from './validators';

/** A generated script, ready to show, copy and record. */
export interface Script {
  /** Which script this is for its target, e.g. "step-1", "A-import", "verify" (unique per target). */
  readonly id: string;
  readonly title: string;
  /** The server the script is about (normalised FQDN). */
  readonly target: string;
  /** The server to run it on (normalised FQDN); differs from target when an internal server acts for an Edge. */
  readonly server: string;
  /** The management shell to run it in. */
  readonly shell: string;
  readonly runAs: 'administrator';
  /** What success looks like, in words. */
  readonly success: string;
  /** The PowerShell text. */
  readonly text: string;
  /** Every command the text runs, as data (for the catalog check and the runbook). */
  readonly commands: readonly Command[];
}

/** Choices the admin may make about how scripts work. Every value is validated before use. */
export interface ScriptOptions {
  /** Path A on a domain-joined server: 'bytes' (one step, the default) or 'file'. An Edge Server always uses a file. */
  readonly route?: 'bytes' | 'file';
  /** Where the exporting server writes the .zip (default C:\CsConfig\CsConfiguration.zip). */
  readonly exportPath?: string;
  /** Where the target reads the .zip (default: the export path). */
  readonly importPath?: string;
  /** A folder or file the exporting server copies the .zip to, e.g. a share the target can read. */
  readonly copyTo?: string;
  /** The internal server that exports (default: where OAuth was assigned, else the first CMS-pool server). */
  readonly sourceServer?: string;
  /** How long the wait for event 3038 lasts, in whole minutes (1–120; default 15). */
  readonly waitMinutes?: number;
}

/** What every script builder needs: the deployment, the OAuth assignment so far, and the admin's choices. */
export interface ScriptContext {
  readonly deployment: Deployment;
  readonly oauth: OAuthAssignment | null;
  readonly options?: ScriptOptions;
}

/** One script, or every reason it cannot be built. */
export type ScriptResult =
  { readonly ok: true; readonly script: Script } | { readonly ok: false; readonly errors: readonly string[] };

/** Several scripts to run in order, or every reason they cannot be built. */
export type ScriptsResult =
  | { readonly ok: true; readonly scripts: readonly Script[] }
  | { readonly ok: false; readonly errors: readonly string[] };

/** A context whose every value has been checked and normalised. */
export interface CheckedContext {
  readonly deployment: Deployment;
  readonly product: ProductInfo;
  readonly oauth: { readonly server: string; readonly thumbprint: string | null; readonly at: string } | null;
  readonly route: 'bytes' | 'file';
  readonly exportPath: string;
  readonly importPath: string;
  readonly copyTo: string | null;
  /** The internal server that exports for the file route, when the deployment has one. */
  readonly sourceServer: Server | null;
  readonly waitMinutes: number;
}

/**
 * Where a script must run: only on its own server (checked at run time), on its own server with the
 * computer it ran on reported rather than checked (verification), or on any internal server.
 */
export type RunWhere = 'this-server' | 'report' | 'internal';

/** The parts of a script's header. */
export interface Header {
  readonly title: string;
  readonly where: RunWhere;
  readonly success: string;
  readonly rerunnable: boolean;
  /** Extra lines of explanation (our own words only). */
  readonly notes?: readonly string[];
}

/** The comment header, `$ErrorActionPreference = 'Stop'`, `$Server`, and the run-here check when needed. */
export function preamble(ctx: CheckedContext, server: string, header: Header): Fragment {
  const where: Readonly<Record<RunWhere, string>> = {
    'this-server': 'the server named in $Server below (the script stops on any other computer)',
    report: 'the server named in $Server below (its output names the computer it ran on)',
    internal:
      'the server named in $Server below, or any other domain-joined server with access to the Central Management Store',
  };
  const parts = [
    comment(`lync-runbook | ${header.title}`),
    comment(`Run on:  ${where[header.where]}`),
    comment(`Shell:   ${ctx.product.shell}, opened with "Run as administrator"`),
    comment(`Success: ${header.success}`),
    comment(header.rerunnable ? 'Safe to run more than once.' : 'Run it once.'),
    ...(header.notes ?? []).map((note) => comment(note)),
    ps`$ErrorActionPreference = 'Stop'`,
    ps`$Server = ${server}`,
  ];
  if (header.where === 'this-server') parts.push(runHereCheck());
  return lines(...parts);
}

/** Stops the script on any computer but the one it was generated for (full name = host + DNS suffix). */
function runHereCheck(): Fragment {
  return lines(
    ps`$HostInfo = [System.Net.NetworkInformation.IPGlobalProperties]::GetIPGlobalProperties()`,
    ps`$ThisComputer = $HostInfo.HostName`,
    ps`if ($HostInfo.DomainName) { $ThisComputer = $HostInfo.HostName + '.' + $HostInfo.DomainName }`,
    ps`if ($ThisComputer -ne $Server) {`,
    ps`    throw (${concat('This script is for ', v('Server'), ', but this computer is ', v('ThisComputer'), '. Run it on ', v('Server'), '.')})`,
    ps`}`,
  );
}

/** A finished Script from its header facts and body. */
export function makeScript(
  ctx: CheckedContext,
  meta: { id: string; target: string; server: string; header: Header },
  body: Fragment,
): Script {
  const all = lines(preamble(ctx, meta.server, meta.header), body);
  return {
    id: meta.id,
    title: meta.header.title,
    target: meta.target,
    server: meta.server,
    shell: ctx.product.shell,
    runAs: 'administrator',
    success: meta.header.success,
    text: `${all.text}\n`,
    commands: all.commands,
  };
}

/** The server a script is for, or the message saying it is not in the deployment. */
export function targetServer(ctx: CheckedContext, fqdn: string): Server | string {
  return (
    findServer(ctx.deployment, fqdn) ?? `Server ${showValue(fqdn)} is not in this deployment; pick one of its servers.`
  );
}
