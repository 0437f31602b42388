import { describe, expect, it } from 'vitest';
import { Language, Parser } from 'web-tree-sitter';
import { PRODUCTS } from '../../../renderer/core/model/product';
import {
  TOPOLOGY_EXPORT_HELP,
  TOPOLOGY_EXPORT_SCRIPT,
  topologyExportHelp,
} from '../../../renderer/core/topology/export-help';

async function powershellErrors(script: string): Promise<boolean> {
  await Parser.init();
  const language = await Language.load(
    new URL('../../../node_modules/tree-sitter-powershell/tree-sitter-powershell.wasm', import.meta.url).pathname,
  );
  const parser = new Parser();
  parser.setLanguage(language);
  const tree = parser.parse(script);
  if (tree === null) throw new Error('no parse tree');
  return tree.rootNode.hasError;
}

describe('the help for exporting the topology', () => {
  it('is a script that parses as PowerShell, stops on the first error and writes UTF-8', async () => {
    expect(await powershellErrors(TOPOLOGY_EXPORT_SCRIPT)).toBe(false);
    expect(TOPOLOGY_EXPORT_SCRIPT.split('\n')[0]).toBe("$ErrorActionPreference = 'Stop'");
    expect(TOPOLOGY_EXPORT_SCRIPT).toContain('Get-CsTopology -AsXml | Out-File');
    expect(TOPOLOGY_EXPORT_SCRIPT).toContain('-Encoding UTF8');
  });

  it('names the shell of the chosen product, and points at the .tbxml for an unpublished topology', () => {
    expect(topologyExportHelp('lync2013').where).toContain(PRODUCTS.lync2013.shell);
    expect(topologyExportHelp('sfb2019').where).toContain(PRODUCTS.sfb2019.shell);
    expect(topologyExportHelp('sfb2019').script).toBe(TOPOLOGY_EXPORT_SCRIPT);
    expect(TOPOLOGY_EXPORT_HELP.tbxmlNote).toMatch(/Topology Builder.*\.tbxml/);
  });
});
