import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateDeployment } from '../../../renderer/core/model/validate';
import { importTopology } from '../../../renderer/core/topology/import-topology';
import { publishedXml, readFixture, type ClusterSpec, type ServiceSpec } from './support';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 300);
// Time for the runs asked for, so a long fuzzing run (FUZZ_RUNS=100000) is not cut off by the default timeout.
const TIMEOUT = Math.max(10_000, RUNS * 10);
const options = { product: 'sfb2015' } as const;

/**
 * importTopology answered with a deployment or a refusal that has messages, and not through its
 * safety net: an "unexpected error" answer means some input reached code that threw.
 */
function answers(xml: string): boolean {
  const result = importTopology(xml, options);
  if (result.ok) return result.deployment.servers.length > 0;
  return result.problems.length > 0 && result.problems.every((p) => p.length > 0 && !p.includes('unexpected error'));
}

// Pieces of the real formats and of hostile XML, so generated strings get past the first checks.
const XMLISH = fc.constantFrom(
  '<?xml version="1.0" encoding="utf-8"?>',
  '<Topology xmlns="urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008">',
  '</Topology>',
  '<TopologyBuilder xmlns="urn:schema:Microsoft.Rtc.Management.Deploy.TopologyBuilder.2008">',
  '</TopologyBuilder>',
  '<NewTopology>',
  '</NewTopology>',
  '<PartialTopology xmlns="urn:schema:Microsoft.Rtc.Management.Deploy.WritableTopology.2008">',
  '</PartialTopology>',
  '<Clusters>',
  '</Clusters>',
  '<Cluster RequiresSetup="true" Fqdn="pool.contoso.com" UniqueId="1">',
  '<Cluster Fqdn="',
  '</Cluster>',
  '<ClusterId SiteId="1" Number="1" />',
  '<Machine Fqdn="fe01.contoso.com" />',
  '<Machine />',
  '<Services><Service><ServiceId RoleName="UserServices" /><InstalledOn><ClusterId SiteId="1" Number="1" /></InstalledOn></Service></Services>',
  '<InternalDomains DefaultDomain="contoso.com" />',
  '<!DOCTYPE x [<!ENTITY a "b">]>',
  '<!ENTITY',
  '&amp;',
  '&#0;',
  '&#x110000;',
  '&lol;',
  '<![CDATA[',
  ']]>',
  '<!--',
  '-->',
  '<p:x xmlns:p="">',
  '<q:y>',
  'xmlns=""',
  '"',
  "'",
  '=',
  '<',
  '>',
  '/',
  ' ',
  '\uFEFF',
  '\u0000',
  '__proto__',
  '<constructor>',
);

describe('importTopology never throws', () => {
  it(
    'on arbitrary strings',
    () => {
      fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), answers), { numRuns: RUNS });
    },
    TIMEOUT,
  );

  it(
    'on XML-ish strings built from pieces of the formats',
    () => {
      fc.assert(
        fc.property(
          fc.array(fc.oneof(XMLISH, fc.string({ maxLength: 8 })), { maxLength: 60 }).map((parts) => parts.join('')),
          answers,
        ),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'on real topologies cut, spliced and corrupted at random places',
    () => {
      const sources = [
        readFixture('published-enterprise.xml'),
        readFixture('never-published.tbxml'),
        readFixture('standard-edition-old-new.tbxml'),
      ];
      const mutated = fc
        .tuple(
          fc.constantFrom(...sources),
          fc.nat(),
          fc.nat({ max: 400 }),
          fc.oneof(XMLISH, fc.string({ maxLength: 20 })),
        )
        .map(([source, at, length, insert]) => {
          const start = at % (source.length + 1);
          return source.slice(0, start) + insert + source.slice(start + length);
        });
      fc.assert(fc.property(mutated, answers), { numRuns: RUNS });
    },
    TIMEOUT,
  );
});

/** A random Enterprise deployment: Front End pools, an optional Director and Edge pool, a SQL store. */
const DEPLOYMENT = fc
  .record({
    frontEnds: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 4 }),
    director: fc.integer({ min: 0, max: 3 }),
    edge: fc.integer({ min: 0, max: 3 }),
    cmsAt: fc.nat(),
    upper: fc.boolean(),
  })
  .map(({ frontEnds, director, edge, cmsAt, upper }) => {
    const clusters: ClusterSpec[] = [];
    const services: ServiceSpec[] = [];
    frontEnds.forEach((count, p) => {
      clusters.push({
        fqdn: `pool${p}.contoso.local`,
        machines: Array.from({ length: count }, (_, m) => `fe${p}-${m}.contoso.local`),
      });
      services.push(
        { role: 'UserServices', on: clusters.length - 1 },
        { role: 'Registrar', on: clusters.length - 1, director: false },
      );
    });
    const cms = cmsAt % frontEnds.length;
    services.push({ role: 'CentralMgmt', on: cms, cmsActive: true });
    if (director > 0) {
      clusters.push({
        fqdn: 'dirpool.contoso.local',
        machines: Array.from({ length: director }, (_, m) => `dir${m}.contoso.local`),
      });
      services.push({ role: 'Registrar', on: clusters.length - 1, director: true });
    }
    if (edge > 0) {
      clusters.push({
        fqdn: 'edgepool.perimeter.contoso.com',
        machines: Array.from({ length: edge }, (_, m) => `edge${m}.perimeter.contoso.com`),
      });
      services.push({ role: 'EdgeServer', on: clusters.length - 1 });
    }
    clusters.push({ fqdn: 'sql01.contoso.local', setup: false, machines: ['sql01.contoso.local'], sql: true });
    services.push({ role: 'UserStore', on: clusters.length - 1, onSql: true });
    const xml = publishedXml({ clusters, services });
    return {
      xml: upper ? xml.replace(/Fqdn="([^"]+)"/g, (_, f: string) => `Fqdn="${f.toUpperCase()}"`) : xml,
      frontEnds,
      director,
      edge,
      cms,
    };
  });

describe('importTopology on generated topologies', () => {
  it('imports every server of every pool, with the CMS pool from the topology, and the result validates', () => {
    fc.assert(
      fc.property(DEPLOYMENT, ({ xml, frontEnds, director, edge, cms }) => {
        const result = importTopology(xml, options);
        if (!result.ok) throw new Error(result.problems.join(' | '));
        const total = frontEnds.reduce((a, b) => a + b, 0) + director + edge;
        expect(result.deployment.servers).toHaveLength(total);
        expect(result.deployment.cmsPool).toBe(`pool${cms}.contoso.local`);
        expect(result.skipped.map((s) => s.fqdn)).toEqual(['sql01.contoso.local']);
        expect(result.deployment.servers.every((s) => s.fqdn === s.fqdn.toLowerCase())).toBe(true);
        expect(validateDeployment(result.deployment).filter((p) => p.severity === 'error')).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});
