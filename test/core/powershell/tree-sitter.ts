import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Language, Parser, type Node, type Tree } from 'web-tree-sitter';

/** A PowerShell parser (tree-sitter-powershell), loaded once per test file and reused for every parse. */

let parser: Parser | null = null;

/** The shared parser; the first call loads the grammar. */
export async function powershellParser(): Promise<Parser> {
  if (parser !== null) return parser;
  await Parser.init();
  const require = createRequire(import.meta.url);
  const grammarDir = dirname(require.resolve('tree-sitter-powershell/package.json'));
  const language = await Language.load(new Uint8Array(readFileSync(join(grammarDir, 'tree-sitter-powershell.wasm'))));
  const created = new Parser();
  created.setLanguage(language);
  parser = created;
  return created;
}

/** Parses a script; throws if tree-sitter gives up entirely. */
export function parse(p: Parser, text: string): Tree {
  const tree = p.parse(text);
  if (tree === null) throw new Error('tree-sitter returned no tree');
  return tree;
}

/** Every ERROR or MISSING node, as "type at line:column: text" for readable failures. */
export function syntaxProblems(tree: Tree): string[] {
  const problems: string[] = [];
  const walk = (node: Node) => {
    if (node.isError || node.isMissing) {
      problems.push(
        `${node.isMissing ? 'MISSING' : 'ERROR'} ${node.type} at ${node.startPosition.row + 1}:${node.startPosition.column + 1}: ${JSON.stringify(node.text.slice(0, 80))}`,
      );
    }
    if (node.hasError || node.isMissing) for (const child of node.children) if (child !== null) walk(child);
  };
  walk(tree.rootNode);
  if (problems.length === 0 && tree.rootNode.hasError) problems.push('the tree reports an error without an ERROR node');
  return problems;
}

/** A single-quoted string in the tree: where it is (UTF-16 offsets into the script) and its text. */
export interface VerbatimString {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Every single-quoted string literal in the tree. */
export function verbatimStrings(tree: Tree): VerbatimString[] {
  return tree.rootNode
    .descendantsOfType('verbatim_string_characters')
    .flatMap((node) => (node === null ? [] : [{ start: node.startIndex, end: node.endIndex, text: node.text }]));
}

/**
 * The characters PowerShell's tokenizer reads as a single quote (CharExtensions.IsSingleQuote in the
 * PowerShell source: U+0027 and the typographic U+2018, U+2019, U+201A, U+201B). Kept here on its own,
 * not taken from the code under test, so a mistake there cannot hide itself.
 */
const POWERSHELL_SINGLE_QUOTES = new Set(["'", '\u2018', '\u2019', '\u201A', '\u201B']);

/** True for a character PowerShell reads as a single quote. */
export function isSingleQuoteChar(char: string): boolean {
  return POWERSHELL_SINGLE_QUOTES.has(char);
}

/**
 * The value PowerShell gives a single-quoted literal, read the way its tokenizer reads it: any of the five
 * single-quote characters ends the string unless another one follows, in which case the pair stands for
 * the second. Returns null when PowerShell would end the string somewhere other than at the literal's end
 * (tree-sitter knows only the ASCII quote, so this is where the two could disagree).
 */
export function decodeVerbatim(literal: string): string | null {
  if (!literal.startsWith("'")) return null;
  let value = '';
  let i = 1;
  while (i < literal.length) {
    const char = literal[i]!;
    if (isSingleQuoteChar(char)) {
      const next = literal[i + 1];
      if (next !== undefined && isSingleQuoteChar(next)) {
        value += next;
        i += 2;
        continue;
      }
      return i === literal.length - 1 ? value : null;
    }
    value += char;
    i += 1;
  }
  return null;
}

/** A command found in the tree: its name and the parameters written after it. */
export interface TreeCommand {
  readonly name: string;
  readonly parameters: readonly string[];
}

/** Every command invocation in the tree, with its -Parameter names (without the dash). */
export function commandsInTree(tree: Tree): TreeCommand[] {
  return tree.rootNode.descendantsOfType('command').flatMap((node) => {
    if (node === null) return [];
    const name =
      node.childForFieldName('command_name') ?? node.children.find((c) => c?.type === 'command_name') ?? null;
    const elements = node.children.find((c) => c?.type === 'command_elements') ?? null;
    const parameters =
      elements === null
        ? []
        : elements.children
            .filter((c) => c?.type === 'command_parameter')
            .map((c) => c!.text.replace(/^-/, '').replace(/:$/, ''));
    return name === null ? [] : [{ name: name.text, parameters }];
  });
}
