import { beforeAll, describe, expect, it } from 'vitest';
import type { Parser, Tree } from 'web-tree-sitter';
import { PRODUCT_VERSIONS, PRODUCTS } from '../../../renderer/core/model/product';
import { checkCommand } from '../../../renderer/core/powershell/catalog';
import { TOPOLOGIES } from './fixtures/deployments';
import { ALLOWED_TYPES, everyCase, NEWER_OR_UNSAFE_NODES } from './script-cases';
import { commandsInTree, parse, powershellParser, syntaxProblems } from './tree-sitter';

let parser: Parser;
beforeAll(async () => {
  parser = await powershellParser();
});

/** The script text with string literals and comments blanked out, to look for code constructs. */
function codeOnly(tree: Tree, text: string): string {
  const units = text.split('');
  for (const node of tree.rootNode.descendantsOfType(['verbatim_string_characters', 'comment'])) {
    if (node !== null) for (let i = node.startIndex; i < node.endIndex; i++) units[i] = ' ';
  }
  return units.join('');
}

/** What one parse of a script shows, computed once per distinct text (the tree is freed at once). */
interface Parsed {
  readonly problems: readonly string[];
  readonly treeCommands: readonly string[];
  readonly newerKinds: readonly string[];
  readonly types: readonly string[];
  readonly code: string;
}

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
    // Less the one topology Skype for Business Server 2019 refuses: a pool of two Front Ends.
    expect(cases.length).toBe((PRODUCT_VERSIONS.length * Object.keys(TOPOLOGIES).length - 1) * 3 * 3);
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
      'A-start-agent',
      'B-replication-services',
      'B-start-agent',
      'B-event-3038',
      'C-cms-holds-assignment',
      'pool-start',
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

  it('never uses Start-CsPool on Lync Server 2013, and on Skype for Business only for the start of an Enterprise pool of three or more', () => {
    for (const c of cases) {
      for (const script of c.scripts) {
        const usesPool = script.commands.some((command) => command.cmdlet === 'Start-CsPool');
        const pool = c.context.deployment.servers.find((s) => s.fqdn === script.target)!.pool;
        const poolKind = c.context.deployment.pools.find((p) => p.fqdn === pool)!.kind;
        const bigPool =
          poolKind === 'enterprise-front-end' &&
          c.context.deployment.servers.filter((s) => s.pool === pool).length >= 3;
        expect(usesPool, `${c.label} / ${script.target} / ${script.id}`).toBe(
          c.product !== 'lync2013' && bigPool && script.id === 'pool-start',
        );
        if (script.id === 'step-4')
          expect(script.commands.map((command) => command.cmdlet)).toContain('Start-CsWindowsService');
        if (script.id === 'pool-start' && !usesPool)
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
        expect(mine.find((s) => s.id === 'B-replication-services')!.server).not.toBe(edge.fqdn);
        expect(mine.find((s) => s.id === 'C-cms-holds-assignment')!.server).not.toBe(edge.fqdn);
        expect(mine.some((s) => s.commands.some((command) => command.parameterSet === 'AsBytes'))).toBe(false);
      }
    }
  });
});
