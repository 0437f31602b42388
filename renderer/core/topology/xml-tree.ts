import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** One XML element with its namespace resolved, the only shape the topology readers look at. */
export interface XmlElement {
  /** Namespace URI, or null for an element in no namespace. */
  readonly ns: string | null;
  readonly local: string;
  /** Attributes without a prefix (the topology formats use no others), entity references decoded. */
  readonly attrs: ReadonlyMap<string, string>;
  readonly children: readonly XmlElement[];
  /** The element's own text (CDATA included), entity references decoded, trimmed. */
  readonly text: string;
}

/** The outcome of reading a document: its root element, or why it was refused. */
export type XmlReadResult =
  { readonly ok: true; readonly root: XmlElement } | { readonly ok: false; readonly problem: string };

/** Largest input read, in characters; a real topology export is well under 1 MB. */
export const MAX_TOPOLOGY_CHARS = 20 * 1024 * 1024;

// A topology is about ten levels deep; the limit keeps hostile nesting from costing anything.
const MAX_DEPTH = 64;

// A large real topology has some tens of thousands of tags; millions only make the parse slow.
const MAX_TAGS = 500_000;

// Parser messages quote the offending text, which in a hostile file can be megabytes long.
const MAX_MESSAGE_QUOTE = 160;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  // Entity expansion off: the parser never expands anything. DOCTYPE and ENTITY declarations are
  // refused before parsing; the five predefined references and character references are decoded below.
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  trimValues: true,
  maxNestedTags: MAX_DEPTH,
});

/**
 * Reads a document into namespace-resolved elements, refusing — with a message an admin can act on —
 * anything that is not plain, well-formed XML: oversize, empty, binary, DOCTYPE/ENTITY declarations
 * (the way into entity-expansion and external-entity attacks), and undeclared namespace prefixes.
 */
export function readXml(input: string): XmlReadResult {
  const refuse = (problem: string): XmlReadResult => ({ ok: false, problem });
  if (typeof input !== 'string') return refuse('The topology must be given as text.');
  if (input.length > MAX_TOPOLOGY_CHARS) {
    const mb = (input.length / (1024 * 1024)).toFixed(1);
    return refuse(
      `The file is ${mb} MB; a topology export is normally well under 1 MB and at most 20 MB is read. Check that you chose the topology XML or .tbxml file, not a log or an archive.`,
    );
  }
  const xml = input.startsWith('\uFEFF') ? input.slice(1) : input;
  if (xml.trim().length === 0) {
    return refuse(
      'The file is empty. Export the topology again (Get-CsTopology -AsXml) and check that the file was written.',
    );
  }
  const binary = binaryProblem(xml);
  if (binary !== null) return refuse(binary);
  const declaration = declarationProblem(xml);
  if (declaration !== null) return refuse(declaration);

  if (countTags(xml) > MAX_TAGS) {
    return refuse(
      `The file has more than ${MAX_TAGS.toLocaleString('en-US')} tags; a topology export has a few thousand. Choose the XML file written by Get-CsTopology -AsXml or the .tbxml file saved by Topology Builder.`,
    );
  }
  const trimmed = xml.trimStart();
  if (!trimmed.startsWith('<')) {
    return refuse(
      `The file is not XML: it starts with "${preview(trimmed)}". Choose the file written by Get-CsTopology -AsXml or saved by Topology Builder (.tbxml).`,
    );
  }
  const valid = XMLValidator.validate(xml, { allowBooleanAttributes: false });
  if (valid !== true) {
    const where =
      valid.err.col === undefined ? `line ${valid.err.line}` : `line ${valid.err.line}, column ${valid.err.col}`;
    return refuse(
      `The file is not well-formed XML (${where}: ${clip(valid.err.msg.replace(/\.$/, ''))}). It may have been cut short or edited by hand; export the topology again and import the new file.`,
    );
  }
  let parsed: unknown;
  try {
    parsed = parser.parse(xml);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return refuse(
      `The file could not be read as XML (${clip(reason)}). Export the topology again and import the new file.`,
    );
  }
  return toTree(parsed);
}

/** Child elements of `el` in namespace `ns` named `local`, in document order. */
export function childrenOf(el: XmlElement, ns: string | readonly string[], local: string): XmlElement[] {
  const uris: readonly (string | null)[] = typeof ns === 'string' ? [ns] : ns;
  return el.children.filter((c) => c.local === local && uris.includes(c.ns));
}

/** The first child element of `el` in namespace `ns` named `local`, if any. */
export function childOf(el: XmlElement, ns: string | readonly string[], local: string): XmlElement | undefined {
  return childrenOf(el, ns, local)[0];
}

/** An attribute value, trimmed, or null when missing or blank. */
export function attrOf(el: XmlElement, name: string): string | null {
  const value = el.attrs.get(name)?.trim();
  return value === undefined || value === '' ? null : value;
}

