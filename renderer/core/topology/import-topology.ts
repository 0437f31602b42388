import { isProductVersion } from '../model/product';
import { validateDeployment } from '../model/validate';
import { buildDeployment } from './build-deployment';
import { type TopologyImport, type TopologyImportOptions, type TopologyRefused } from './import-result';
import { TOPOLOGY_BUILDER_NS, TOPOLOGY_NS } from './namespaces';
import { type RawReadResult } from './raw-topology';
import { readPublished } from './read-published';
import { readTbxml } from './read-tbxml';
import { describeElement, readXml, type XmlElement } from './xml-tree';

/**
 * Turns a published topology (`Get-CsTopology -AsXml`) or a Topology Builder `.tbxml` into a
 * Deployment, so the admin does not retype pools and servers. Never throws: whatever the input, the
 * answer is a deployment or a refusal with messages.
 */
export function importTopology(xml: string, options: TopologyImportOptions): TopologyImport {
  try {
    return importOrRefuse(xml, options);
  } catch (error) {
    // A safety net: a bug here must not take the import screen down with it.
    const reason = error instanceof Error ? error.message : String(error);
    return refuse(
      `The topology could not be read because of an unexpected error (${reason}). Please report it with the file, and enter the deployment by hand meanwhile.`,
    );
  }
}

function importOrRefuse(xml: string, options: TopologyImportOptions): TopologyImport {
  const product: unknown = (options as Partial<TopologyImportOptions> | undefined)?.product;
  if (!isProductVersion(product)) {
    return refuse(
      'Choose the product version (Lync Server 2013, Skype for Business Server 2015 or 2019) before importing the topology.',
    );
  }
  const parsed = readXml(xml);
  if (!parsed.ok) return refuse(parsed.problem);
  const read = readShape(parsed.root);
  if (!read.ok) return { ok: false, problems: read.problems };

  const built = buildDeployment(read.topology, { ...options, product });
  if (!built.ok) return built;

  // The deployment must be one the rest of the app accepts; only the CMS pool may still be open.
  const problems = validateDeployment(built.deployment);
  const blocking = problems.filter(
    (p) => p.severity === 'error' && !(built.cms.from === 'needed' && p.path[0] === 'cmsPool'),
  );
  if (blocking.length > 0) return { ok: false, problems: blocking.map((p) => p.message) };
  const warnings = [...built.warnings, ...problems.filter((p) => p.severity === 'warning').map((p) => p.message)];
  return { ...built, warnings };
}

function readShape(root: XmlElement): RawReadResult {
  if (root.local === 'Topology' && root.ns === TOPOLOGY_NS) return readPublished(root);
  if (root.local === 'TopologyBuilder' && root.ns === TOPOLOGY_BUILDER_NS) return readTbxml(root);
  if (root.local === 'Topology' || root.local === 'TopologyBuilder') {
    const expected = root.local === 'Topology' ? TOPOLOGY_NS : TOPOLOGY_BUILDER_NS;
    const actual = root.ns === null ? 'in no namespace' : `in namespace ${root.ns}`;
    return {
      ok: false,
      problems: [
        `The root element <${root.local}> is ${actual}, not in ${expected}, so this is not a Lync Server or Skype for Business Server topology (or it was altered). Export the topology again with Get-CsTopology -AsXml, or save it again from Topology Builder, and import the file unchanged.`,
      ],
    };
  }
  const hint = /^html$/i.test(root.local) ? ' It looks like a web page, perhaps saved from a browser.' : '';
  return {
    ok: false,
    problems: [
      `The topology's root element is ${describeElement(root)}, not <Topology> (written by Get-CsTopology -AsXml) or <TopologyBuilder> (a Topology Builder .tbxml file).${hint} Choose one of those two files.`,
    ],
  };
}

export type {
  CmsChoice,
  CmsSource,
  SkippedCluster,
  TopologyImport,
  TopologyImported,
  TopologyImportOptions,
  TopologyRefused,
} from './import-result';

function refuse(problem: string): TopologyRefused {
  return { ok: false, problems: [problem] };
}
