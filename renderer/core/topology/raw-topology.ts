/**
 * What both topology shapes say, read into one form before any decision is made, so the
 * rules that turn clusters into pools (classify.ts) are written once for both.
 */

/** Which of the two XML shapes a document is. */
export type TopologyShape = 'published' | 'tbxml';

/** One `Cluster` element, as written. */
export interface RawCluster {
  /** Its identity inside the document: "site:number" (published) or its UniqueId (tbxml), lower case. */
  readonly key: string;
  /** As written, not yet checked. */
  readonly fqdn: string;
  /** `@RequiresSetup`, or null when the attribute is missing. */
  readonly requiresSetup: boolean | null;
  /** `@IsSingleMachineOnly` (tbxml only), or null when not said. */
  readonly singleMachineOnly: boolean | null;
  /** Machine FQDNs as written, in document order; null for a `<Machine/>` without one. */
  readonly machines: readonly (string | null)[];
  /** Whether a SQL Server instance of the topology lives on this cluster. */
  readonly hostsSqlInstance: boolean;
}

/** One `Service` element: a role installed on a cluster (or on a SQL instance of one). */
export interface RawService {
  readonly roleName: string;
  /** Key of the cluster it is installed on, or null when the reference leads nowhere. */
  readonly clusterKey: string | null;
  /** The reference as written, for messages when it leads nowhere. */
  readonly installedOn: string;
  /** True when installed on a SQL instance (a database role) rather than on the cluster's servers. */
  readonly onSqlInstance: boolean;
  /** `RegistrarService/@IsDirector`. */
  readonly isDirector: boolean;
  /** `CentralMgmtService/@IsActive`, or null when the element or attribute is missing. */
  readonly cmsActive: boolean | null;
}

/** A whole document in the common form. */
export interface RawTopology {
  readonly shape: TopologyShape;
  /** `InternalDomains/@DefaultDomain`, or null when missing. */
  readonly defaultDomain: string | null;
  /** Names of the central sites, in document order. */
  readonly siteNames: readonly string[];
  readonly clusters: readonly RawCluster[];
  readonly services: readonly RawService[];
}

/** A reader's answer: the document in common form, or what is wrong with it. */
export type RawReadResult =
  { readonly ok: true; readonly topology: RawTopology } | { readonly ok: false; readonly problems: string[] };

/** Reads the XML boolean forms ("true"/"false"/"1"/"0", any case); null for anything else. */
export function xmlBoolean(value: string | null): boolean | null {
  if (value === null) return null;
  const v = value.trim().toLowerCase();
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  return null;
}
