/**
 * Reading a topology document: the text screened, validated and parsed without entity expansion,
 * then resolved into elements. The entry point the topology readers import the tree and its accessors from.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { SAFE_XML_OPTIONS } from '../xml/safe-parser';
import { MAX_DEPTH, toTree } from './xml-convert';
import type { XmlReadResult } from './xml-element';
import { binaryProblem, countTags, declarationProblem, MAX_TAGS } from './xml-screen';

/** The element tree and its accessors, re-exported so readers import everything XML from this one module. */
export { attrOf, childOf, childrenOf, describeElement, type XmlElement, type XmlReadResult } from './xml-element';

/** Largest input read, in characters; a real topology export is well under 1 MB. */
export const MAX_TOPOLOGY_CHARS = 20 * 1024 * 1024;

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

function clip(message: string): string {
  return message.length > MAX_MESSAGE_QUOTE ? `${message.slice(0, MAX_MESSAGE_QUOTE)}…` : message;
}

function preview(text: string): string {
  const first = text.slice(0, 24).replace(/\s+/g, ' ');
  return text.length > 24 ? `${first}…` : first;
}
