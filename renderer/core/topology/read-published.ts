import { TOPOLOGY_NS } from './namespaces';
import { xmlBoolean, type RawCluster, type RawReadResult, type RawService } from './raw-topology';
import { readResult, roleFacts } from './read-common';
import { attrOf, childOf, childrenOf, type XmlElement } from './xml-tree';

/**
 * Reads a published topology (`Get-CsTopology -AsXml`, root `<Topology>`) into the common form.
 * Layout (lync-reference §12, and the published topology in a public SfB 2019 deployment script):
 * Clusters/Cluster with a ClusterId (SiteId + Number) and Machine children; Services/Service with
 * ServiceId/@RoleName and InstalledOn/ClusterId or InstalledOn/SqlInstanceId/ClusterId.
 */
export function readPublished(root: XmlElement): RawReadResult {
  const problems: string[] = [];
  const domains = childOf(root, TOPOLOGY_NS, 'InternalDomains');
  const sites = childOf(root, TOPOLOGY_NS, 'Sites');
  const siteNames = (sites ? childrenOf(sites, TOPOLOGY_NS, 'CentralSite') : [])
    .map((site) => childOf(site, TOPOLOGY_NS, 'Name')?.text ?? '')
    .filter((name) => name !== '');

  const sqlHosts = new Set<string>();
  const sqlInstances = childOf(root, TOPOLOGY_NS, 'SqlInstances');
  for (const instance of sqlInstances ? childrenOf(sqlInstances, TOPOLOGY_NS, 'SqlInstance') : []) {
    const id = childOf(instance, TOPOLOGY_NS, 'SqlInstanceId');
    const key = id ? clusterKey(childOf(id, TOPOLOGY_NS, 'ClusterId')) : null;
    if (key !== null) sqlHosts.add(key);
  }

  const clusters: RawCluster[] = [];
  const seen = new Set<string>();
  const clusterList = childOf(root, TOPOLOGY_NS, 'Clusters');
  (clusterList ? childrenOf(clusterList, TOPOLOGY_NS, 'Cluster') : []).forEach((cluster, index) => {
    const fqdn = attrOf(cluster, 'Fqdn');
    const key = clusterKey(childOf(cluster, TOPOLOGY_NS, 'ClusterId'));
    const name = fqdn ?? `number ${index + 1} in the list of clusters`;
    if (fqdn === null)
      problems.push(
        `Cluster ${name} has no Fqdn attribute, so its pool cannot be named. Export the topology again; if it still happens, check the cluster in Topology Builder.`,
      );
    if (key === null) {
      problems.push(
        `Cluster ${name} has no ClusterId (SiteId and Number), so its roles cannot be found. Export the topology again.`,
      );
      return;
    }
    if (seen.has(key)) {
      problems.push(
        `Two clusters share the ClusterId ${key} (SiteId:Number), so roles cannot be told apart; the topology is damaged. Export it again.`,
      );
      return;
    }
    seen.add(key);
    if (fqdn === null) return;
    clusters.push({
      key,
      fqdn,
      requiresSetup: xmlBoolean(attrOf(cluster, 'RequiresSetup')),
      singleMachineOnly: null,
      machines: childrenOf(cluster, TOPOLOGY_NS, 'Machine').map((m) => attrOf(m, 'Fqdn')),
      hostsSqlInstance: sqlHosts.has(key),
    });
  });

  const services: RawService[] = [];
  const serviceList = childOf(root, TOPOLOGY_NS, 'Services');
  for (const service of serviceList ? childrenOf(serviceList, TOPOLOGY_NS, 'Service') : []) {
    const roleName = attrOf(childOf(service, TOPOLOGY_NS, 'ServiceId') ?? service, 'RoleName');
    if (roleName === null) {
      problems.push('A Service has no ServiceId/@RoleName, so its role is unknown. Export the topology again.');
      continue;
    }
    const installedOn = childOf(service, TOPOLOGY_NS, 'InstalledOn');
    const direct = installedOn ? childOf(installedOn, TOPOLOGY_NS, 'ClusterId') : undefined;
    const sqlId = installedOn ? childOf(installedOn, TOPOLOGY_NS, 'SqlInstanceId') : undefined;
    const key = clusterKey(direct ?? (sqlId ? childOf(sqlId, TOPOLOGY_NS, 'ClusterId') : undefined));
    const reference =
      key === null
        ? 'nothing (no InstalledOn/ClusterId)'
        : sqlId
          ? `SQL instance "${attrOf(sqlId, 'Name') ?? ''}" on cluster ${key}`
          : `cluster ${key}`;
    services.push({
      roleName,
      clusterKey: key !== null && seen.has(key) ? key : null,
      installedOn: reference,
      onSqlInstance: direct === undefined && sqlId !== undefined,
      ...roleFacts(service),
    });
  }

  return readResult('published', problems, domains, { siteNames, clusters, services });
}

function clusterKey(id: XmlElement | undefined): string | null {
  if (id === undefined) return null;
  const site = attrOf(id, 'SiteId');
  const number = attrOf(id, 'Number');
  return site === null || number === null ? null : `${site.toLowerCase()}:${number.toLowerCase()}`;
}
