import type { ProductVersion } from './product';
import { normalizeFqdn, sameFqdn } from './fqdn';

/** The kinds of Topology Builder pools the app knows. */
export const POOL_KINDS = [
  'enterprise-front-end',
  'standard-edition',
  'director',
  'edge',
  'mediation',
  'other',
] as const;
/** One kind of pool. */
export type PoolKind = (typeof POOL_KINDS)[number];

/** The server roles the app tracks; each pool kind holds servers of one role. */
export const SERVER_ROLES = ['front-end', 'standard-edition', 'director', 'edge', 'mediation', 'other'] as const;
/** One server role. */
export type ServerRole = (typeof SERVER_ROLES)[number];

/** Names of pool kinds as Topology Builder shows them. */
export const POOL_KIND_LABELS: Readonly<Record<PoolKind, string>> = {
  'enterprise-front-end': 'Enterprise Edition Front End pool',
  'standard-edition': 'Standard Edition server',
  director: 'Director pool',
  edge: 'Edge pool',
  mediation: 'Mediation pool',
  other: 'Other pool',
};

/** Names of roles as the admin says them. */
export const ROLE_LABELS: Readonly<Record<ServerRole, string>> = {
  'front-end': 'Front End',
  'standard-edition': 'Standard Edition',
  director: 'Director',
  edge: 'Edge Server',
  mediation: 'Mediation Server',
  other: 'Other',
};

/** The role of the servers in a pool of each kind. */
export const ROLE_OF_POOL_KIND: Readonly<Record<PoolKind, ServerRole>> = {
  'enterprise-front-end': 'front-end',
  'standard-edition': 'standard-edition',
  director: 'director',
  edge: 'edge',
  mediation: 'mediation',
  other: 'other',
};

/** A Topology Builder pool. */
export interface Pool {
  readonly fqdn: string;
  readonly kind: PoolKind;
}

/** One server that runs the Deployment Wizard. */
export interface Server {
  readonly fqdn: string;
  /** FQDN of the pool it belongs to. */
  readonly pool: string;
  readonly role: ServerRole;
}

/** What is being deployed: product, SIP domain, pools, servers and the CMS pool. */
export interface Deployment {
  /** A name the admin recognises ("Contoso HQ"). */
  readonly name: string;
  readonly product: ProductVersion;
  /** The default SIP domain (also the OAuth realm). */
  readonly sipDomain: string;
  readonly pools: readonly Pool[];
  /** FQDN of the pool that hosts the Central Management Store, or null while not chosen. */
  readonly cmsPool: string | null;
  readonly servers: readonly Server[];
}

/**
 * Roles whose Step 3 needs the OAuthTokenIssuer certificate (lync-reference §7: Front End,
 * Standard Edition, Director). Edge and Mediation Servers do not, so the gate does not apply.
 */
export function roleNeedsOAuth(role: ServerRole): boolean {
  return role === 'front-end' || role === 'standard-edition' || role === 'director';
}

/** Pool kinds that can host the CMS. */
export function canHostCms(kind: PoolKind): boolean {
  return kind === 'enterprise-front-end' || kind === 'standard-edition';
}

/** Lookups of one deployment, made once: a deployment is never changed, only replaced. */
interface DeploymentIndex {
  readonly pools: ReadonlyMap<string, Pool>;
  readonly servers: ReadonlyMap<string, Server>;
  readonly members: ReadonlyMap<string, readonly Server[]>;
  readonly cmsFrontEnds: readonly Server[];
}

const indexes = new WeakMap<Deployment, DeploymentIndex>();

function indexOf(deployment: Deployment): DeploymentIndex {
  let index = indexes.get(deployment);
  if (index === undefined) {
    const pools = new Map<string, Pool>();
    for (const p of deployment.pools) if (!pools.has(normalizeFqdn(p.fqdn))) pools.set(normalizeFqdn(p.fqdn), p);
    const servers = new Map<string, Server>();
    for (const s of deployment.servers) if (!servers.has(normalizeFqdn(s.fqdn))) servers.set(normalizeFqdn(s.fqdn), s);
    const members = new Map<string, Server[]>();
    for (const s of servers.values()) {
      const pool = normalizeFqdn(s.pool);
      const list = members.get(pool);
      if (list === undefined) members.set(pool, [s]);
      else list.push(s);
    }
    const cms = deployment.cmsPool;
    const frontEnds =
      cms === null
        ? []
        : deployment.servers.filter(
            (s) => sameFqdn(s.pool, cms) && (s.role === 'front-end' || s.role === 'standard-edition'),
          );
    index = { pools, servers, members, cmsFrontEnds: frontEnds };
    indexes.set(deployment, index);
  }
  return index;
}

/** The pool with this FQDN, if any (case-insensitive). */
export function findPool(deployment: Deployment, fqdn: string): Pool | undefined {
  return indexOf(deployment).pools.get(normalizeFqdn(fqdn));
}

/** The server with this FQDN, if any (case-insensitive). */
export function findServer(deployment: Deployment, fqdn: string): Server | undefined {
  return indexOf(deployment).servers.get(normalizeFqdn(fqdn));
}

/** The servers of a pool, in topology order. */
export function poolMembers(deployment: Deployment, pool: string): readonly Server[] {
  return indexOf(deployment).members.get(normalizeFqdn(pool)) ?? [];
}

/** The servers of the CMS pool that run the Front End role (those that replication needs running). */
export function cmsFrontEnds(deployment: Deployment): readonly Server[] {
  return indexOf(deployment).cmsFrontEnds;
}

/** True when the server is a Front End of the CMS pool. */
export function isCmsFrontEnd(deployment: Deployment, fqdn: string): boolean {
  const server = findServer(deployment, fqdn);
  return server !== undefined && indexOf(deployment).cmsFrontEnds.includes(server);
}

/** A copy with every FQDN lower-cased and trimmed, the form the app stores. */
export function normalizeDeployment(d: Deployment): Deployment {
  return {
    name: d.name.trim(),
    product: d.product,
    sipDomain: normalizeFqdn(d.sipDomain),
    cmsPool: d.cmsPool === null ? null : normalizeFqdn(d.cmsPool),
    pools: d.pools.map((p) => ({ fqdn: normalizeFqdn(p.fqdn), kind: p.kind })),
    servers: d.servers.map((s) => ({ fqdn: normalizeFqdn(s.fqdn), pool: normalizeFqdn(s.pool), role: s.role })),
  };
}

/** A label with its article: "an Edge pool", "a Director pool" (the labels above start with a capital). */
export function withArticle(label: string): string {
  return /^[AEIOU]/.test(label) ? `an ${label}` : `a ${label}`;
}
