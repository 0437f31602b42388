import { POOL_KIND_LABELS, withArticle, type Pool } from '../model/deployment';
import { FQDN_EXAMPLES, fqdnProblem, normalizeFqdn } from '../model/fqdn';
import { type CmsSource, type TopologyRefused } from './import-result';
import { type RawTopology } from './raw-topology';

/** The CMS pool decided for an import, with what the admin should know about the decision. */
export interface CmsDecision {
  readonly ok: true;
  /** Null while it is still to be chosen (`from` is 'needed'). */
  readonly pool: string | null;
  readonly from: CmsSource;
  readonly warnings: readonly string[];
}

/**
 * Finds the CMS pool: the cluster where the CentralMgmt service is installed with
 * `CentralMgmtService/@IsActive="true"` (lync-reference §12). A never-published `.tbxml` has no
 * CentralMgmt service — the CMS location is chosen at first publication (PUB-CMS) — so the caller's
 * choice is used there, checked against the pools that can host it.
 */
export function chooseCmsPool(
  raw: RawTopology,
  pools: readonly Pool[],
  candidates: readonly string[],
  option: string | undefined,
): CmsDecision | TopologyRefused {
  const warnings: string[] = [];
  const fqdnOfKey = new Map(raw.clusters.map((c) => [c.key, normalizeFqdn(c.fqdn)]));
  const cmsServices = raw.services.filter((s) => s.roleName === 'CentralMgmt' && s.clusterKey !== null);
  const active = [
    ...new Set(cmsServices.filter((s) => s.cmsActive === true).map((s) => fqdnOfKey.get(s.clusterKey ?? '') ?? '')),
  ];
  const list = candidates.join(', ');

  let fromTopology: string | null = null;
  if (active.length === 1) {
    const where = active[0] as string;
    if (candidates.includes(where)) {
      fromTopology = where;
    } else {
      const pool = pools.find((p) => p.fqdn === where);
      const what = pool ? withArticle(POOL_KIND_LABELS[pool.kind]) : 'not a pool that runs the Deployment Wizard';
      warnings.push(
        `The topology places the active CMS on ${where}, which is ${what} and cannot host it; choose the pool that hosts the CMS.`,
      );
    }
  } else if (active.length > 1) {
    warnings.push(
      `The topology marks the CMS as active on more than one pool (${active.join(', ')}); choose the pool that really hosts it.`,
    );
  } else if (cmsServices.length > 0) {
    const where = [...new Set(cmsServices.map((s) => fqdnOfKey.get(s.clusterKey ?? '') ?? ''))].join(', ');
    warnings.push(
      `The topology has a CentralMgmt service on ${where} but does not mark it active (CentralMgmtService IsActive="true"); choose the pool that hosts the CMS.`,
    );
  }

  const chosen = option?.trim() ? option.trim() : undefined;
  if (fromTopology !== null) {
    if (chosen !== undefined && normalizeFqdn(chosen) !== fromTopology) {
      return refuse(
        `The topology says the CMS is hosted on ${fromTopology}, but ${chosen} was chosen. Leave the choice empty to take it from the topology, or choose ${fromTopology}.`,
      );
    }
    return { ok: true, pool: fromTopology, from: 'topology', warnings };
  }
  if (candidates.length === 0) {
    return refuse(
      'No pool in this topology can host the Central Management Store: it has no Enterprise Edition Front End pool and no Standard Edition server. Import a topology that includes your Front End pool.',
    );
  }
  if (chosen === undefined) return { ok: true, pool: null, from: 'needed', warnings };

  const wanted = normalizeFqdn(chosen);
  const problem = fqdnProblem(wanted, FQDN_EXAMPLES.pool);
  if (problem !== null) return refuse(`The CMS pool "${chosen}" ${problem}. Choose one of: ${list}.`);
  if (candidates.includes(wanted)) return { ok: true, pool: wanted, from: 'option', warnings };
  const pool = pools.find((p) => p.fqdn === wanted);
  if (pool !== undefined) {
    return refuse(
      `${wanted} is ${withArticle(POOL_KIND_LABELS[pool.kind])}, which cannot host the Central Management Store; only an Enterprise Edition Front End pool or a Standard Edition server can. Choose one of: ${list}.`,
    );
  }
  return refuse(
    `${wanted} is not a pool of this topology. Choose the pool that hosts the Central Management Store, one of: ${list}.`,
  );
}

function refuse(problem: string): TopologyRefused {
  return { ok: false, problems: [problem] };
}
