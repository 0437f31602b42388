import { beforeAll, describe, expect, it } from 'vitest';
import type { Parser } from 'web-tree-sitter';
import {
  commandsInTree,
  decodeVerbatim,
  parse,
  powershellParser,
  syntaxProblems,
  verbatimStrings,
} from './tree-sitter';

/** The checks the script tests rely on must be able to fail. */
let parser: Parser;
beforeAll(async () => {
  parser = await powershellParser();
});

describe('the PowerShell parse helpers', () => {
  it('report broken scripts', () => {
    for (const broken of ["$x = 'unterminated", 'if ($x { }', 'Write-Host (1 + ', 'foreach ($a in $b {']) {
      const tree = parse(parser, broken);
      expect(syntaxProblems(tree), broken).not.toEqual([]);
      tree.delete();
    }
    const fine = parse(parser, "$x = 'it''s'\nWrite-Host -Object $x\n");
    expect(syntaxProblems(fine)).toEqual([]);
    fine.delete();
  });

  it('decode single-quoted literals the way PowerShell does, typographic quotes included', () => {
    expect(decodeVerbatim("'it''s'")).toBe("it's");
    expect(decodeVerbatim("'a\u2019\u2019b'")).toBe('a\u2019b');
    expect(decodeVerbatim("'a\u2019'b'")).toBe("a'b");
    // tree-sitter sees one string here; PowerShell ends it at the lone typographic quote.
    expect(decodeVerbatim("'a\u2019b'")).toBeNull();
    expect(decodeVerbatim("'a\u2018 + $x + \u2018b'")).toBeNull();
  });

  it('find literals and commands with their parameters', () => {
    const tree = parse(
      parser,
      "$a = 'x'\nGet-Service -Name 'REPLICA' -ErrorAction 'Stop'\n$b = @(Get-CsCertificate -Type 'OAuthTokenIssuer')\n",
    );
    expect(verbatimStrings(tree).map((s) => s.text)).toEqual(["'x'", "'REPLICA'", "'Stop'", "'OAuthTokenIssuer'"]);
    expect(commandsInTree(tree)).toEqual([
      { name: 'Get-Service', parameters: ['Name', 'ErrorAction'] },
      { name: 'Get-CsCertificate', parameters: ['Type'] },
    ]);
    tree.delete();
  });
});
