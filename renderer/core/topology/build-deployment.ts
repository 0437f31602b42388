import { canHostCms, POOL_KIND_LABELS, ROLE_OF_POOL_KIND, type Pool, type Server } from '../model/deployment';
import { FQDN_EXAMPLES, fqdnProblem, normalizeFqdn } from '../model/fqdn';
import { type ProductVersion } from '../model/product';
import { classifyCluster } from './classify';
import { chooseCmsPool } from './cms-pool';
import { type SkippedCluster, type TopologyImported, type TopologyRefused } from './import-result';
import { type RawCluster, type RawService, type RawTopology } from './raw-topology';

/** Options buildDeployment needs, product already checked. */
export interface BuildOptions {
  readonly product: ProductVersion;
  readonly cmsPool?: string;
  readonly name?: string;
}

// Roles that decide a pool's kind or the CMS pool: a reference of theirs that leads nowhere would
// make the import guess, so it is refused; a dangling database or add-on role changes nothing here.
const DECISIVE_ROLES = new Set(['UserServices', 'Registrar', 'EdgeServer', 'MediationServer', 'CentralMgmt']);

/** What to do about a wrong name: where it is fixed depends on where the file came from. */
function fixAdvice(raw: RawTopology): string {
  return raw.shape === 'published'
    ? 'Fix it in Topology Builder, publish, and export the topology again.'
    : 'Fix it in Topology Builder, save the .tbxml file, and import it again.';
}

/**
 * Turns the common form of a topology into a Deployment: which clusters become pools (and of which
 * kind), which are skipped and why, the servers of each pool, the SIP domain, the name and the CMS pool.
 */
export function buildDeployment(raw: RawTopology, options: BuildOptions): TopologyImported | TopologyRefused {
  const problems: string[] = [];
  const warnings: string[] = [];
  const fix = fixAdvice(raw);

  const sipDomain = raw.defaultDomain === null ? null : normalizeFqdn(raw.defaultDomain);
  if (sipDomain === null) {
    problems.push(
      `The topology has no default SIP domain (InternalDomains/@DefaultDomain); it is set in the properties of the deployment. ${fix}`,
    );
  } else {
    const problem = fqdnProblem(sipDomain, FQDN_EXAMPLES.domain);
    if (problem !== null) problems.push(`The default SIP domain "${raw.defaultDomain}" ${problem}. ${fix}`);
  }

  for (const service of raw.services) {
    if (service.clusterKey !== null) continue;
    if (DECISIVE_ROLES.has(service.roleName)) {
      problems.push(
        `The ${service.roleName} service is installed on ${service.installedOn}, which is not a cluster of this topology, so which pool runs it cannot be known. The topology is inconsistent (cut short or edited by hand); export the topology again.`,
      );
    } else {
      warnings.push(
        `The ${service.roleName} service points at ${service.installedOn}, which is not in this topology; it was ignored, as it does not change which servers run the Deployment Wizard.`,
      );
    }
  }

  const byCluster = new Map<string, RawService[]>();
  for (const service of raw.services) {
    if (service.clusterKey === null) continue;
    const list = byCluster.get(service.clusterKey) ?? [];
    list.push(service);
    byCluster.set(service.clusterKey, list);
  }

  const pools: Pool[] = [];
  const servers: Server[] = [];
  const skipped: SkippedCluster[] = [];
  const skippedMachines: { fqdn: string; cluster: string }[] = [];
  const poolOf = new Map<string, string>();
  for (const cluster of raw.clusters) {
    const verdict = classifyCluster(cluster, byCluster.get(cluster.key) ?? []);
    if (verdict.warning !== null) warnings.push(verdict.warning);
    const fqdn = normalizeFqdn(cluster.fqdn);
    if (!verdict.imported) {
      skipped.push({ fqdn, reason: verdict.reason });
      for (const machine of machineFqdns(cluster)) skippedMachines.push({ fqdn: machine ?? fqdn, cluster: fqdn });
      continue;
    }
    const poolProblem = fqdnProblem(fqdn, FQDN_EXAMPLES.pool);
    if (poolProblem !== null) {
      problems.push(`The ${POOL_KIND_LABELS[verdict.kind]} "${cluster.fqdn}" ${poolProblem}. ${fix}`);
      continue;
    }
    if (pools.some((p) => p.fqdn === fqdn)) {
      problems.push(`Two clusters are both named ${fqdn}; a pool FQDN is unique in a topology. ${fix}`);
      continue;
    }
    pools.push({ fqdn, kind: verdict.kind });
    for (const written of machineFqdns(cluster)) {
      if (written === null) {
        problems.push(`Pool ${fqdn} lists a server without an Fqdn. ${fix}`);
        continue;
      }
      const server = normalizeFqdn(written);
      const serverProblem = fqdnProblem(server);
      if (serverProblem !== null) {
        problems.push(`Server "${written}" in pool ${fqdn} ${serverProblem}. ${fix}`);
        continue;
      }
      const other = poolOf.get(server);
      if (other !== undefined) {
        problems.push(
          other === fqdn
            ? `Server ${server} is listed twice in pool ${fqdn}. ${fix}`
            : `Server ${server} is in two pools, ${other} and ${fqdn}; a server belongs to one pool only. ${fix}`,
        );
        continue;
      }
      poolOf.set(server, fqdn);
      servers.push({ fqdn: server, pool: fqdn, role: ROLE_OF_POOL_KIND[verdict.kind] });
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  // A skipped cluster sharing a machine is odd but harmless here: no Deployment Wizard runs for it.
  for (const machine of skippedMachines) {
    const pool = poolOf.get(normalizeFqdn(machine.fqdn));
    if (pool !== undefined) {
      warnings.push(
        `Server ${normalizeFqdn(machine.fqdn)} is in pool ${pool} and also in the skipped cluster ${machine.cluster}; it was imported as part of ${pool} only.`,
      );
    }
  }

  if (servers.length === 0) {
    const detail =
      raw.clusters.length === 0
        ? 'it has no clusters at all'
        : skipped.length === raw.clusters.length
          ? `all its clusters need no setup (${skipped.map((s) => s.fqdn).join(', ')})`
          : 'its pools list no servers';
    return {
      ok: false,
      problems: [
        `The topology has no server that runs the Deployment Wizard: ${detail}. Export the topology of the deployment that holds your Front End, Director, Edge or Mediation servers, or define them in Topology Builder first.`,
      ],
    };
  }

  const candidates = pools.filter((p) => canHostCms(p.kind)).map((p) => p.fqdn);
  const cms = chooseCmsPool(raw, pools, candidates, options.cmsPool);
  if (!cms.ok) return cms;
  warnings.push(...cms.warnings);

  const name = options.name?.trim() || raw.siteNames[0]?.trim() || (sipDomain ?? '');
  return {
    ok: true,
    deployment: { name, product: options.product, sipDomain: sipDomain ?? '', pools, cmsPool: cms.pool, servers },
    shape: raw.shape,
    cms: { from: cms.from, candidates },
    skipped,
    warnings,
  };
}

/** A cluster's machines; a `<Machine />` without Fqdn in a single-machine cluster is the cluster itself. */
function machineFqdns(cluster: RawCluster): (string | null)[] {
  return cluster.machines.map((m) => (m === null && cluster.singleMachineOnly === true ? cluster.fqdn : m));
}
