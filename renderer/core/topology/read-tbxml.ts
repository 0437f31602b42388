import { TOPOLOGY_BUILDER_NS, TOPOLOGY_NS, WRITABLE_TOPOLOGY_NS } from './namespaces';
import { xmlBoolean, type RawCluster, type RawReadResult, type RawService } from './raw-topology';
import { readResult, roleFacts } from './read-common';
import { attrOf, childOf, childrenOf, type XmlElement } from './xml-tree';

// Topology Builder writes structure in the WritableTopology namespace and reuses core Topology
// elements (InternalDomains, Name) inside it; accepting both for structure costs nothing.
const STRUCTURE = [WRITABLE_TOPOLOGY_NS, TOPOLOGY_NS] as const;

/**
 * Reads a Topology Builder document (`.tbxml`, root `<TopologyBuilder>`) into the common form,
 * from its NewTopology (what the admin is about to deploy; OldTopology is what was last published).
 * Layout (lync-reference §12, and the public AutomatedLab SfBAutomatedLab Contoso.tbxml):
 * CentralSites/CentralSite/Clusters/Cluster with a UniqueId, Machines/Machine and SqlInstances/
 * SqlInstance (UniqueId); Services/Service with @RoleName and @InstalledOn = a cluster's or SQL
 * instance's UniqueId. A single-machine cluster writes `<Machine />` without an Fqdn: the machine
 * is the cluster itself (the sample's SQL, file and Office Web Apps servers).
 */
export function readTbxml(root: XmlElement): RawReadResult {
  const newTopologies = childrenOf(root, TOPOLOGY_BUILDER_NS, 'NewTopology');
  const next = newTopologies[0];
  if (next === undefined) {
    const hasOld = childOf(root, TOPOLOGY_BUILDER_NS, 'OldTopology') !== undefined;
    return {
      ok: false,
      problems: [
        hasOld
          ? 'The .tbxml file has an OldTopology but no NewTopology, so it does not say what is being deployed. Open it in Topology Builder and save it again.'
          : 'The .tbxml file has no NewTopology element, so it holds no topology. Open it in Topology Builder and save it again.',
      ],
    };
  }
  if (newTopologies.length > 1) {
    return {
      ok: false,
      problems: [
        'The .tbxml file has more than one NewTopology; it is damaged. Open it in Topology Builder and save it again.',
      ],
    };
  }
  const partial = childOf(next, WRITABLE_TOPOLOGY_NS, 'PartialTopology');
  if (partial === undefined) {
    return {
      ok: false,
      problems: [
        `The .tbxml file's NewTopology holds no PartialTopology in namespace ${WRITABLE_TOPOLOGY_NS}. Open it in Topology Builder and save it again.`,
      ],
    };
  }

  const problems: string[] = [];
  const domains = childOf(partial, STRUCTURE, 'InternalDomains');
  const siteList = childOf(partial, STRUCTURE, 'CentralSites');
  const sites = siteList ? childrenOf(siteList, STRUCTURE, 'CentralSite') : [];
  const siteNames = sites.map((site) => childOf(site, STRUCTURE, 'Name')?.text ?? '').filter((name) => name !== '');

  const clusters: RawCluster[] = [];
  const sqlOwner = new Map<string, string>();
  const seen = new Set<string>();
  let position = 0;
  for (const cluster of sites.flatMap(clusterElements)) {
    position += 1;
    const fqdn = attrOf(cluster, 'Fqdn');
    const key = attrOf(cluster, 'UniqueId')?.toLowerCase() ?? null;
    const name = fqdn ?? `number ${position} in the list of clusters`;
    if (fqdn === null)
      problems.push(
        `Cluster ${name} has no Fqdn attribute, so its pool cannot be named. Open the topology in Topology Builder, fix the cluster and save it again.`,
      );
    if (key === null) {
      problems.push(
        `Cluster ${name} has no UniqueId, so its roles cannot be found. Open the topology in Topology Builder and save it again.`,
      );
      continue;
    }
    if (seen.has(key)) {
      problems.push(
        `Two clusters share the UniqueId ${key}; the topology is damaged. Open it in Topology Builder and save it again.`,
      );
      continue;
    }
    seen.add(key);
    const sqlList = childOf(cluster, STRUCTURE, 'SqlInstances');
    const sql = sqlList ? childrenOf(sqlList, STRUCTURE, 'SqlInstance') : [];
    for (const instance of sql) {
      const id = attrOf(instance, 'UniqueId');
      if (id !== null) sqlOwner.set(id.toLowerCase(), key);
    }
    if (fqdn === null) continue;
    const machineList = childOf(cluster, STRUCTURE, 'Machines');
    clusters.push({
      key,
      fqdn,
      requiresSetup: xmlBoolean(attrOf(cluster, 'RequiresSetup')),
      singleMachineOnly: xmlBoolean(attrOf(cluster, 'IsSingleMachineOnly')),
      machines: (machineList ? childrenOf(machineList, STRUCTURE, 'Machine') : []).map((m) => attrOf(m, 'Fqdn')),
      hostsSqlInstance: sql.length > 0,
    });
  }

  const services: RawService[] = [];
  const serviceList = childOf(partial, STRUCTURE, 'Services');
  for (const service of serviceList ? childrenOf(serviceList, STRUCTURE, 'Service') : []) {
    const roleName =
      attrOf(service, 'RoleName') ?? attrOf(childOf(service, STRUCTURE, 'ServiceId') ?? service, 'RoleName');
    if (roleName === null) {
      problems.push(
        'A Service has no RoleName, so its role is unknown. Open the topology in Topology Builder and save it again.',
      );
      continue;
    }
    const target = attrOf(service, 'InstalledOn')?.toLowerCase() ?? null;
    const onCluster = target !== null && seen.has(target);
    const sqlCluster = target === null ? undefined : sqlOwner.get(target);
    services.push({
      roleName,
      clusterKey: onCluster ? target : (sqlCluster ?? null),
      installedOn: target === null ? 'nothing (no InstalledOn)' : `UniqueId ${target}`,
      onSqlInstance: !onCluster && sqlCluster !== undefined,
      ...roleFacts(service),
    });
  }

  return readResult('tbxml', problems, domains, { siteNames, clusters, services });
}

/** Every Clusters/Cluster under a site, branch sites included, in document order. */
function clusterElements(site: XmlElement): XmlElement[] {
  const found: XmlElement[] = [];
  for (const child of site.children) {
    if (child.local === 'Clusters' && (STRUCTURE as readonly (string | null)[]).includes(child.ns))
      found.push(...childrenOf(child, STRUCTURE, 'Cluster'));
    else if (child.local !== 'Cluster' && child.local !== 'Services') found.push(...clusterElements(child));
  }
  return found;
}
