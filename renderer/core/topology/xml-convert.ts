/**
 * The parser's raw ordered output turned into namespace-resolved elements: prefixes resolved against
 * their in-scope declarations, references decoded, and depth bounded, refusing what a topology never has.
 */
import type { XmlElement, XmlReadResult } from './xml-element';

/** Deepest nesting read: a topology is about ten levels deep, so hostile nesting costs nothing. */
export const MAX_DEPTH = 64;

const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the five predefined references and character references; anything else stays as written. */
function decode(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return PREDEFINED[ref] ?? whole;
  });
}

type Scope = ReadonlyMap<string, string>;
type RawNode = Record<string, unknown>;

class TreeProblem extends Error {}

/** The single root element of the parser's output (preserveOrder form), or why the document has none. */
export function toTree(parsed: unknown): XmlReadResult {
  if (!Array.isArray(parsed))
    return {
      ok: false,
      problem: 'The topology could not be read as XML. Export the topology again and import the new file.',
    };
  const elements = parsed.filter((n): n is RawNode => isElementNode(n));
  if (elements.length === 0) {
    return {
      ok: false,
      problem: 'The topology has no XML element in it. Export the topology again with Get-CsTopology -AsXml.',
    };
  }
  if (elements.length > 1) {
    return {
      ok: false,
      problem:
        'The topology has more than one top-level element; a topology has exactly one. Export the topology again and import the file as written.',
    };
  }
  try {
    return {
      ok: true,
      root: convert(elements[0] as RawNode, new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]), 0),
    };
  } catch (error) {
    if (error instanceof TreeProblem) return { ok: false, problem: error.message };
    throw error;
  }
}

function isElementNode(node: unknown): boolean {
  return typeof node === 'object' && node !== null && tagOf(node as RawNode) !== undefined;
}

function tagOf(node: RawNode): string | undefined {
  return Object.keys(node).find((k) => k !== ':@' && k !== '#text');
}

function convert(node: RawNode, parentScope: Scope, depth: number): XmlElement {
  if (depth > MAX_DEPTH)
    throw new TreeProblem(
      `The topology nests elements more than ${MAX_DEPTH} deep; a topology never does. Export the topology again.`,
    );
  const qname = tagOf(node) ?? '';
  const rawAttrs = (node[':@'] ?? {}) as Record<string, unknown>;
  let scope: Map<string, string> | undefined;
  const attrs = new Map<string, string>();
  for (const [name, rawValue] of Object.entries(rawAttrs)) {
    const value = decode(String(rawValue));
    if (name === 'xmlns' || name.startsWith('xmlns:')) {
      scope ??= new Map(parentScope);
      const prefix = name === 'xmlns' ? '' : name.slice(6);
      if (name !== 'xmlns' && (prefix === '' || value === '')) {
        throw new TreeProblem(
          `The element <${qname}> has an invalid namespace declaration ${name}="${value}". Export the topology again.`,
        );
      }
      if (value === '') scope.delete('');
      else scope.set(prefix, value);
    } else if (!name.includes(':')) {
      attrs.set(name, value);
    }
  }
  const inScope: Scope = scope ?? parentScope;
  const parts = qname.split(':');
  if (parts.length > 2 || parts.some((p) => p === '')) {
    throw new TreeProblem(`The element name <${qname}> is not a valid XML name. Export the topology again.`);
  }
  const [prefix, local] = parts.length === 2 ? [parts[0] as string, parts[1] as string] : ['', parts[0] as string];
  const ns = inScope.get(prefix) ?? null;
  if (prefix !== '' && ns === null) {
    throw new TreeProblem(
      `The element <${qname}> uses the namespace prefix "${prefix}" without declaring it (xmlns:${prefix}="…"). Export the topology again.`,
    );
  }
  const children: XmlElement[] = [];
  const texts: string[] = [];
  const content = node[qname];
  if (Array.isArray(content)) {
    for (const child of content as unknown[]) {
      if (typeof child !== 'object' || child === null) continue;
      const raw = child as RawNode;
      if ('#text' in raw && tagOf(raw) === undefined) texts.push(String(raw['#text']));
      else if (isElementNode(raw)) children.push(convert(raw, inScope, depth + 1));
    }
  }
  return { ns, local, attrs, children, text: decode(texts.join('')).trim() };
}
