import { describe, expect, it } from 'vitest';
import { importTopology } from '../../../renderer/core/topology/import-topology';
import { poolsOf, serversOf } from './summaries';
import { enterpriseXml, expectImported, expectValidExceptCms, publishedXml, readFixture } from './support';

describe('importTopology: a published topology (Get-CsTopology -AsXml)', () => {
  const xml = readFixture('published-enterprise.xml');

  it('reads the Front End pool, Director and Edge, with the CMS pool from the topology', () => {
    const result = expectImported(importTopology(xml, { product: 'lync2013' }));
    expect(result.shape).toBe('published');
    expect(result.deployment.name).toBe('Headquarters');
    expect(result.deployment.product).toBe('lync2013');
    expect(result.deployment.sipDomain).toBe('contoso.com');
    expect(poolsOf(result)).toEqual([
      'fepool.contoso.local enterprise-front-end',
      'dir01.contoso.local director',
      'edgepool.perimeter.contoso.com edge',
    ]);
    expect(serversOf(result)).toEqual([
      'fe01.contoso.local fepool.contoso.local front-end',
      'fe02.contoso.local fepool.contoso.local front-end',
      'fe03.contoso.local fepool.contoso.local front-end',
      'dir01.contoso.local dir01.contoso.local director',
      'edge01.perimeter.contoso.com edgepool.perimeter.contoso.com edge',
    ]);
    expect(result.deployment.cmsPool).toBe('fepool.contoso.local');
    expect(result.cms).toEqual({ from: 'topology', candidates: ['fepool.contoso.local'] });
    expect(result.warnings).toEqual([]);
    expectValidExceptCms(result);
  });

  it('skips the SQL Server and says why', () => {
    const result = expectImported(importTopology(xml, { product: 'lync2013' }));
    expect(result.skipped).toHaveLength(1);
    expect(result.skipped[0]?.fqdn).toBe('sql01.contoso.local');
    expect(result.skipped[0]?.reason).toMatch(
      /^SQL Server holding CentralMgmtStore: it needs no Deployment Wizard \(RequiresSetup="false"\)/,
    );
  });

  it('takes the name from the options when given', () => {
    const result = expectImported(importTopology(xml, { product: 'sfb2019', name: '  Contoso HQ  ' }));
    expect(result.deployment.name).toBe('Contoso HQ');
    expect(result.deployment.product).toBe('sfb2019');
  });

  it('accepts a CMS option that agrees with the topology, in any case', () => {
    const result = expectImported(importTopology(xml, { product: 'lync2013', cmsPool: 'FEPool.Contoso.Local' }));
    expect(result.cms.from).toBe('topology');
    expect(result.deployment.cmsPool).toBe('fepool.contoso.local');
  });

  it('reads the same topology written with prefixes, reordered, with unknown elements and a byte-order mark', () => {
    const prefixed = `\uFEFF<?xml version="1.0" encoding="utf-8"?>
<top:Topology xmlns:top="urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008" xmlns:roles="urn:schema:Microsoft.Rtc.Management.Deploy.ServiceRoles.2008">
  <top:Services>
    <top:Service><top:ServiceId SiteId="1" RoleName="CentralMgmt" Instance="1" /><top:InstalledOn><top:ClusterId SiteId="1" Number="1" /></top:InstalledOn><roles:CentralMgmtService IsActive="true" /></top:Service>
    <top:Service><top:ServiceId SiteId="1" RoleName="Registrar" Instance="1" /><top:InstalledOn><top:ClusterId SiteId="1" Number="2" /></top:InstalledOn><roles:RegistrarService IsDirector="true" /></top:Service>
    <top:Service><top:ServiceId SiteId="1" RoleName="UserServices" Instance="1" /><top:InstalledOn><top:ClusterId Number="1" SiteId="1" /></top:InstalledOn></top:Service>
  </top:Services>
  <top:Clusters>
    <top:Cluster Fqdn="pool1.contoso.local" RequiresSetup="true"><top:Machine Fqdn="fe01.contoso.local" /><top:ClusterId SiteId="1" Number="1" /><top:Machine Fqdn="fe02.contoso.local" /></top:Cluster>
    <top:Cluster Fqdn="dirpool.contoso.local" RequiresSetup="true"><top:ClusterId SiteId="1" Number="2" /><top:Machine Fqdn="dir01.contoso.local" /></top:Cluster>
  </top:Clusters>
  <top:Extension xmlns:x="urn:example:unknown"><x:Anything /></top:Extension>
  <top:InternalDomains DefaultDomain="contoso.com" />
  <top:Sites><top:CentralSite SiteId="1"><top:Name>R&amp;D Lab</top:Name></top:CentralSite></top:Sites>
</top:Topology>`;
    const result = expectImported(importTopology(prefixed, { product: 'sfb2015' }));
    expect(poolsOf(result)).toEqual(['pool1.contoso.local enterprise-front-end', 'dirpool.contoso.local director']);
    expect(result.deployment.cmsPool).toBe('pool1.contoso.local');
    expect(result.deployment.name).toBe('R&D Lab');
    expectValidExceptCms(result);
  });

  it('takes a single server with its own SQL instance for a Standard Edition server', () => {
    const xml2 = publishedXml({
      clusters: [{ fqdn: 'lyncse.contoso.com', machines: ['lyncse.contoso.com'], sql: true }],
      services: [
        { role: 'UserServices', on: 0 },
        { role: 'Registrar', on: 0, director: false },
        { role: 'UserStore', on: 0, onSql: true },
        { role: 'CentralMgmt', on: 0, cmsActive: true },
        { role: 'CentralMgmtStore', on: 0, onSql: true },
      ],
    });
    const result = expectImported(importTopology(xml2, { product: 'sfb2019' }));
    expect(poolsOf(result)).toEqual(['lyncse.contoso.com standard-edition']);
    expect(serversOf(result)).toEqual(['lyncse.contoso.com lyncse.contoso.com standard-edition']);
    expect(result.cms).toEqual({ from: 'topology', candidates: ['lyncse.contoso.com'] });
    expect(result.warnings).toEqual([]);
    expectValidExceptCms(result);
  });

  it('takes a lone server named like its pool for Standard Edition when nothing else says, and warns', () => {
    const xml2 = publishedXml({
      clusters: [{ fqdn: 'se01.contoso.com', machines: ['SE01.contoso.com'] }],
      services: [
        { role: 'UserServices', on: 0 },
        { role: 'CentralMgmt', on: 0, cmsActive: true },
      ],
    });
    const result = expectImported(importTopology(xml2, { product: 'sfb2015' }));
    expect(poolsOf(result)).toEqual(['se01.contoso.com standard-edition']);
    expect(result.warnings.join(' ')).toMatch(
      /taken as a Standard Edition server because its only server has the pool's name/,
    );
  });

  it('keeps a one-Front-End Enterprise pool whose server has another name as Enterprise', () => {
    const xml2 = publishedXml({
      clusters: [{ fqdn: 'pool.contoso.com', machines: ['fe01.contoso.com'] }],
      services: [
        { role: 'UserServices', on: 0 },
        { role: 'CentralMgmt', on: 0, cmsActive: true },
      ],
    });
    expect(poolsOf(expectImported(importTopology(xml2, { product: 'sfb2015' })))).toEqual([
      'pool.contoso.com enterprise-front-end',
    ]);
  });

  it('imports a Mediation pool on its own cluster, and a pool with unknown roles as Other with a warning', () => {
    const xml2 = enterpriseXml({
      clusters: [
        { fqdn: 'medpool.contoso.local', machines: ['med01.contoso.local'] },
        { fqdn: 'pchat.contoso.local', machines: ['pchat01.contoso.local'] },
      ],
      services: [
        { role: 'MediationServer', on: 1 },
        { role: 'PersistentChatService', on: 2 },
      ],
    });
    const result = expectImported(importTopology(xml2, { product: 'sfb2015' }));
    expect(poolsOf(result)).toEqual([
      'fepool.contoso.local enterprise-front-end',
      'medpool.contoso.local mediation',
      'pchat.contoso.local other',
    ]);
    expect(serversOf(result)).toContain('pchat01.contoso.local pchat.contoso.local other');
    expect(result.warnings.join(' ')).toMatch(
      /pchat\.contoso\.local runs PersistentChatService, which this app tracks as an "Other" pool/,
    );
    expectValidExceptCms(result);
  });

  it('ignores a dangling reference of a database role, with a warning (it changes no pool)', () => {
    const xml2 = enterpriseXml().replace(
      '</Services>',
      '<Service><ServiceId SiteId="1" RoleName="ArchivingStore" Instance="1" /><InstalledOn><SqlInstanceId Name="arch"><ClusterId SiteId="1" Number="42" /></SqlInstanceId></InstalledOn></Service></Services>',
    );
    const result = expectImported(importTopology(xml2, { product: 'lync2013' }));
    expect(result.warnings.join(' ')).toMatch(
      /The ArchivingStore service points at SQL instance "arch" on cluster 1:42, which is not in this topology; it was ignored/,
    );
  });

  it('warns about a pool that lists no servers but imports the rest', () => {
    const xml2 = enterpriseXml({
      clusters: [{ fqdn: 'dirpool.contoso.local', machines: [] }],
      services: [{ role: 'Registrar', on: 1, director: true }],
    });
    const result = expectImported(importTopology(xml2, { product: 'lync2013' }));
    expect(poolsOf(result)).toContain('dirpool.contoso.local director');
    expect(result.warnings.join(' ')).toMatch(/Pool dirpool\.contoso\.local has no servers yet/);
  });
});
