/**
 * A published topology (Get-CsTopology -AsXml) for a deployment, in the shape of the test fixture
 * test/core/topology/fixtures/published-enterprise.xml: one cluster per pool, the Front End pools'
 * user services, Directors as registrars with IsDirector, Edge pools, and the CMS in the first pool.
 */
import type { Deployment } from '../../renderer/core/model/deployment';

export function topologyXml(deployment: Deployment): string {
  const clusters: string[] = [];
  const services: string[] = [];
  let instance = 0;
  deployment.pools.forEach((pool, p) => {
    const number = p + 1;
    const machines = deployment.servers
      .filter((s) => s.pool === pool.fqdn)
      .map(
        (s, i) =>
          `      <Machine OrdinalInCluster="${i + 1}" Fqdn="${s.fqdn}" FaultDomain="${s.fqdn}" UpgradeDomain="${s.fqdn}" />`,
      );
    clusters.push(
      `    <Cluster RequiresReplication="true" RequiresSetup="true" Fqdn="${pool.fqdn}">\n      <ClusterId SiteId="1" Number="${number}" />\n${machines.join('\n')}\n    </Cluster>`,
    );
    const on = `<InstalledOn><ClusterId SiteId="1" Number="${number}" /></InstalledOn>`;
    instance += 1;
    if (pool.kind === 'edge')
      services.push(
        `    <Service RoleVersion="1" ServiceVersion="6">\n      <ServiceId SiteId="1" RoleName="EdgeServer" Instance="${instance}" />\n      ${on}\n    </Service>`,
      );
    else {
      if (pool.kind !== 'director')
        services.push(
          `    <Service RoleVersion="2" ServiceVersion="6">\n      <ServiceId SiteId="1" RoleName="UserServices" Instance="${instance}" />\n      ${on}\n    </Service>`,
        );
      services.push(
        `    <Service RoleVersion="2" ServiceVersion="6" Type="Microsoft.Rtc.Management.Deploy.Internal.ServiceRoles.RegistrarService">\n      <ServiceId SiteId="1" RoleName="Registrar" Instance="${instance}" />\n      ${on}\n      <RegistrarService xmlns="urn:schema:Microsoft.Rtc.Management.Deploy.ServiceRoles.2008" IsDirector="${pool.kind === 'director'}" />\n    </Service>`,
      );
    }
  });
  const sql = deployment.pools.length + 1;
  clusters.push(
    `    <Cluster RequiresReplication="false" RequiresSetup="false" Fqdn="sql01.contoso.local">\n      <ClusterId SiteId="1" Number="${sql}" />\n      <Machine OrdinalInCluster="1" Fqdn="sql01.contoso.local" FaultDomain="sql01.contoso.local" UpgradeDomain="sql01.contoso.local" />\n    </Cluster>`,
  );
  const cms = deployment.pools.findIndex((p) => p.fqdn === deployment.cmsPool) + 1;
  services.push(
    `    <Service RoleVersion="1" ServiceVersion="6" Type="Microsoft.Rtc.Management.Deploy.Internal.ServiceRoles.CentralMgmtService">\n      <ServiceId SiteId="1" RoleName="CentralMgmt" Instance="1" />\n      <InstalledOn><ClusterId SiteId="1" Number="${cms}" /></InstalledOn>\n      <CentralMgmtService xmlns="urn:schema:Microsoft.Rtc.Management.Deploy.ServiceRoles.2008" IsActive="true" />\n    </Service>`,
    `    <Service RoleVersion="1" ServiceVersion="6">\n      <ServiceId SiteId="1" RoleName="CentralMgmtStore" Instance="1" />\n      <InstalledOn><SqlInstanceId Name="rtc"><ClusterId SiteId="1" Number="${sql}" /></SqlInstanceId></InstalledOn>\n    </Service>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<Topology xmlns="urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008" Signature="6a1f0c52-3f4e-4c1e-9a77-0c2b7f2d9e10">
  <InternalDomains AllowAllDomains="false" DefaultDomain="${deployment.sipDomain}">
    <InternalDomain Name="${deployment.sipDomain}" Authoritative="false" AllowSubDomains="false" />
  </InternalDomains>
  <Sites>
    <CentralSite SiteId="1">
      <Name>Headquarters</Name>
      <Location />
    </CentralSite>
  </Sites>
  <Clusters>
${clusters.join('\n')}
  </Clusters>
  <SqlInstances>
    <SqlInstance>
      <SqlInstanceId Name="rtc">
        <ClusterId SiteId="1" Number="${sql}" />
      </SqlInstanceId>
    </SqlInstance>
  </SqlInstances>
  <Services>
${services.join('\n')}
  </Services>
</Topology>
`;
}