/** The element's qualified name for messages, e.g. `<Cluster>` in urn:… */
export function describeElement(el: XmlElement): string {
  return el.ns === null ? `<${el.local}> (in no namespace)` : `<${el.local}> in namespace ${el.ns}`;
}

function clip(message: string): string {
  return message.length > MAX_MESSAGE_QUOTE ? `${message.slice(0, MAX_MESSAGE_QUOTE)}…` : message;
}

function countTags(xml: string): number {
  let count = 0;
  for (let at = xml.indexOf('<'); at >= 0 && count <= MAX_TAGS; at = xml.indexOf('<', at + 1)) count += 1;
  return count;
}

function preview(text: string): string {
  const first = text.slice(0, 24).replace(/\s+/g, ' ');
  return text.length > 24 ? `${first}…` : first;
}

function binaryProblem(xml: string): string | null {
  if (xml.startsWith('PK\u0003\u0004')) {
    return 'This is a ZIP archive (perhaps the configuration from Export-CsConfiguration), not a topology. Export the topology with Get-CsTopology -AsXml and import that XML file.';
  }
  const nul = xml.indexOf('\u0000');
  if (nul >= 0) {
    // UTF-16 text read as single bytes puts a NUL beside every ASCII character.
    const sample = xml.slice(0, 200);
    const nuls = sample.split('\u0000').length - 1;
    if (nuls >= sample.length / 3) {
      return 'The file looks like UTF-16 text read as UTF-8 (Out-File writes UTF-16 unless told otherwise). Export it again with Out-File -Encoding UTF8, or open it in a text editor and save it as UTF-8.';
    }
    return 'The file holds binary data, not text. Choose the XML file written by Get-CsTopology -AsXml or the .tbxml file saved by Topology Builder.';
  }
  if (hasForbiddenControlCharacter(xml)) {
    return 'The file holds control characters that XML does not allow; it looks like a binary file. Choose the XML file written by Get-CsTopology -AsXml or the .tbxml file saved by Topology Builder.';
  }
  return null;
}

/** XML 1.0 allows no C0 control character other than tab, line feed and carriage return. */
function hasForbiddenControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return true;
  }
  return false;
}

function declarationProblem(xml: string): string | null {
  const starts = [xml.search(/<!DOCTYPE/i), xml.search(/<!ENTITY/i)].filter((i) => i >= 0);
  if (starts.length === 0) return null;
  const hasEntity = starts.length === 2 || /^<!ENTITY/i.test(xml.slice(starts[0], (starts[0] ?? 0) + 8));
  // The file is refused either way; only the message depends on whether the declarations point
  // outside. Looking at a bounded window (the DTD, at most 64 KB) keeps hostile input linear.
  const start = Math.min(...starts);
  let dtd = xml.slice(start, start + 64 * 1024);
  const bracket = dtd.indexOf('[');
  const close = dtd.indexOf('>');
  if (bracket >= 0 && (close < 0 || bracket < close)) {
    const end = dtd.indexOf(']>');
    if (end >= 0) dtd = dtd.slice(0, end);
  } else if (close >= 0) {
    dtd = dtd.slice(0, close);
  }
  if (/\b(SYSTEM|PUBLIC)\b/.test(dtd)) {
    return 'The file declares an external entity or DTD (SYSTEM/PUBLIC), which could make a reader fetch other files or addresses. A topology export never has one, so it was refused without reading it. Export the topology again with Get-CsTopology -AsXml.';
  }
  if (hasEntity) {
    return 'The file declares entities (<!ENTITY …>). A topology export never does, and such declarations are how entity-expansion ("billion laughs") attacks work, so it was refused without expanding anything. Export the topology again with Get-CsTopology -AsXml.';
  }
  return 'The file has a document type declaration (<!DOCTYPE …>). A topology export never has one, so it was refused. Export the topology again with Get-CsTopology -AsXml, or remove the declaration if you wrote the file yourself.';
}

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

function toTree(parsed: unknown): XmlReadResult {
  if (!Array.isArray(parsed))
    return {
      ok: false,
      problem: 'The file could not be read as XML. Export the topology again and import the new file.',
    };
  const elements = parsed.filter((n): n is RawNode => isElementNode(n));
  if (elements.length === 0) {
    return {
      ok: false,
      problem: 'The file has no XML element in it. Export the topology again with Get-CsTopology -AsXml.',
    };
  }
  if (elements.length > 1) {
    return {
      ok: false,
      problem:
        'The file has more than one top-level element; a topology has exactly one. Export the topology again and import the file as written.',
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
      `The file nests elements more than ${MAX_DEPTH} deep; a topology never does. Export the topology again.`,
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
