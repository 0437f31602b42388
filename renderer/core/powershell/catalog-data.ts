import { z } from 'zod';
import data from './catalog.json';
import { CATALOG_PRODUCTS, type CatalogCmdlet } from './catalog-types';

// The shape of catalog-types.ts, checked when the data is loaded.
const products = z.array(z.enum(CATALOG_PRODUCTS));
const parameter = z.strictObject({
  name: z.string().min(1),
  mandatory: z.literal(true).optional(),
  switch: z.literal(true).optional(),
  products: products.optional(),
  aliases: z.array(z.string().min(1)).optional(),
});
const cmdlet = z.strictObject({
  cmdlet: z.string().min(1),
  products,
  sets: z.array(
    z.strictObject({ name: z.string().min(1), isDefault: z.literal(true).optional(), parameters: z.array(parameter) }),
  ),
});

/**
 * Parameter sets of the Lync Server 2013 / Skype for Business Server 2015/2019 (and Exchange) cmdlets the
 * app generates or reads: names, mandatory flags, switches and the product versions each applies to.
 * Facts taken from the official PowerShell reference (MicrosoftDocs/office-docs-powershell, commit
 * 93336da2bca9); where its SYNTAX block and YAML disagree, SYNTAX rules for values and YAML for switches.
 * A parameter without `products` applies wherever its cmdlet does. Lync Server 2010 and online-only
 * applicability are left out: the app does not target them. The data is catalog.json, checked against
 * this shape when it is loaded.
 */
export const CMDLET_CATALOG: readonly CatalogCmdlet[] = z.array(cmdlet).parse(data);
