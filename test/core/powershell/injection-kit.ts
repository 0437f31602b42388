// The property every script-injection test checks, and how many random values it is checked for.
import { expect } from 'vitest';
import type { Parser } from 'web-tree-sitter';
import { quoteLiteral } from '../../../renderer/core/powershell/quote';
import { buildScripts } from '../../../renderer/core/powershell/scripts';
import type { Input } from './injection-inputs';
import { decodeVerbatim, parse, powershellParser, syntaxProblems, verbatimStrings } from './tree-sitter';

/**
 * Adversarial values through every input that reaches a script. Each value is either refused with a
 * message, or shows up in the script only inside single-quoted literals that PowerShell reads back as
 * exactly the (normalised) value, and the script still parses. Runs: FUZZ_RUNS (2,000 by default;
 * `npm run test:fuzz` sets 100,000).
 */
export const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);

let parser: Parser;

/** Loads the PowerShell parser that checkScript reads scripts with; call it from beforeAll. */
export async function loadParser(): Promise<void> {
  parser = await powershellParser();
}

/** Occurrences of `needle` in `text` (UTF-16 offsets). */
function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) found.push(at);
  return found;
}

/** Offsets of `needle` in the script's text that lie outside every single-quoted literal. */
function outsideLiterals(text: string, needle: string, strings: readonly { start: number; end: number }[]): number[] {
  return occurrences(text, needle).filter((at) => !strings.some((s) => s.start < at && at + needle.length < s.end));
}

/** Outside-literal occurrences of `needle` in the script as built with the input's own ordinary value. */
function inTemplate(template: string | undefined, needle: string): number {
  if (template === undefined) return 0;
  const tree = parse(parser, template);
  try {
    return outsideLiterals(template, needle, verbatimStrings(tree)).length;
  } finally {
    tree.delete();
  }
}

/**
 * Where the value shows in one script: parses cleanly, only inside literals, and one literal reads
 * back as it. A short value may also be part of the script's fixed text ("k.ve" in
 * "lync-runbook.verify"): an occurrence counts as escaped only beyond the ones the same script has
 * when built with the input's ordinary value (`template`).
 */
function checkScript(text: string, value: string, where: string, template: string | undefined): boolean {
  const tree = parse(parser, text);
  try {
    const problems = syntaxProblems(tree);
    if (problems.length > 0) throw new Error(`${where}: does not parse: ${problems.join('; ')}\n${text}`);
    const strings = verbatimStrings(tree);
    const escaped = quoteLiteral(value).slice(1, -1);
    const outside = outsideLiterals(text, escaped, strings);
    if (outside.length > inTemplate(template, escaped)) {
      throw new Error(
        `${where}: the value ${JSON.stringify(value)} appears outside a single-quoted literal at offset ${outside[0]}\n${text}`,
      );
    }
    return strings.some((s) => decodeVerbatim(s.text) === value);
  } finally {
    tree.delete();
  }
}

const templates = new Map<string, ReadonlyMap<string, string>>();

/** Each script of the input built with an ordinary value (`around('')`, or `around('a')` where that is refused), by id. */
function templatesOf(input: Input): ReadonlyMap<string, string> {
  const known = templates.get(input.name);
  if (known !== undefined) return known;
  for (const ordinary of [input.around(''), input.around('a')]) {
    const { context, server, requests } = input.build(ordinary);
    const results = requests.map((request) => buildScripts(context, server, request));
    if (!results.every((r) => r.ok)) continue;
    const map = new Map(results.flatMap((r) => (r.ok ? r.scripts.map((s) => [s.id, s.text] as const) : [])));
    templates.set(input.name, map);
    return map;
  }
  throw new Error(`${input.name}: neither ordinary value is accepted; fix its around().`);
}

/** The property for one input and one value; returns whether it was refused. */
export function check(input: Input, value: string): 'refused' | 'accepted' {
  const { context, server, requests } = input.build(value);
  const results = requests.map((request) => buildScripts(context, server, request));
  const refused = results.filter((r) => !r.ok);
  if (refused.length > 0) {
    expect(refused.length, `${input.name}: refused for some scripts only`).toBe(results.length);
    for (const result of refused) {
      if (result.ok) continue;
      expect(result.errors.length).toBeGreaterThan(0);
      for (const error of result.errors) expect(error).toMatch(/\S.*\.$/s);
      expect(
        result.errors.some((e) => input.mentions.test(e)),
        `${input.name}: ${result.errors.join(' | ')}`,
      ).toBe(true);
    }
    return 'refused';
  }
  const expected = input.normal(value);
  const template = templatesOf(input);
  let seen = false;
  for (const result of results) {
    if (!result.ok) continue;
    for (const script of result.scripts)
      seen = checkScript(script.text, expected, `${input.name} / ${script.id}`, template.get(script.id)) || seen;
  }
  expect(seen, `${input.name}: the accepted value ${JSON.stringify(expected)} is in no literal of its scripts`).toBe(
    true,
  );
  return 'accepted';
}
