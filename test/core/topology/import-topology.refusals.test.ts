import { describe, expect, it } from 'vitest';
import { importTopology } from '../../../renderer/core/topology/import-topology';
import { enterpriseXml, expectImported, expectRefused, publishedXml, readFixture } from './support';

const published = readFixture('published-enterprise.xml');
const tbxml = readFixture('never-published.tbxml');
const lync = { product: 'lync2013' } as const;

const BILLION_LAUGHS = `<?xml version="1.0"?>
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

/** Each malformed input, and what the admin must be told about it. */
const CASES: readonly { name: string; xml: string; says: RegExp }[] = [
  { name: 'an empty string', xml: '', says: /The file is empty\. Export the topology again/ },
  { name: 'only white space', xml: ' \r\n\t ', says: /The file is empty/ },
  {
    name: 'plain text, not XML',
    xml: 'Identity : Global\nInternalDomains : {contoso.com}',
    says: /The file is not XML: it starts with "Identity : Global Intern…"/,
  },
  {
    name: 'truncated XML',
    xml: published.slice(0, Math.floor(published.length * 0.6)),
    says: /not well-formed XML \(line \d+.*\)\. It may have been cut short/,
  },
  {
    name: 'mismatched tags',
    xml: '<Topology xmlns="urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008"><Clusters></Topology>',
    says: /not well-formed XML \(line 1, column \d+: Expected closing tag 'Clusters'/,
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
    name: 'a cluster without Fqdn',
    xml: publishedXml({
      clusters: [{ machines: ['fe01.contoso.local'] }],
      services: [{ role: 'UserServices', on: 0 }],
    }),
    says: /Cluster number 1 in the list of clusters has no Fqdn attribute/,
  },
  {
    name: 'a .tbxml cluster without Fqdn',
    xml: tbxml.replace(' Fqdn="dirpool.contoso.local"', ''),
    says: /Cluster number 2 in the list of clusters has no Fqdn attribute/,
  },
  {
    name: 'an invalid machine FQDN',
    xml: published.replace('Fqdn="fe02.contoso.local"', 'Fqdn="fe_02.contoso.local"'),
    says: /Server "fe_02\.contoso\.local" in pool fepool\.contoso\.local has a part "fe_02" that is not allowed/,
  },
  {
    name: 'a machine given by its short name',
    xml: published.replace('Fqdn="fe03.contoso.local"', 'Fqdn="FE03"'),
    says: /Server "FE03" in pool fepool\.contoso\.local is a single name; give the full name/,
  },
  {
    name: 'an invalid pool FQDN',
    xml: published.replace('Fqdn="fepool.contoso.local"', 'Fqdn="fepool..contoso.local"'),
    says: /The Enterprise Edition Front End pool "fepool\.\.contoso\.local" has two dots in a row/,
  },
  {
    name: 'a machine in two clusters',
    xml: published.replace('Fqdn="dir01.contoso.local" FaultDomain', 'Fqdn="FE02.contoso.local" FaultDomain'),
    says: /Server fe02\.contoso\.local is in two pools, fepool\.contoso\.local and dir01\.contoso\.local; a server belongs to one pool only/,
  },
  {
    name: 'two clusters with one FQDN',
    xml: enterpriseXml({
      clusters: [{ fqdn: 'FEPOOL.contoso.local', machines: ['fe09.contoso.local'] }],
      services: [{ role: 'UserServices', on: 1 }],
    }),
    says: /Two clusters are both named fepool\.contoso\.local/,
  },
  {
    name: 'a topology with no Lync servers',
    xml: publishedXml({
      clusters: [{ fqdn: 'sql01.contoso.local', setup: false, machines: ['sql01.contoso.local'], sql: true }],
      services: [{ role: 'UserStore', on: 0, onSql: true }],
    }),
    says: /no server that runs the Deployment Wizard: all its clusters need no setup \(sql01\.contoso\.local\)/,
  },
  {
    name: 'a topology with no clusters',
    xml: publishedXml({ clusters: [], services: [] }),
    says: /no server that runs the Deployment Wizard: it has no clusters at all/,
  },
  {
    name: 'input over the size cap',
    xml: `${published}${' '.repeat(21 * 1024 * 1024)}`,
    says: /The file is 21\.0 MB; .* at most 20 MB is read/,
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
    says: /The file holds binary data, not text/,
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
    name: 'a Registrar installed on a cluster that does not exist',
    xml: published.replace(
      '<ServiceId SiteId="1" RoleName="Registrar" Instance="2" />\n      <InstalledOn><ClusterId SiteId="1" Number="2" />',
      '<ServiceId SiteId="1" RoleName="Registrar" Instance="2" />\n      <InstalledOn><ClusterId SiteId="1" Number="9" />',
    ),
    says: /The Registrar service is installed on cluster 1:9, which is not a cluster of this topology, so which pool runs it cannot be known/,
  },
  {
    name: 'a .tbxml CentralMgmt on an unknown UniqueId',
    xml: tbxml.replace(
      '</Services>',
      '<Service UniqueId="f0f0f0f0-0000-4000-8000-000000000001" RoleName="CentralMgmt" InstalledOn="deadbeef-0000-4000-8000-000000000000"><CentralMgmtService IsActive="true" xmlns="urn:schema:Microsoft.Rtc.Management.Deploy.ServiceRoles.2008" /></Service></Services>',
    ),
    says: /The CentralMgmt service is installed on UniqueId deadbeef-0000-4000-8000-000000000000, which is not a cluster of this topology/,
  },
  {
    name: 'no default SIP domain',
    xml: publishedXml({
      domain: null,
      clusters: [{ fqdn: 'fepool.contoso.local', machines: ['fe01.contoso.local'] }],
      services: [{ role: 'UserServices', on: 0 }],
    }),
    says: /no default SIP domain \(InternalDomains\/@DefaultDomain\)/,
  },
  {
    name: 'an invalid SIP domain',
    xml: published.replace('DefaultDomain="contoso.com"', 'DefaultDomain="contoso"'),
    says: /The default SIP domain "contoso" is a single name/,
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
    name: 'two clusters with the same ClusterId',
    xml: published.replace('<ClusterId SiteId="1" Number="2" />', '<ClusterId SiteId="1" Number="1" />'),
    says: /Two clusters share the ClusterId 1:1/,
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
    name: 'a .tbxml server without Fqdn in a multi-server pool',
    xml: tbxml.replace('<Machine Fqdn="dir02.contoso.local" FaultDomain', '<Machine FaultDomain'),
    says: /Pool dirpool\.contoso\.local lists a server without an Fqdn/,
  },
  {
    name: 'a prototype-polluting element name',
    xml: '<__proto__><polluted>1</polluted></__proto__>',
    says: /could not be read as XML \(.*__proto__.*\)/,
  },
];

describe('importTopology refuses malformed input with a message', () => {
  it.each(CASES)('$name', ({ xml, says }) => {
    expect(expectRefused(importTopology(xml, lync))).toMatch(says);
  });

  it('has at least 20 distinct cases', () => {
    expect(new Set(CASES.map((c) => c.name)).size).toBeGreaterThanOrEqual(20);
  });

  it('keeps messages short even when the parser quotes a huge piece of the input', () => {
    const result = importTopology(`<a b="1">${'<'.repeat(100_000)}`, lync);
    const problems = expectRefused(result);
    expect(problems).toMatch(/not well-formed XML/);
    expect(problems.length).toBeLessThan(600);
  });

  it('expands nothing: the entity attack is refused before any element is read', () => {
    const result = importTopology(BILLION_LAUGHS, lync);
    expect(JSON.stringify(result)).not.toContain('lollol');
  });

  it('refuses a product that is not supported', () => {
    expect(expectRefused(importTopology(published, { product: 'lync2010' as never }))).toMatch(
      /Choose the product version/,
    );
  });

  it('refuses a topology where no pool can host the CMS and none is given', () => {
    const xml = publishedXml({
      clusters: [{ fqdn: 'edgepool.contoso.com', machines: ['edge01.contoso.com'] }],
      services: [{ role: 'EdgeServer', on: 0 }],
    });
    expect(expectRefused(importTopology(xml, lync))).toMatch(
      /No pool in this topology can host the Central Management Store: it has no Enterprise Edition Front End pool and no Standard Edition server/,
    );
  });

  it('lists every FQDN problem at once rather than the first only', () => {
    const xml = published
      .replace('Fqdn="fe02.contoso.local"', 'Fqdn="fe 02"')
      .replace('Fqdn="fe03.contoso.local"', 'Fqdn="-fe03.contoso.local"');
    const result = importTopology(xml, lync);
    expect(result.ok ? [] : result.problems).toHaveLength(2);
  });

  it('does not validate the names of skipped clusters: a gateway given by IP address is fine', () => {
    const xml = enterpriseXml({
      clusters: [{ fqdn: '10.0.0.5', setup: false, machines: ['10.0.0.5'] }],
      services: [{ role: 'PstnGateway', on: 1 }],
    });
    const result = expectImported(importTopology(xml, lync));
    expect(result.skipped).toEqual([
      { fqdn: '10.0.0.5', reason: expect.stringMatching(/^PSTN gateway:/) as unknown as string },
    ]);
  });

  it('warns, without refusing, when a skipped cluster names an imported server', () => {
    const xml = enterpriseXml({
      clusters: [{ fqdn: 'fs.contoso.local', setup: false, machines: ['fe01.contoso.local'] }],
      services: [{ role: 'FileStore', on: 1 }],
    });
    const result = expectImported(importTopology(xml, lync));
    expect(result.warnings.join(' ')).toMatch(
      /Server fe01\.contoso\.local is in pool fepool\.contoso\.local and also in the skipped cluster fs\.contoso\.local/,
    );
  });

  it('asks for the CMS pool, with a warning, when the CentralMgmt service is not marked active', () => {
    const xml = published.replace('IsActive="true"', 'IsActive="false"');
    const result = expectImported(importTopology(xml, lync));
    expect(result.cms.from).toBe('needed');
    expect(result.warnings.join(' ')).toMatch(
      /has a CentralMgmt service on fepool\.contoso\.local but does not mark it active/,
    );
  });

  it('asks for the CMS pool when the CentralMgmt service says nothing about being active', () => {
    const xml = publishedXml({
      clusters: [{ fqdn: 'fepool.contoso.local', machines: ['fe01.contoso.local'] }],
      services: [
        { role: 'UserServices', on: 0 },
        { role: 'CentralMgmt', on: 0 },
      ],
    });
    const result = expectImported(importTopology(xml, lync));
    expect(result.cms).toEqual({ from: 'needed', candidates: ['fepool.contoso.local'] });
    expect(result.warnings.join(' ')).toMatch(/does not mark it active/);
  });

  it('asks for the CMS pool when the topology marks it active on two pools', () => {
    const xml = enterpriseXml({
      clusters: [{ fqdn: 'fepool2.contoso.local', machines: ['fe11.contoso.local'] }],
      services: [
        { role: 'UserServices', on: 1 },
        { role: 'CentralMgmt', on: 1, cmsActive: true },
      ],
    });
    const result = expectImported(importTopology(xml, lync));
    expect(result.cms).toEqual({ from: 'needed', candidates: ['fepool.contoso.local', 'fepool2.contoso.local'] });
    expect(result.warnings.join(' ')).toMatch(
      /marks the CMS as active on more than one pool \(fepool\.contoso\.local, fepool2\.contoso\.local\)/,
    );
  });
});
