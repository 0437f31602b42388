import { beforeAll, describe, expect, it } from 'vitest';
import type { Parser, Tree } from 'web-tree-sitter';
import type { OAuthAssignment } from '../../../renderer/core/gate/gate';
import { PRODUCT_VERSIONS, PRODUCTS, type ProductVersion } from '../../../renderer/core/model/product';
import { checkCommand } from '../../../renderer/core/powershell/catalog';
import {
  allScripts,
  buildScripts,
  buildVerificationScript,
  scriptRequests,
} from '../../../renderer/core/powershell/scripts';
import type { Script, ScriptContext, ScriptOptions } from '../../../renderer/core/powershell/script';
import { FIELD_REPORT_OAUTH, fieldReport, standardEdition, TOPOLOGIES, twoFrontEnds } from './fixtures/deployments';
import { commandsInTree, parse, powershellParser, syntaxProblems } from './tree-sitter';

let parser: Parser;
beforeAll(async () => {
  parser = await powershellParser();
});

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
  'thumbprint to assign': { oauthThumbprint: '00112233445566778899aabbccddeeff00112233' },
};

interface Case {
  readonly label: string;
  readonly product: ProductVersion;
  readonly context: ScriptContext;
  readonly scripts: readonly Script[];
}

/** Every combination of product, topology, OAuth state and options, with every script it generates. */
function everyCase(): Case[] {
  const cases: Case[] = [];
  for (const product of PRODUCT_VERSIONS) {
    for (const [topology, build] of Object.entries(TOPOLOGIES)) {
      const deployment = build(product);
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

/** The script text with string literals and comments blanked out, to look for code constructs. */
function codeOnly(tree: Tree, text: string): string {
  const units = text.split('');
  for (const node of tree.rootNode.descendantsOfType(['verbatim_string_characters', 'comment'])) {
    if (node !== null) for (let i = node.startIndex; i < node.endIndex; i++) units[i] = ' ';
  }
  return units.join('');
}

const ALLOWED_TYPES: ReadonlySet<string> = new Set([
  '[System.Net.NetworkInformation.IPGlobalProperties]',
  '[System.IO.Directory]',
  '[System.IO.Path]',
  '[System.Globalization.CultureInfo]',
  '[System.Globalization.DateTimeStyles]',
  '[datetime]',
  '[string]',
  '[string[]]',
  '[bool]',
  '[ordered]',
]);

/** What one parse of a script shows, computed once per distinct text (the tree is freed at once). */
interface Parsed {
  readonly problems: readonly string[];
  readonly treeCommands: readonly string[];
  readonly newerKinds: readonly string[];
  readonly types: readonly string[];
  readonly code: string;
}

const NEWER_OR_UNSAFE_NODES = [
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

function inspect(text: string): Parsed {
  const tree = parse(parser, text);
  try {
    return {
      problems: syntaxProblems(tree),
      treeCommands: commandsInTree(tree)
        .map((t) => `${t.name} ${t.parameters.join(' ')}`.trim())
        .sort(),
      newerKinds: tree.rootNode.descendantsOfType(NEWER_OR_UNSAFE_NODES).map((n) => n!.type),
      types: tree.rootNode.descendantsOfType('type_literal').map((n) => n!.text),
      code: codeOnly(tree, text),
    };
  } finally {
    tree.delete();
  }
}

describe('every script the app can generate', () => {
  const cases = everyCase();
  const parsed = new Map<string, Parsed>();
  const scriptsOf = () =>
    cases.flatMap((c) => c.scripts.map((script) => ({ c, script, parsed: parsed.get(script.text)! })));

  beforeAll(() => {
    for (const c of cases)
      for (const script of c.scripts) if (!parsed.has(script.text)) parsed.set(script.text, inspect(script.text));
  }, 300_000);

  it('covers each product, topology, server, request and path', () => {
    expect(cases.length).toBe(PRODUCT_VERSIONS.length * Object.keys(TOPOLOGIES).length * 3 * 3);
    const ids = new Set(cases.flatMap((c) => c.scripts.map((s) => s.id)));
    for (const id of [
      'step-1',
      'step-1-export',
      'step-1-import',
      'step-2',
      'step-3',
      'step-4',
      'A-export',
      'A-import',
      'B-cms-running',
      'B-start-agent',
      'B-event-3038',
      'C-replication-complete',
      'C-rerun-step1',
      'C-rerun-step1-export',
      'C-rerun-step1-import',
      'verify',
    ]) {
      expect(ids).toContain(id);
    }
    for (const c of cases) {
      for (const server of c.context.deployment.servers) {
        expect(c.scripts.some((s) => s.target === server.fqdn && s.id === 'verify')).toBe(true);
      }
    }
  });

  it('parses with tree-sitter-powershell without an ERROR or MISSING node', () => {
    expect(parsed.size).toBeGreaterThan(300);
    for (const { c, script, parsed: result } of scriptsOf()) {
      expect(result.problems, `${c.label} / ${script.target} / ${script.id}\n${script.text}`).toEqual([]);
    }
  });

  it('runs only commands the catalog knows, as they exist in that product', () => {
    for (const { c, script } of scriptsOf()) {
      for (const command of script.commands) {
        expect(
          checkCommand(command, c.product),
          `${c.label} / ${script.target} / ${script.id}: ${command.cmdlet}`,
        ).toEqual([]);
      }
    }
  });

  it('runs no command that is not in its data (so the catalog check sees every one)', () => {
    for (const { c, script, parsed: result } of scriptsOf()) {
      const fromData = script.commands
        .map((command) => `${command.cmdlet} ${Object.keys(command.parameters).join(' ')}`.trim())
        .sort();
      expect(result.treeCommands, `${c.label} / ${script.id}`).toEqual(fromData);
    }
  });

  it('uses only Windows PowerShell 3.0 constructs and single-quoted strings', () => {
    const failures: string[] = [];
    for (const { c, script, parsed: result } of scriptsOf()) {
      const where = `${c.label} / ${script.target} / ${script.id}`;
      if (result.newerKinds.length > 0) failures.push(`${where}: ${result.newerKinds.join(', ')}`);
      for (const type of result.types) if (!ALLOWED_TYPES.has(type)) failures.push(`${where}: type ${type}`);
      for (const later of ['::new(', '??', '-AsHashtable', '-NoEnumerate', '-AsArray', '&&', '||'])
        if (result.code.includes(later)) failures.push(`${where}: ${later}`);
    }
    expect(failures).toEqual([]);
  });

  it('starts with a header naming where to run, the shell, administrator and success, then stops on the first error', () => {
    const failures: string[] = [];
    for (const { c, script } of scriptsOf()) {
      const where = `${c.label} / ${script.target} / ${script.id}`;
      const lines = script.text.split('\n');
      const firstCode = lines.findIndex((line) => !line.startsWith('#'));
      const header = lines.slice(0, firstCode).join('\n');
      const servers = c.context.deployment.servers.map((s) => s.fqdn);
      const checks: readonly [boolean, string][] = [
        [firstCode > 3, 'header too short'],
        [/^# lync-runbook \| /.test(header), 'title line'],
        [/\n# Run on: {2}the server named in \$Server below/.test(header), 'where to run'],
        [
          header.includes(`# Shell:   ${PRODUCTS[c.product].shell}, opened with "Run as administrator"`),
          'shell and administrator',
        ],
        [header.includes(`# Success: ${script.success}`), 'success'],
        [lines[firstCode] === "$ErrorActionPreference = 'Stop'", 'stop on first error'],
        [lines[firstCode + 1] === `$Server = '${script.server}'`, '$Server'],
        [script.runAs === 'administrator' && script.shell === PRODUCTS[c.product].shell, 'runAs and shell'],
        [servers.includes(script.server) && servers.includes(script.target), 'server and target in the deployment'],
      ];
      for (const [ok, what] of checks) if (!ok) failures.push(`${where}: ${what}`);
    }
    expect(failures).toEqual([]);
  });

  it('never uses Start-CsPool on Lync Server 2013, and on Skype for Business only for an Enterprise pool of three or more', () => {
    for (const c of cases) {
      for (const script of c.scripts) {
        const usesPool = script.commands.some((command) => command.cmdlet === 'Start-CsPool');
        const target = c.context.deployment.servers.find((s) => s.fqdn === script.target)!;
        const poolKind = c.context.deployment.pools.find((p) => p.fqdn === target.pool)!.kind;
        const bigPool =
          poolKind === 'enterprise-front-end' &&
          c.context.deployment.servers.filter((s) => s.pool === target.pool).length >= 3;
        const frontEnd = target.role === 'front-end';
        expect(usesPool, `${c.label} / ${script.target} / ${script.id}`).toBe(
          c.product !== 'lync2013' && bigPool && frontEnd && script.id === 'step-4',
        );
        if (script.id === 'step-4' && !usesPool)
          expect(script.commands.map((command) => command.cmdlet)).toContain('Start-CsWindowsService');
      }
    }
  });

  it('seeds an Edge Server from a file exported on an internal server, and runs CMS queries elsewhere', () => {
    for (const c of cases) {
      for (const edge of c.context.deployment.servers.filter((s) => s.role === 'edge')) {
        const mine = c.scripts.filter((s) => s.target === edge.fqdn);
        const exportScript = mine.find((s) => s.id === 'step-1-export')!;
        const importScript = mine.find((s) => s.id === 'step-1-import')!;
        expect(exportScript.server).not.toBe(edge.fqdn);
        expect(exportScript.commands.map((command) => command.cmdlet)).toContain('Export-CsConfiguration');
        expect(importScript.server).toBe(edge.fqdn);
        expect(
          importScript.commands.find((command) => command.cmdlet === 'Import-CsConfiguration')!.parameters,
        ).toMatchObject({ LocalStore: true });
        expect(mine.find((s) => s.id === 'A-export')!.server).not.toBe(edge.fqdn);
        expect(mine.find((s) => s.id === 'B-cms-running')!.server).not.toBe(edge.fqdn);
        expect(mine.find((s) => s.id === 'C-replication-complete')!.server).not.toBe(edge.fqdn);
        expect(mine.some((s) => s.commands.some((command) => command.parameterSet === 'AsBytes'))).toBe(false);
      }
    }
  });
});

describe('building scripts', () => {
  const context: ScriptContext = { deployment: fieldReport(), oauth: FIELD_REPORT_OAUTH };

  it('lists every request: four steps, the items of paths A, B and C, and verification', () => {
    expect(
      scriptRequests().map((r) =>
        r.kind === 'step' ? `step ${r.step}` : r.kind === 'remediation' ? `${r.path}.${r.item}` : r.kind,
      ),
    ).toEqual([
      'step 1',
      'step 2',
      'step 3',
      'step 4',
      'A.export',
      'A.import',
      'A.verify',
      'B.cms-running',
      'B.start-agent',
      'B.event-3038',
      'B.verify',
      'C.replication-complete',
      'C.rerun-step1',
      'verify',
    ]);
  });

  it('gives path A the one-step byte route on a domain-joined server and the file route when asked', () => {
    const bytes = buildScripts(context, 'fe02.contoso.local', { kind: 'remediation', path: 'A', item: 'import' });
    expect(bytes.ok && bytes.scripts[0]!.text).toContain(
      'Import-CsConfiguration -ByteInput (Export-CsConfiguration -AsBytes) -LocalStore',
    );
    const file = buildScripts({ ...context, options: { route: 'file' } }, 'fe02.contoso.local', {
      kind: 'remediation',
      path: 'A',
      item: 'import',
    });
    expect(file.ok && file.scripts[0]!.text).toContain('Import-CsConfiguration -FileName $ImportFile -LocalStore');
    const exported = buildScripts({ ...context, options: { route: 'file' } }, 'fe02.contoso.local', {
      kind: 'remediation',
      path: 'A',
      item: 'export',
    });
    expect(exported.ok && exported.scripts[0]!.server).toBe('fe01.contoso.local');
  });

  it('accepts the server FQDN in any case and finds the server', () => {
    const result = buildVerificationScript(context, 'FE02.Contoso.Local');
    expect(result.ok && result.script.target).toBe('fe02.contoso.local');
  });

  it('uses Start-CsPool for a Skype for Business pool of three and Start-CsWindowsService for two', () => {
    const three = buildScripts({ deployment: fieldReport('sfb2015'), oauth: null }, 'fe01.contoso.local', {
      kind: 'step',
      step: 4,
    });
    expect(three.ok && three.scripts[0]!.text).toContain(
      "$Pool = 'fepool.contoso.local'\nStart-CsPool -PoolFqdn $Pool",
    );
    const two = buildScripts({ deployment: twoFrontEnds('sfb2019'), oauth: null }, 'fe1.tailspin.example', {
      kind: 'step',
      step: 4,
    });
    expect(two.ok && two.scripts[0]!.text).toContain('\nStart-CsWindowsService\n');
    const standard = buildScripts({ deployment: standardEdition('sfb2019'), oauth: null }, 'se01.fabrikam.local', {
      kind: 'step',
      step: 4,
    });
    expect(standard.ok && standard.scripts[0]!.text).not.toContain('Start-CsPool');
  });

  it('assigns the OAuthTokenIssuer certificate in Step 3 only where none is assigned yet and a thumbprint is given', () => {
    const first = buildScripts(
      {
        deployment: fieldReport(),
        oauth: null,
        options: { oauthThumbprint: 'ab cd ef 01 23 45 67 89 ab cd ef 01 23 45 67 89 ab cd ef 01' },
      },
      'fe01.contoso.local',
      { kind: 'step', step: 3 },
    );
    expect(first.ok && first.scripts[0]!.text).toContain(
      "    $NewThumbprint = 'ABCDEF0123456789ABCDEF0123456789ABCDEF01'\n    Set-CsCertificate -Identity 'global' -Type 'OAuthTokenIssuer' -Thumbprint $NewThumbprint",
    );
    const later = buildScripts(
      {
        deployment: fieldReport(),
        oauth: FIELD_REPORT_OAUTH,
        options: { oauthThumbprint: 'ABCDEF0123456789ABCDEF0123456789ABCDEF01' },
      },
      'fe02.contoso.local',
      { kind: 'step', step: 3 },
    );
    expect(later.ok && later.scripts[0]!.text).not.toContain('Set-CsCertificate');
  });

  it('waits for event 3038 in a bounded loop with a clear message when time runs out', () => {
    const result = buildScripts({ ...context, options: { waitMinutes: 7 } }, 'fe02.contoso.local', {
      kind: 'remediation',
      path: 'B',
      item: 'event-3038',
    });
    if (!result.ok) throw new Error(result.errors.join(' '));
    const text = result.scripts[0]!.text;
    expect(text).toContain('$TimeoutMinutes = 7');
    expect(text).toContain("$AssignedAtText = '2012-11-24T19:40:00.000Z'");
    expect(text).toContain('$Deadline = (Get-Date).AddMinutes($TimeoutMinutes)');
    expect(text).toMatch(
      /if \(\(Get-Date\) -ge \$Deadline\) \{\n\s+throw \('No event 3038 in the Lync Server event log after ' \+ \$TimeoutMinutes/,
    );
    expect(text).toContain('Start-Sleep -Seconds 15');
    expect(text).toContain('Invoke-CsManagementStoreReplication -ReplicaFqdn $Server');
  });

  it('names the Replica Replicator Agent the way each product does', () => {
    for (const product of PRODUCT_VERSIONS) {
      const result = buildScripts({ deployment: fieldReport(product), oauth: null }, 'fe02.contoso.local', {
        kind: 'remediation',
        path: 'B',
        item: 'start-agent',
      });
      expect(result.ok && result.scripts[0]!.text).toContain(
        `Done: the ${PRODUCTS[product].replicaServiceDisplayName} (REPLICA) is Running.`,
      );
      expect(result.ok && result.scripts[0]!.text).toContain("Start-CsWindowsService -Name 'REPLICA'");
    }
  });
});

describe('refusing to build', () => {
  const base: ScriptContext = { deployment: fieldReport(), oauth: FIELD_REPORT_OAUTH };
  const errorsOf = (context: ScriptContext, server = 'fe02.contoso.local') => {
    const result = buildScripts(context, server, { kind: 'remediation', path: 'A', item: 'export' });
    return result.ok ? [] : result.errors;
  };

  it('returns every problem and no script', () => {
    const errors = errorsOf({
      ...base,
      options: { exportPath: 'config.zip', waitMinutes: 0, route: 'disk' as 'file' },
    });
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(/^The export route "disk" is not one the app knows/);
    expect(errors[1]).toMatch(/^The export file "config\.zip" is a relative path/);
    expect(errors[2]).toBe('The wait for event 3038 (0 minutes) must be a whole number of minutes from 1 to 120.');
  });

  it('refuses an invalid deployment with its own messages', () => {
    const deployment = { ...fieldReport(), sipDomain: 'contoso' };
    expect(errorsOf({ ...base, deployment })).toEqual([
      'The SIP domain "contoso" is a single name; give the full name with its domain (for example fe01.contoso.local).',
    ]);
  });

  it('refuses a bad OAuth record, an unknown server and an Edge Server as the export source', () => {
    expect(errorsOf({ ...base, oauth: { ...FIELD_REPORT_OAUTH, thumbprint: 'not-a-thumbprint' } })[0]).toMatch(
      /^The OAuthTokenIssuer thumbprint "not-a-thumbprint" contains "n"/,
    );
    expect(errorsOf({ ...base, oauth: { ...FIELD_REPORT_OAUTH, at: 'yesterday' } })[0]).toMatch(
      /^The time the OAuthTokenIssuer certificate was assigned "yesterday" is not an ISO 8601/,
    );
    expect(errorsOf(base, 'fe09.contoso.local')).toEqual([
      'Server "fe09.contoso.local" is not in this deployment; pick one of its servers.',
    ]);
    expect(errorsOf(base, "fe02.contoso.local'; x")[0]).toMatch(/^The server "fe02\.contoso\.local'; x"/);
    expect(errorsOf({ ...base, options: { sourceServer: 'edge01.perimeter.contoso.com' } })).toEqual([
      'The server to export from, edge01.perimeter.contoso.com, is an Edge Server, which has no access to the Central Management Store; pick an internal server.',
    ]);
  });
});
