// Shared helpers for the topology import tests: fixtures, a small published-topology writer, and the
// check that an import gives a deployment the rest of the app accepts.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { validateDeployment } from '../../../renderer/core/model/validate';
import { type TopologyImport, type TopologyImported } from '../../../renderer/core/topology/import-topology';
import { TOPOLOGY_NS } from '../../../renderer/core/topology/namespaces';

/** A fixture file beside the tests, as text. */
export function readFixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
}

/** One cluster of a written topology. */
export interface ClusterSpec {
  readonly fqdn?: string;
  readonly setup?: boolean;
  readonly machines: readonly string[];
  /** Hosts a SQL instance named "rtc". */
  readonly sql?: boolean;
}

/** One service of a written topology, installed on the cluster at `on` (its index + 1 is its Number). */
export interface ServiceSpec {
  readonly role: string;
  readonly on: number;
  readonly director?: boolean;
  readonly cmsActive?: boolean;
  readonly onSql?: boolean;
}

/** A published topology (the Get-CsTopology -AsXml shape) for the given clusters and services. */
export function publishedXml(spec: {
  domain?: string | null;
  site?: string;
  clusters: readonly ClusterSpec[];
  services: readonly ServiceSpec[];
  rootAttrs?: string;
}): string {
  const domain = spec.domain === null ? '' : ` DefaultDomain="${spec.domain ?? 'contoso.com'}"`;
  const clusters = spec.clusters
    .map((c, i) => {
      const fqdn = c.fqdn === undefined ? '' : ` Fqdn="${c.fqdn}"`;
      const setup = c.setup ?? true;
      const machines = c.machines.map((m, j) => `      <Machine OrdinalInCluster="${j + 1}" Fqdn="${m}" />`).join('\n');
      return `    <Cluster RequiresReplication="${setup}" RequiresSetup="${setup}"${fqdn}>\n      <ClusterId SiteId="1" Number="${i + 1}" />\n${machines}\n    </Cluster>`;
    })
    .join('\n');
  const sql = spec.clusters
    .map((c, i) =>
      c.sql
        ? `    <SqlInstance><SqlInstanceId Name="rtc"><ClusterId SiteId="1" Number="${i + 1}" /></SqlInstanceId></SqlInstance>`
        : '',
    )
    .filter((s) => s !== '')
    .join('\n');
  const services = spec.services
    .map((s, k) => {
      const where = s.onSql
        ? `<SqlInstanceId Name="rtc"><ClusterId SiteId="1" Number="${s.on + 1}" /></SqlInstanceId>`
        : `<ClusterId SiteId="1" Number="${s.on + 1}" />`;
      const extra =
        s.director !== undefined
          ? `\n      <RegistrarService xmlns="urn:schema:Microsoft.Rtc.Management.Deploy.ServiceRoles.2008" IsDirector="${s.director}" />`
          : s.cmsActive !== undefined
            ? `\n      <CentralMgmtService xmlns="urn:schema:Microsoft.Rtc.Management.Deploy.ServiceRoles.2008" IsActive="${s.cmsActive}" />`
            : '';
      return `    <Service RoleVersion="1" ServiceVersion="6">\n      <ServiceId SiteId="1" RoleName="${s.role}" Instance="${k + 1}" />\n      <InstalledOn>${where}</InstalledOn>${extra}\n    </Service>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<Topology xmlns="${TOPOLOGY_NS}" Signature="6a1f0c52-3f4e-4c1e-9a77-0c2b7f2d9e10"${spec.rootAttrs ?? ''}>
  <InternalDomains AllowAllDomains="false"${domain}>
    <InternalDomain Name="contoso.com" Authoritative="false" AllowSubDomains="false" />
  </InternalDomains>
  <Sites>
    <CentralSite SiteId="1"><Name>${spec.site ?? 'Headquarters'}</Name><Location /></CentralSite>
  </Sites>
  <Clusters>
${clusters}
  </Clusters>
  <SqlInstances>
${sql}
  </SqlInstances>
  <Services>
${services}
  </Services>
</Topology>
`;
}

/** A small valid Enterprise topology: fepool (fe01, fe02) hosting the CMS, plus the given extra clusters and services. */
export function enterpriseXml(
  extra: { clusters?: readonly ClusterSpec[]; services?: readonly ServiceSpec[] } = {},
): string {
  return publishedXml({
    clusters: [
      { fqdn: 'fepool.contoso.local', machines: ['fe01.contoso.local', 'fe02.contoso.local'] },
      ...(extra.clusters ?? []),
    ],
    services: [
      { role: 'UserServices', on: 0 },
      { role: 'Registrar', on: 0, director: false },
      { role: 'CentralMgmt', on: 0, cmsActive: true },
      ...(extra.services ?? []),
    ],
  });
}

/** Asserts an accepted import and returns it. */
export function expectImported(result: TopologyImport): TopologyImported {
  if (!result.ok) expect.fail(`expected the import to be accepted, got: ${result.problems.join(' | ')}`);
  return result;
}

/** Asserts a refused import and returns its problems joined, for matching. */
export function expectRefused(result: TopologyImport): string {
  if (result.ok) expect.fail('expected the import to be refused, but it was accepted');
  expect(result.problems.length).toBeGreaterThan(0);
  for (const p of result.problems) expect(p.trim().length).toBeGreaterThan(20);
  return result.problems.join('\n');
}

/** The deployment passes validateDeployment, except for the missing CMS pool when the import says it is needed. */
export function expectValidExceptCms(result: TopologyImported): void {
  const errors = validateDeployment(result.deployment).filter((p) => p.severity === 'error');
  if (result.cms.from === 'needed') {
    expect(result.deployment.cmsPool).toBeNull();
    expect(errors.map((e) => e.path[0])).toEqual(['cmsPool']);
  } else {
    expect(errors).toEqual([]);
  }
}
