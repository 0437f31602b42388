/** The product versions the app supports, and the words each one uses in its wizard and tools. */
export const PRODUCT_VERSIONS = ['lync2013', 'sfb2015', 'sfb2019'] as const;

/** One supported product version, by its short id (used in files and on the command line). */
export type ProductVersion = (typeof PRODUCT_VERSIONS)[number];

/** A Deployment Wizard step number. */
export type StepNumber = 1 | 2 | 3 | 4;

/** The four steps in order. */
export const STEP_NUMBERS: readonly StepNumber[] = [1, 2, 3, 4];

/** What an admin sees of a product version: its name, its shell, its wizard and service names. */
export interface ProductInfo {
  readonly id: ProductVersion;
  /** Full product name, as on the installation media. */
  readonly name: string;
  /** Short brand used inside service and shell names ("Lync Server", "Skype for Business Server"). */
  readonly brand: string;
  /** The management shell scripts are run in. */
  readonly shell: string;
  /** The Deployment Wizard entry that leads to Steps 1–4. */
  readonly wizardEntry: string;
  /** Wizard step titles, exactly as the wizard shows them (lync-reference §1.1). */
  readonly stepNames: Readonly<Record<StepNumber, string>>;
  /** Display name of the REPLICA service (lync-reference §4). */
  readonly replicaServiceDisplayName: string;
  /** Build number of the release to manufacture, for reference in the UI. */
  readonly rtmBuild: string;
  /** Whether Start-CsPool exists (only Skype for Business Server; lync-reference §1.2). */
  readonly hasStartCsPool: boolean;
}

const COMMON_STEPS = {
  1: 'Install Local Configuration Store',
  3: 'Request, Install or Assign Certificates',
  4: 'Start Services',
} as const;

/** Facts per product version; every string here is what the product itself shows. */
export const PRODUCTS: Readonly<Record<ProductVersion, ProductInfo>> = {
  lync2013: {
    id: 'lync2013',
    name: 'Lync Server 2013',
    brand: 'Lync Server',
    shell: 'Lync Server Management Shell',
    wizardEntry: 'Install or Update Lync Server System',
    stepNames: { ...COMMON_STEPS, 2: 'Setup or Remove Lync Server Components' },
    replicaServiceDisplayName: 'Lync Server Replica Replicator Agent',
    rtmBuild: '5.0.8308.0',
    hasStartCsPool: false,
  },
  sfb2015: {
    id: 'sfb2015',
    name: 'Skype for Business Server 2015',
    brand: 'Skype for Business Server',
    shell: 'Skype for Business Server Management Shell',
    wizardEntry: 'Install or Update Skype for Business Server System',
    stepNames: { ...COMMON_STEPS, 2: 'Setup or Remove Skype for Business Server Components' },
    replicaServiceDisplayName: 'Skype for Business Server Replica Replicator Agent',
    rtmBuild: '6.0.9319.0',
    hasStartCsPool: true,
  },
  sfb2019: {
    id: 'sfb2019',
    name: 'Skype for Business Server 2019',
    brand: 'Skype for Business Server',
    shell: 'Skype for Business Server Management Shell',
    wizardEntry: 'Install or Update Skype for Business Server System',
    stepNames: { ...COMMON_STEPS, 2: 'Setup or Remove Skype for Business Server Components' },
    replicaServiceDisplayName: 'Skype for Business Server Replica Replicator Agent',
    rtmBuild: '7.0.2046.0',
    hasStartCsPool: true,
  },
};

/** The wizard's title for a step, e.g. "Step 2: Setup or Remove Lync Server Components". */
export function stepTitle(product: ProductVersion, step: StepNumber): string {
  return `Step ${step}: ${PRODUCTS[product].stepNames[step]}`;
}

/** True when `value` names a supported product version. */
export function isProductVersion(value: unknown): value is ProductVersion {
  return typeof value === 'string' && (PRODUCT_VERSIONS as readonly string[]).includes(value);
}
