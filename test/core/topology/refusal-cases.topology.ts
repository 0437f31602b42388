// Well-formed topology documents refused for what they say: clusters, servers, services, names and domains.
import { enterpriseXml, publishedXml } from './support';
import { published, tbxml, type RefusalCase } from './refusal-inputs';

/** Each topology whose contents cannot be imported, and what the admin must be told about it. */
export const TOPOLOGY_CASES: readonly RefusalCase[] = [
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
    name: 'two clusters with the same ClusterId',
    xml: published.replace('<ClusterId SiteId="1" Number="2" />', '<ClusterId SiteId="1" Number="1" />'),
    says: /Two clusters share the ClusterId 1:1/,
  },
  {
    name: 'a .tbxml server without Fqdn in a multi-server pool',
    xml: tbxml.replace('<Machine Fqdn="dir02.contoso.local" FaultDomain', '<Machine FaultDomain'),
    says: /Pool dirpool\.contoso\.local lists a server without an Fqdn/,
  },
];
