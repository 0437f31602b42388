import {
  canHostCms,
  POOL_KIND_LABELS,
  ROLE_LABELS,
  ROLE_OF_POOL_KIND,
  withArticle,
  type Deployment,
} from './deployment';
import { FQDN_EXAMPLES, fqdnProblem, normalizeFqdn, sameFqdn } from './fqdn';
import { poolSizeProblem, startsAsPool } from './pool-start';
import { isProductVersion } from './product';

/** Where a problem sits in the deployment, so the setup screen can show it at the field. */
export type ProblemPath =
  | readonly ['name']
  | readonly ['product']
  | readonly ['sipDomain']
  | readonly ['cmsPool']
  | readonly ['pools', number, 'fqdn' | 'kind']
  | readonly ['pools', number]
  | readonly ['servers', number, 'fqdn' | 'pool' | 'role'];

/** One thing wrong with a deployment, worded for an admin: what is wrong and what to do. */
export interface DeploymentProblem {
  readonly path: ProblemPath;
  /** 'error' blocks use of the deployment; 'warning' is shown but allowed. */
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

/** Every problem with a deployment at once (an empty list means it is valid). */
export function validateDeployment(d: Deployment): DeploymentProblem[] {
  const problems: DeploymentProblem[] = [];
  const err = (path: ProblemPath, message: string) => problems.push({ path, severity: 'error', message });

  if (d.name.trim().length === 0) err(['name'], 'Give the deployment a name, for example "Contoso HQ".');
  if (!isProductVersion(d.product))
    err(['product'], 'Choose the product version: Lync Server 2013, Skype for Business Server 2015 or 2019.');

  const sip = fqdnProblem(d.sipDomain, FQDN_EXAMPLES.domain);
  if (d.sipDomain.trim() === '') err(['sipDomain'], 'Enter the default SIP domain, for example contoso.com.');
  else if (sip !== null) err(['sipDomain'], `The SIP domain "${d.sipDomain}" ${sip}.`);

  const poolSeen = new Map<string, number>();
  // Looked up once per server: a Map keeps validation linear for deployments of thousands of servers.
  const poolByKey = new Map<string, Deployment['pools'][number]>();
  for (const pool of d.pools)
    if (!poolByKey.has(normalizeFqdn(pool.fqdn))) poolByKey.set(normalizeFqdn(pool.fqdn), pool);
  const findPool = (_: Deployment, fqdn: string) => poolByKey.get(normalizeFqdn(fqdn));
  d.pools.forEach((pool, i) => {
    const problem = fqdnProblem(pool.fqdn, FQDN_EXAMPLES.pool);
    if (problem !== null) {
      err(
        ['pools', i, 'fqdn'],
        pool.fqdn.trim() === ''
          ? `Enter the FQDN of pool ${i + 1}, for example fepool.contoso.local.`
          : `Pool "${pool.fqdn}" ${problem}.`,
      );
      return;
    }
    const key = normalizeFqdn(pool.fqdn);
    const first = poolSeen.get(key);
    if (first !== undefined) {
      err(['pools', i, 'fqdn'], `Pool ${pool.fqdn} is listed twice (also as pool ${first + 1}); remove one of them.`);
    } else {
      poolSeen.set(key, i);
    }
  });

  // A server may appear once; listing it under two pools is a different mistake from a plain repeat.
  const serverSeen = new Map<string, { index: number; pool: string }>();
  d.servers.forEach((server, i) => {
    const problem = fqdnProblem(server.fqdn);
    const name = server.fqdn.trim() === '' ? `server ${i + 1}` : server.fqdn;
    if (problem !== null) {
      err(
        ['servers', i, 'fqdn'],
        server.fqdn.trim() === ''
          ? `Enter the FQDN of server ${i + 1}, for example fe01.contoso.local.`
          : `Server "${server.fqdn}" ${problem}.`,
      );
    }
    const pool = findPool(d, server.pool);
    if (server.pool.trim() === '') {
      err(['servers', i, 'pool'], `Choose the pool of ${name}.`);
    } else if (pool === undefined) {
      err(
        ['servers', i, 'pool'],
        `Server ${server.fqdn} belongs to pool "${server.pool}", which is not in the list of pools; add the pool or pick another.`,
      );
    } else if (pool.kind === 'enterprise-front-end' && problem === null && sameFqdn(server.fqdn, pool.fqdn)) {
      // Topology Builder refuses it: the pool's FQDN names the pool (DNS or hardware load balancing
      // across its Front End Servers), so no member can carry it.
      err(
        ['servers', i, 'fqdn'],
        `Server ${server.fqdn} has the FQDN of its Enterprise Edition pool "${pool.fqdn}"; the pool's FQDN names the whole pool, so give the server its own (for example fe01${domainPart(pool.fqdn)}).`,
      );
    } else if (ROLE_OF_POOL_KIND[pool.kind] !== server.role) {
      err(
        ['servers', i, 'role'],
        `Server ${server.fqdn} is marked ${ROLE_LABELS[server.role]}, but its pool ${pool.fqdn} is ${withArticle(POOL_KIND_LABELS[pool.kind])}, whose servers are ${ROLE_LABELS[ROLE_OF_POOL_KIND[pool.kind]]}; change the role or the pool.`,
      );
    }
    if (problem !== null) return;
    const key = normalizeFqdn(server.fqdn);
    const first = serverSeen.get(key);
    if (first === undefined) {
      serverSeen.set(key, { index: i, pool: normalizeFqdn(server.pool) });
    } else if (first.pool !== normalizeFqdn(server.pool)) {
      err(
        ['servers', i, 'fqdn'],
        `Server ${server.fqdn} is in two pools (${first.pool} and ${normalizeFqdn(server.pool)}); a server belongs to one pool only.`,
      );
    } else {
      err(['servers', i, 'fqdn'], `Server ${server.fqdn} is listed twice in pool ${first.pool}; remove one of them.`);
    }
  });

  const poolsWithServers = new Set(d.servers.map((s) => normalizeFqdn(s.pool)));
  const frontEnds = new Map<string, number>();
  for (const s of d.servers) frontEnds.set(normalizeFqdn(s.pool), (frontEnds.get(normalizeFqdn(s.pool)) ?? 0) + 1);
  d.pools.forEach((pool, i) => {
    const size =
      startsAsPool(pool.kind) && isProductVersion(d.product) ? frontEnds.get(normalizeFqdn(pool.fqdn)) : undefined;
    const sizeProblem = size === undefined ? null : poolSizeProblem(d.product, pool.fqdn, size);
    if (sizeProblem !== null) err(['pools', i], sizeProblem);
    const hasServer = poolsWithServers.has(normalizeFqdn(pool.fqdn));
    if (!hasServer && fqdnProblem(pool.fqdn) === null) {
      problems.push({
        path: ['pools', i],
        severity: 'warning',
        message: `Pool ${pool.fqdn} has no servers yet; add its servers so they get a row on the dashboard.`,
      });
    }
  });

  if (d.cmsPool === null || d.cmsPool.trim() === '') {
    err(
      ['cmsPool'],
      'Choose the pool that hosts the Central Management Store (an Enterprise Edition Front End pool or a Standard Edition server).',
    );
  } else {
    const cms = findPool(d, d.cmsPool);
    if (cms === undefined) {
      err(['cmsPool'], `The CMS pool "${d.cmsPool}" is not in the list of pools; choose one of the pools.`);
    } else if (!canHostCms(cms.kind)) {
      err(
        ['cmsPool'],
        `The CMS pool ${cms.fqdn} is ${withArticle(POOL_KIND_LABELS[cms.kind])}; only an Enterprise Edition Front End pool or a Standard Edition server can host the Central Management Store.`,
      );
    }
  }
  return problems;
}

/** Only the problems that block use of the deployment. */
export function deploymentErrors(d: Deployment): DeploymentProblem[] {
  return validateDeployment(d).filter((p) => p.severity === 'error');
}

/** ".contoso.local" of "fepool.contoso.local": the domain an example name is given in. */
function domainPart(fqdn: string): string {
  const dot = fqdn.indexOf('.');
  return dot === -1 ? '' : normalizeFqdn(fqdn.slice(dot));
}
