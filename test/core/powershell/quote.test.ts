import { beforeAll, describe, expect, it } from 'vitest';
import type { Parser } from 'web-tree-sitter';
import { quoteLiteral } from '../../../renderer/core/powershell/quote';
import { decodeVerbatim, parse, powershellParser, syntaxProblems, verbatimStrings } from './tree-sitter';

let parser: Parser;
beforeAll(async () => {
  parser = await powershellParser();
});

describe('quoteLiteral', () => {
  it('wraps plain text in single quotes', () => {
    expect(quoteLiteral('fe02.contoso.local')).toBe("'fe02.contoso.local'");
    expect(quoteLiteral('')).toBe("''");
  });

  it('doubles the ASCII single quote', () => {
    expect(quoteLiteral("it's")).toBe("'it''s'");
    expect(quoteLiteral("'")).toBe("''''");
  });

  it('doubles each typographic single quote PowerShell also ends strings with', () => {
    expect(quoteLiteral('\u2018')).toBe("'\u2018\u2018'");
    expect(quoteLiteral('\u2019')).toBe("'\u2019\u2019'");
    expect(quoteLiteral('\u201A')).toBe("'\u201A\u201A'");
    expect(quoteLiteral('\u201B')).toBe("'\u201B\u201B'");
    expect(quoteLiteral("a\u2019'b")).toBe("'a\u2019\u2019''b'");
  });

  it('leaves everything else alone: nothing else is special in a verbatim string', () => {
    for (const text of [
      '$(Remove-Item C:\\)',
      '${env:x}',
      '`n`"',
      '"\u201C\u201D\u201E',
      '; | & # <# #>',
      'line\nbreak\r\n',
      '\u2028\u0085',
      '😀',
    ]) {
      expect(quoteLiteral(text)).toBe(`'${text}'`);
    }
  });

  it('gives a literal PowerShell reads back as exactly the input, as one string token', () => {
    const samples = [
      "'; Remove-Item -Recurse C:\\ #",
      '\u2018)\u2019;\u201A\u201B',
      "''''",
      "x'\u2019'\u2018",
      '$(whoami)`"\u201C',
      '#>\n<#\r\u2028',
    ];
    for (const value of samples) {
      const literal = quoteLiteral(value);
      const tree = parse(parser, `$Value = ${literal}\n`);
      expect(syntaxProblems(tree)).toEqual([]);
      const strings = verbatimStrings(tree);
      expect(strings).toHaveLength(1);
      expect(strings[0]!.text).toBe(literal);
      expect(decodeVerbatim(strings[0]!.text)).toBe(value);
    }
  });
});
