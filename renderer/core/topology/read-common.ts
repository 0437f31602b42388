/** What the two topology readers read the same way. */
import { SERVICE_ROLES_NS } from './namespaces';
import { xmlBoolean, type RawReadResult, type RawService, type RawTopology, type TopologyShape } from './raw-topology';
import { attrOf, childOf, type XmlElement } from './xml-tree';

/** What a `Service` element says of itself in both shapes: a Director or not, an active CMS or not. */
export function roleFacts(service: XmlElement): Pick<RawService, 'isDirector' | 'cmsActive'> {
  const registrar = childOf(service, SERVICE_ROLES_NS, 'RegistrarService') ?? service;
  const settings = childOf(service, SERVICE_ROLES_NS, 'CentralMgmtService');
  return {
    isDirector: xmlBoolean(attrOf(registrar, 'IsDirector')) === true,
    cmsActive: settings ? xmlBoolean(attrOf(settings, 'IsActive')) : null,
  };
}

/** The reader's answer: the problems found, or the document in the common form. */
export function readResult(
  shape: TopologyShape,
  problems: readonly string[],
  domains: XmlElement | undefined,
  parts: Pick<RawTopology, 'siteNames' | 'clusters' | 'services'>,
): RawReadResult {
  if (problems.length > 0) return { ok: false, problems: [...problems] };
  return { ok: true, topology: { shape, defaultDomain: domains ? attrOf(domains, 'DefaultDomain') : null, ...parts } };
}
