/**
 * XML namespaces of the two topology shapes (lync-reference §12: a published topology from
 * `Get-CsTopology -AsXml`, and a Topology Builder `.tbxml`). Elements are matched on these
 * URIs and their local names, never on a prefix, because prefixes are the writer's choice.
 */

/** Core topology elements: the published `<Topology>` root, and InternalDomains, Name, NetInterface inside a .tbxml. */
export const TOPOLOGY_NS = 'urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008';

/** The `.tbxml` root `<TopologyBuilder>` and its `NewTopology` / `OldTopology`. */
export const TOPOLOGY_BUILDER_NS = 'urn:schema:Microsoft.Rtc.Management.Deploy.TopologyBuilder.2008';

/** The `.tbxml` `PartialTopology` and its sites, clusters, machines and services. */
export const WRITABLE_TOPOLOGY_NS = 'urn:schema:Microsoft.Rtc.Management.Deploy.WritableTopology.2008';

/** A role's own settings (`RegistrarService/@IsDirector`, `CentralMgmtService/@IsActive`) in both shapes. */
export const SERVICE_ROLES_NS = 'urn:schema:Microsoft.Rtc.Management.Deploy.ServiceRoles.2008';
