import { PRODUCT_VERSIONS } from '../model/product';

/** Products the cmdlet catalog knows: the three the app deploys, and Exchange for the partner side. */
export const CATALOG_PRODUCTS = [
  ...PRODUCT_VERSIONS,
  'exchange2013',
  'exchange2016',
  'exchange2019',
  'exchangese',
] as const;
/** One product of the catalog. */
export type CatalogProduct = (typeof CATALOG_PRODUCTS)[number];

/** One parameter of a parameter set, as the official reference documents it. */
export interface CatalogParameter {
  readonly name: string;
  readonly mandatory?: true;
  /** A switch takes no value. */
  readonly switch?: true;
  /** Products it applies to, when narrower than the cmdlet's. */
  readonly products?: readonly CatalogProduct[];
  readonly aliases?: readonly string[];
}

/** One parameter set of a cmdlet. */
export interface CatalogParameterSet {
  readonly name: string;
  readonly isDefault?: true;
  readonly parameters: readonly CatalogParameter[];
}

/** One cmdlet: where it exists and its parameter sets. */
export interface CatalogCmdlet {
  readonly cmdlet: string;
  readonly products: readonly CatalogProduct[];
  readonly sets: readonly CatalogParameterSet[];
}
