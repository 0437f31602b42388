import { type PoolKind } from '../model/deployment';
import { normalizeFqdn } from '../model/fqdn';
import { type RawCluster, type RawService } from './raw-topology';

/** What becomes of one cluster: a pool of some kind, or skipped with the reason shown to the admin. */
export type ClusterVerdict =
  | { readonly imported: true; readonly kind: PoolKind; readonly warning: string | null }
  | { readonly imported: false; readonly reason: string; readonly warning: string | null };

/** Roles that live on clusters which are not Lync / Skype for Business servers. */
const FILE_STORE = 'FileStore';
const OFFICE_WEB_APPS = 'WacService';
const PSTN_GATEWAY = 'PstnGateway';
const TRUSTED_APPLICATION = /^(ExternalServer|ExtServer|TrustedApplication)/i;

/**
 * Decides a cluster's pool kind from the roles installed on it (lync-reference §12), or why it is
 * skipped. Order matters: an Edge pool and a Director pool also carry other roles, and a Mediation
 * Server collocated on a Front End pool is part of that pool, so "Mediation pool" means the role
 * on a cluster of its own.
 */
export function classifyCluster(cluster: RawCluster, services: readonly RawService[]): ClusterVerdict {
  const serverRoles = new Set(services.filter((s) => !s.onSqlInstance).map((s) => s.roleName));
  const databaseRoles = unique(services.filter((s) => s.onSqlInstance).map((s) => s.roleName));
  const isServerRole = (role: string) =>
    role !== FILE_STORE && role !== OFFICE_WEB_APPS && role !== PSTN_GATEWAY && !TRUSTED_APPLICATION.test(role);
  const runsLync = [...serverRoles].some(isServerRole);

  let warning: string | null = null;
  if (cluster.requiresSetup === false) {
    return {
      imported: false,
      reason: skipReason(serverRoles, databaseRoles, cluster.hostsSqlInstance, 'RequiresSetup="false"'),
      warning: null,
    };
  }
  if (cluster.requiresSetup === null) {
    if (!runsLync) {
      const why = 'no RequiresSetup attribute, and no server role installed';
      return {
        imported: false,
        reason: skipReason(serverRoles, databaseRoles, cluster.hostsSqlInstance, why),
        warning: null,
      };
    }
    warning = `Cluster ${normalizeFqdn(cluster.fqdn)} does not say whether it needs setup (no RequiresSetup attribute); it was imported because it runs ${listRoles(serverRoles)}.`;
  }

  if (serverRoles.has('EdgeServer')) return { imported: true, kind: 'edge', warning };
  if (services.some((s) => s.roleName === 'Registrar' && !s.onSqlInstance && s.isDirector))
    return { imported: true, kind: 'director', warning };
  if (serverRoles.has('UserServices') || serverRoles.has('Registrar')) {
    const edition = frontEndEdition(cluster, databaseRoles.length > 0);
    return { imported: true, kind: edition.kind, warning: joinWarnings(warning, edition.warning) };
  }
  if (serverRoles.has('MediationServer')) return { imported: true, kind: 'mediation', warning };
  const other =
    serverRoles.size === 0
      ? `Pool ${normalizeFqdn(cluster.fqdn)} needs setup but no role is installed on it; it was imported as an "Other" pool.`
      : `Pool ${normalizeFqdn(cluster.fqdn)} runs ${listRoles(serverRoles)}, which this app tracks as an "Other" pool.`;
  return { imported: true, kind: 'other', warning: joinWarnings(warning, other) };
}

/**
 * Standard Edition server or Enterprise Edition Front End pool. The formats do not name the
 * edition, so the rule, strongest evidence first:
 * 1. `.tbxml` `@IsSingleMachineOnly`: Topology Builder writes "true" for a cluster that can hold one
 *    computer only — a Standard Edition server — and "false" for an Enterprise pool even with one
 *    Front End (AutomatedLab's public Contoso.tbxml: the Enterprise pool says "false").
 * 2. A SQL instance collocated on the cluster: a Standard Edition server keeps its back-end databases
 *    (UserStore, CentralMgmtStore) in its own local SQL instance "rtc", while an Enterprise pool's back
 *    end is a separate SQL cluster (a published SfB 2019 Standard Edition topology in a public
 *    deployment script: SqlInstance "rtc" on the server's own ClusterId).
 * 3. Failing both, one machine whose FQDN is the pool's FQDN is taken as Standard Edition, with a warning.
 */
function frontEndEdition(
  cluster: RawCluster,
  hasCollocatedDatabases: boolean,
): { kind: PoolKind; warning: string | null } {
  if (cluster.singleMachineOnly !== null) {
    return { kind: cluster.singleMachineOnly ? 'standard-edition' : 'enterprise-front-end', warning: null };
  }
  if (cluster.hostsSqlInstance || hasCollocatedDatabases) return { kind: 'standard-edition', warning: null };
  const only = cluster.machines.length === 1 ? cluster.machines[0] : undefined;
  if (only !== undefined && (only === null || normalizeFqdn(only) === normalizeFqdn(cluster.fqdn))) {
    return {
      kind: 'standard-edition',
      warning: `Pool ${normalizeFqdn(cluster.fqdn)} was taken as a Standard Edition server because its only server has the pool's name; if it is an Enterprise Edition pool with one Front End, change its kind after the import.`,
    };
  }
  return { kind: 'enterprise-front-end', warning: null };
}

function skipReason(
  serverRoles: ReadonlySet<string>,
  databaseRoles: readonly string[],
  hostsSql: boolean,
  why: string,
): string {
  const notLync = `it needs no Deployment Wizard (${why}); it is not a Lync Server or Skype for Business Server server`;
  if (hostsSql || databaseRoles.length > 0) {
    const holds = databaseRoles.length > 0 ? ` holding ${databaseRoles.join(', ')}` : '';
    return `SQL Server${holds}: ${notLync}`;
  }
  if (serverRoles.has(OFFICE_WEB_APPS)) return `Office Web Apps Server / Office Online Server: ${notLync}`;
  if (serverRoles.has(FILE_STORE)) return `file server (file store share): ${notLync}`;
  if (serverRoles.has(PSTN_GATEWAY)) return `PSTN gateway: ${notLync}`;
  if ([...serverRoles].some((r) => TRUSTED_APPLICATION.test(r))) return `trusted application server: ${notLync}`;
  const roles = serverRoles.size === 0 ? 'no roles' : `roles ${listRoles(serverRoles)}`;
  return `a cluster with ${roles}: it needs no Deployment Wizard (${why})`;
}

function listRoles(roles: ReadonlySet<string>): string {
  return [...roles].sort().join(', ');
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function joinWarnings(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return `${a} ${b}`;
}
