import { describe, expect, it } from 'vitest';
import { importTopology } from '../../../renderer/core/topology/import-topology';
import { lync, published } from './refusal-inputs';
import { enterpriseXml, expectImported, expectRefused, publishedXml } from './support';

describe('importTopology refuses malformed input with a message', () => {
  it('refuses a topology where no pool can host the CMS and none is given', () => {
    const xml = publishedXml({
      clusters: [{ fqdn: 'edgepool.contoso.com', machines: ['edge01.contoso.com'] }],
      services: [{ role: 'EdgeServer', on: 0 }],
    });
    expect(expectRefused(importTopology(xml, lync))).toMatch(
      /No pool in this topology can host the Central Management Store: it has no Enterprise Edition Front End pool and no Standard Edition server/,
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
