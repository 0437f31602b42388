// The answer of importTopology and the options it takes, apart so its helpers share them; import-topology.ts re-exports them.
import { type Deployment } from '../model/deployment';
import { type ProductVersion } from '../model/product';
import { type TopologyShape } from './raw-topology';

/** What the caller knows that the topology may not say. */
export interface TopologyImportOptions {
  /** The product being deployed; the topology is not trusted to say it. */
  readonly product: ProductVersion;
  /** The pool that hosts (or will host) the CMS, when the topology does not say (a never-published .tbxml). */
  readonly cmsPool?: string;
  /** The deployment's name; else the first central site's name, else the SIP domain. */
  readonly name?: string;
}

/** A cluster left out of the deployment because no Deployment Wizard runs there, with the reason shown to the admin. */
export interface SkippedCluster {
  readonly fqdn: string;
  readonly reason: string;
}

/** Where the CMS pool came from: the topology itself, the caller's choice, or still to be chosen. */
export type CmsSource = 'topology' | 'option' | 'needed';

/** The CMS pool's origin, and the pools that could host it (Enterprise Front End pools and Standard Edition servers). */
export interface CmsChoice {
  readonly from: CmsSource;
  readonly candidates: readonly string[];
}

/** An accepted import: the deployment and what the admin should know about how it was read. */
export interface TopologyImported {
  readonly ok: true;
  /** Valid by validateDeployment, except that `cmsPool` is null when `cms.from` is 'needed'. */
  readonly deployment: Deployment;
  readonly shape: TopologyShape;
  readonly cms: CmsChoice;
  readonly skipped: readonly SkippedCluster[];
  readonly warnings: readonly string[];
}

/** A refused import: every problem found, each saying what is wrong and what to do. */
export interface TopologyRefused {
  readonly ok: false;
  readonly problems: readonly string[];
}

/** The outcome of importTopology. */
export type TopologyImport = TopologyImported | TopologyRefused;
