import { describe, expect, it } from 'vitest';
import { importTopology } from '../../../renderer/core/topology/import-topology';
import { poolsOf, serversOf } from './summaries';
import { expectImported, expectRefused, expectValidExceptCms, readFixture } from './support';

describe('importTopology: a never-published Topology Builder document (.tbxml)', () => {
  const xml = readFixture('never-published.tbxml');

  it('says the CMS pool is needed and lists the pools that can host it', () => {
    const result = expectImported(importTopology(xml, { product: 'sfb2015' }));
    expect(result.shape).toBe('tbxml');
    expect(result.cms).toEqual({ from: 'needed', candidates: ['fepool.contoso.local'] });
    expect(result.deployment.cmsPool).toBeNull();
    expectValidExceptCms(result);
  });

  it('reads every kind of pool, lower-cased, from NewTopology', () => {
    const result = expectImported(importTopology(xml, { product: 'sfb2015' }));
    expect(result.deployment.sipDomain).toBe('contoso.com');
    expect(result.deployment.name).toBe('Contoso HQ');
    expect(poolsOf(result)).toEqual([
      'fepool.contoso.local enterprise-front-end',
      'dirpool.contoso.local director',
      'medpool.contoso.local mediation',
      'edgepool.perimeter.contoso.com edge',
    ]);
    expect(serversOf(result)).toEqual([
      'fe01.contoso.local fepool.contoso.local front-end',
      'fe02.contoso.local fepool.contoso.local front-end',
      'fe03.contoso.local fepool.contoso.local front-end',
      'dir01.contoso.local dirpool.contoso.local director',
      'dir02.contoso.local dirpool.contoso.local director',
      'med01.contoso.local medpool.contoso.local mediation',
      'med02.contoso.local medpool.contoso.local mediation',
      'edge01.perimeter.contoso.com edgepool.perimeter.contoso.com edge',
      'edge02.perimeter.contoso.com edgepool.perimeter.contoso.com edge',
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('skips the SQL, file, Office Web Apps and gateway clusters, each with its reason', () => {
    const result = expectImported(importTopology(xml, { product: 'sfb2015' }));
    const reasons = Object.fromEntries(result.skipped.map((s) => [s.fqdn, s.reason]));
    expect(Object.keys(reasons)).toEqual([
      'sql01.contoso.local',
      'fs01.contoso.local',
      'oos01.contoso.local',
      '192.168.20.5',
    ]);
    expect(reasons['sql01.contoso.local']).toMatch(
      /^SQL Server holding UserStore, ApplicationStore: it needs no Deployment Wizard/,
    );
    expect(reasons['fs01.contoso.local']).toMatch(
      /^file server \(file store share\): it needs no Deployment Wizard \(RequiresSetup="false"\)/,
    );
    expect(reasons['oos01.contoso.local']).toMatch(
      /^Office Web Apps Server \/ Office Online Server: it needs no Deployment Wizard/,
    );
    expect(reasons['192.168.20.5']).toMatch(/^PSTN gateway: it needs no Deployment Wizard/);
  });

  it('uses the CMS pool given in the options, checked and lower-cased', () => {
    const result = expectImported(importTopology(xml, { product: 'sfb2015', cmsPool: ' FEPOOL.contoso.local ' }));
    expect(result.cms).toEqual({ from: 'option', candidates: ['fepool.contoso.local'] });
    expect(result.deployment.cmsPool).toBe('fepool.contoso.local');
    expectValidExceptCms(result);
  });

  it('refuses a CMS option naming the Director pool, and says which pools can host it', () => {
    const problems = expectRefused(importTopology(xml, { product: 'sfb2015', cmsPool: 'dirpool.contoso.local' }));
    expect(problems).toMatch(
      /dirpool\.contoso\.local is a Director pool, which cannot host the Central Management Store/,
    );
    expect(problems).toMatch(/Choose one of: fepool\.contoso\.local\./);
  });

  it('refuses a CMS option naming a skipped cluster or an unknown pool', () => {
    expect(expectRefused(importTopology(xml, { product: 'sfb2015', cmsPool: 'sql01.contoso.local' }))).toMatch(
      /sql01\.contoso\.local is not a pool of this topology\. Choose the pool that hosts the Central Management Store, one of: fepool\.contoso\.local/,
    );
    expect(expectRefused(importTopology(xml, { product: 'sfb2015', cmsPool: 'nowhere.example.com' }))).toMatch(
      /nowhere\.example\.com is not a pool of this topology/,
    );
  });

  it('refuses a CMS option that is not an FQDN', () => {
    expect(expectRefused(importTopology(xml, { product: 'sfb2015', cmsPool: 'fepool' }))).toMatch(
      /The CMS pool "fepool" is a single name/,
    );
  });
});

describe('importTopology: a Topology Builder document with OldTopology and NewTopology', () => {
  const xml = readFixture('standard-edition-old-new.tbxml');

  it('reads NewTopology, not OldTopology', () => {
    const result = expectImported(importTopology(xml, { product: 'sfb2019' }));
    expect(serversOf(result)).toEqual([
      'se01.fabrikam.com se01.fabrikam.com standard-edition',
      'edge01.perimeter.fabrikam.com edgepool.perimeter.fabrikam.com edge',
    ]);
    expect(JSON.stringify(result)).not.toContain('edge-old');
  });

  it('reads a Standard Edition server (IsSingleMachineOnly, its <Machine/> without Fqdn) hosting the CMS', () => {
    const result = expectImported(importTopology(xml, { product: 'sfb2019' }));
    expect(poolsOf(result)).toEqual(['se01.fabrikam.com standard-edition', 'edgepool.perimeter.fabrikam.com edge']);
    expect(result.cms).toEqual({ from: 'topology', candidates: ['se01.fabrikam.com'] });
    expect(result.deployment.cmsPool).toBe('se01.fabrikam.com');
    expect(result.deployment.name).toBe('Fabrikam Berlin');
    expect(result.skipped).toEqual([]);
    expectValidExceptCms(result);
  });

  it('refuses a CMS option that contradicts the topology', () => {
    const problems = expectRefused(
      importTopology(xml, { product: 'sfb2019', cmsPool: 'edgepool.perimeter.fabrikam.com' }),
    );
    expect(problems).toMatch(
      /The topology says the CMS is hosted on se01\.fabrikam\.com, but edgepool\.perimeter\.fabrikam\.com was chosen/,
    );
  });

  it('falls back to the SIP domain for the name when there is no site name', () => {
    const noName = xml.replace(/<t:Name>Fabrikam Berlin<\/t:Name>/g, '');
    expect(expectImported(importTopology(noName, { product: 'sfb2019' })).deployment.name).toBe('fabrikam.com');
  });
});
