/**
 * Reading a topology document: the text screened, validated and parsed without entity expansion,
 * then resolved into elements. The entry point the topology readers import the tree and its accessors from.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { utf8Bytes } from '../model/utf8';
import { SAFE_XML_OPTIONS } from '../xml/safe-parser';
import { MAX_DEPTH, toTree } from './xml-convert';
import type { XmlReadResult } from './xml-element';
import { binaryProblem, countTags, declarationProblem, MAX_TAGS } from './xml-screen';

/** The element tree and its accessors, re-exported so readers import everything XML from this one module. */
export { attrOf, childOf, childrenOf, describeElement, type XmlElement, type XmlReadResult } from './xml-element';

/**
 * Largest input read, in UTF-8 bytes; a real topology export is well under 1 MB. Counted in bytes,
 * as a file's size is, so a chosen file is refused by its size before it is read (issue 15, bug 8).
 */
export const MAX_TOPOLOGY_BYTES = 20 * 1024 * 1024;

/** Where a topology's text came from, for the words of a refusal: a file by its name, a paste, or not known. */
export type TopologySource = { readonly file: string } | 'paste' | 'text';

/** Why a topology of `bytes` UTF-8 bytes is not read (its size, the limit, what to give instead), or null. */
export function topologySizeProblem(bytes: number, source: TopologySource = 'text'): string | null {
  if (bytes <= MAX_TOPOLOGY_BYTES) return null;
  const size = `${(bytes / (1024 * 1024)).toFixed(1)} MB; a topology export is normally well under 1 MB and at most ${MAX_TOPOLOGY_BYTES / (1024 * 1024)} MB is read.`;
  if (source === 'paste') {
    return `The pasted text is ${size} It was not put in the box. Paste only the XML that Get-CsTopology -AsXml wrote, or choose that file (or the .tbxml Topology Builder saved) with Choose a topology file.`;
  }
  const name = source === 'text' ? 'The topology' : source.file;
  return `${name} is ${size} Check that you chose the topology XML that Get-CsTopology -AsXml wrote or the .tbxml Topology Builder saved, not a log or an archive.`;
}

// Parser messages quote the offending text, which in a hostile file can be megabytes long.
const MAX_MESSAGE_QUOTE = 160;

// Entity expansion off (SAFE_XML_OPTIONS): DOCTYPE and ENTITY declarations are refused before
// parsing; the five predefined references and character references are decoded in xml-convert.ts.
const parser = new XMLParser({
  ...SAFE_XML_OPTIONS,
  preserveOrder: true,
  attributeNamePrefix: '',
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
  // Each UTF-16 unit is at most 3 UTF-8 bytes: a text that short is within the limit without counting.
  const tooLarge = input.length * 3 <= MAX_TOPOLOGY_BYTES ? null : topologySizeProblem(utf8Bytes(input));
  if (tooLarge !== null) return refuse(tooLarge);
  const xml = input.startsWith('\uFEFF') ? input.slice(1) : input;
  if (xml.trim().length === 0) {
    return refuse(
      'The topology is empty. Export the topology again (Get-CsTopology -AsXml) and check that the file was written.',
    );
  }
  const binary = binaryProblem(xml);
  if (binary !== null) return refuse(binary);
  const declaration = declarationProblem(xml);
  if (declaration !== null) return refuse(declaration);

  if (countTags(xml) > MAX_TAGS) {
    return refuse(
      `The topology has more than ${MAX_TAGS.toLocaleString('en-US')} tags; a topology export has a few thousand. Choose the XML file written by Get-CsTopology -AsXml or the .tbxml file saved by Topology Builder.`,
    );
  }
  const trimmed = xml.trimStart();
  if (!trimmed.startsWith('<')) {
    return refuse(
      `The topology is not XML: it starts with "${preview(trimmed)}". Choose the file written by Get-CsTopology -AsXml or saved by Topology Builder (.tbxml).`,
    );
  }
  const valid = XMLValidator.validate(xml, { allowBooleanAttributes: false });
  if (valid !== true) {
    const where =
      valid.err.col === undefined ? `line ${valid.err.line}` : `line ${valid.err.line}, column ${valid.err.col}`;
    return refuse(
      `The topology is not well-formed XML (${where}: ${plainXmlProblem(valid.err.msg)}). It may have been cut short or edited by hand; export the topology again and import the new file.`,
    );
  }
  let parsed: unknown;
  try {
    parsed = parser.parse(xml);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return refuse(
      `The topology could not be read as XML (${clip(reason)}). Export the topology again and import the new file.`,
    );
  }
  return toTree(parsed);
}

/**
 * The XML reader's complaint in an admin's words: its messages speak of "boolean attributes" and
 * such. The common ones are said plainly, naming what they name; any other is said generically.
 */
const PLAIN_XML_PROBLEMS: readonly [RegExp, (m: RegExpExecArray) => string][] = [
  [
    /^boolean attribute '([^']*)' is not allowed/i,
    (m) => `the attribute ${m[1]} has no value (write it as name="value")`,
  ],
  [/^attribute '([^']*)' is without value/i, (m) => `the attribute ${m[1]} has no value (write it as name="value")`],
  [/^attribute '([^']*)' is repeated/i, (m) => `the attribute ${m[1]} appears twice on one element`],
  [/^attribute '([^']*)' has no space in starting/i, (m) => `a space is missing before the attribute ${m[1]}`],
  [/^attribute '([^']*)' is an invalid name/i, (m) => `"${m[1]}" is not a valid attribute name`],
  [
    /^expected closing tag '([^']*)' \(opened in line (\d+)(?:, col \d+)?\) instead of closing tag '([^']*)'/i,
    (m) => `</${m[3]}> closes the element <${m[1]}> opened on line ${m[2]}, which must be closed first`,
  ],
  [
    /^closing tag '([^']*)' doesn't have proper opening tag/i,
    (m) => `</${m[1]}> closes an element that was never opened`,
  ],
  [
    /^closing tag '([^']*)' is expected inplace of '([^']*)'/i,
    (m) => `</${m[2]}> is found where </${m[1]}> was expected`,
  ],
  [/^unclosed tag '([^']*)'/i, (m) => `the element <${m[1]}> is never closed`],
  [/^tag '([^']*)' is an invalid name/i, (m) => `"${m[1]}" is not a valid element name`],
  [/^invalid '\[.*\]' found/i, () => 'the text there is not XML markup'],
  [/^char '(.)' is not expected/i, (m) => `the character "${m[1]}" is not allowed there`],
];

function plainXmlProblem(message: string): string {
  for (const [pattern, words] of PLAIN_XML_PROBLEMS) {
    const m = pattern.exec(message);
    if (m !== null) return clip(words(m));
  }
  return 'the text there breaks the rules of XML';
}

function clip(message: string): string {
  return message.length > MAX_MESSAGE_QUOTE ? `${message.slice(0, MAX_MESSAGE_QUOTE)}…` : message;
}

function preview(text: string): string {
  const first = text.slice(0, 24).replace(/\s+/g, ' ');
  return text.length > 24 ? `${first}…` : first;
}
