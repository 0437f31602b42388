/**
 * Checks on the raw text, made before any parsing so that archives, mis-encoded text, binary data,
 * hostile DTDs and tag floods are refused cheaply, each with a message saying which file to choose.
 */

/** Most tags read: a large real topology has some tens of thousands; millions only make the parse slow. */
export const MAX_TAGS = 500_000;

/** The number of tags, counted only to just past MAX_TAGS so an oversize file costs no more than that. */
export function countTags(xml: string): number {
  let count = 0;
  for (let at = xml.indexOf('<'); at >= 0 && count <= MAX_TAGS; at = xml.indexOf('<', at + 1)) count += 1;
  return count;
}

/** Why the text is not text at all (an archive, UTF-16 read as UTF-8, binary), or null when it is. */
export function binaryProblem(xml: string): string | null {
  if (xml.startsWith('PK\u0003\u0004')) {
    return 'This is a ZIP archive (perhaps the configuration from Export-CsConfiguration), not a topology. Export the topology with Get-CsTopology -AsXml and import that XML file.';
  }
  const nul = xml.indexOf('\u0000');
  if (nul >= 0) {
    // UTF-16 text read as single bytes puts a NUL beside every ASCII character.
    const sample = xml.slice(0, 200);
    const nuls = sample.split('\u0000').length - 1;
    if (nuls >= sample.length / 3) {
      return 'The topology looks like UTF-16 text read as UTF-8 (Out-File writes UTF-16 unless told otherwise). Export it again with Out-File -Encoding UTF8, or open it in a text editor and save it as UTF-8.';
    }
    return 'The topology holds binary data, not text. Choose the XML file written by Get-CsTopology -AsXml or the .tbxml file saved by Topology Builder.';
  }
  if (hasForbiddenControlCharacter(xml)) {
    return 'The topology holds control characters that XML does not allow; it looks like a binary file. Choose the XML file written by Get-CsTopology -AsXml or the .tbxml file saved by Topology Builder.';
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

/** Why a DOCTYPE or ENTITY declaration refuses the file (the way into entity attacks), or null when there is none. */
export function declarationProblem(xml: string): string | null {
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
    return 'The topology declares an external entity or DTD (SYSTEM/PUBLIC), which could make a reader fetch other files or addresses. A topology export never has one, so it was refused without reading it. Export the topology again with Get-CsTopology -AsXml.';
  }
  if (hasEntity) {
    return 'The topology declares entities (<!ENTITY …>). A topology export never does, and such declarations are how entity-expansion ("billion laughs") attacks work, so it was refused without expanding anything. Export the topology again with Get-CsTopology -AsXml.';
  }
  return 'The topology has a document type declaration (<!DOCTYPE …>). A topology export never has one, so it was refused. Export the topology again with Get-CsTopology -AsXml, or remove the declaration if you wrote the file yourself.';
}
