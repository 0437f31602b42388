import { PRODUCTS } from '../model/product';
import { BUILTIN_CMDLETS, COMMON_PARAMETERS } from './builtins';
import { CMDLET_CATALOG } from './catalog-data';
import type { CatalogCmdlet, CatalogParameter, CatalogParameterSet, CatalogProduct } from './catalog-types';
import type { Command, ParamValue } from './render';

export type { CatalogCmdlet, CatalogParameter, CatalogParameterSet, CatalogProduct } from './catalog-types';

/** The kinds of problem the catalog check finds, so callers and tests can tell them apart. */
export type CommandProblemCode =
  | 'unknown-cmdlet'
  | 'cmdlet-not-in-product'
  | 'unknown-parameter-set'
  | 'parameter-set-required'
  | 'missing-mandatory'
  | 'unknown-parameter'
  | 'parameter-not-in-product'
  | 'switch-given-value'
  | 'value-missing';

/** One reason a command would not run as written in the chosen product. */
export interface CommandProblem {
  readonly code: CommandProblemCode;
  readonly message: string;
}

const PRODUCT_NAMES: Readonly<Record<CatalogProduct, string>> = {
  lync2013: PRODUCTS.lync2013.name,
  sfb2015: PRODUCTS.sfb2015.name,
  sfb2019: PRODUCTS.sfb2019.name,
  exchange2013: 'Exchange Server 2013',
  exchange2016: 'Exchange Server 2016',
  exchange2019: 'Exchange Server 2019',
  exchangese: 'Exchange Server SE',
};

const COMMON_SWITCHES = new Set(['verbose', 'debug']);
const COMMON = new Set(COMMON_PARAMETERS.map((n) => n.toLowerCase()));

const BY_NAME = new Map<string, { entry: CatalogCmdlet; builtin: boolean }>([
  ...CMDLET_CATALOG.map((entry) => [entry.cmdlet.toLowerCase(), { entry, builtin: false }] as const),
  ...BUILTIN_CMDLETS.map((entry) => [entry.cmdlet.toLowerCase(), { entry, builtin: true }] as const),
]);

/** The catalog entry of a cmdlet (Lync/SfB, Exchange or an allowed built-in), case-insensitively. */
export function findCmdlet(name: string): CatalogCmdlet | undefined {
  return BY_NAME.get(name.toLowerCase())?.entry;
}

function productList(products: readonly CatalogProduct[]): string {
  return products.length === 0 ? 'no supported product' : products.map((p) => PRODUCT_NAMES[p]).join(', ');
}

function matches(parameter: CatalogParameter, name: string): boolean {
  const lower = name.toLowerCase();
  return parameter.name.toLowerCase() === lower || (parameter.aliases ?? []).some((a) => a.toLowerCase() === lower);
}

function chooseSet(entry: CatalogCmdlet, command: Command): CatalogParameterSet | CommandProblem {
  const names = entry.sets.map((s) => s.name).join(', ');
  if (command.parameterSet === undefined) {
    const only = entry.sets.length === 1 ? entry.sets[0] : undefined;
    if (only !== undefined) return only;
    return {
      code: 'parameter-set-required',
      message: `${entry.cmdlet} has several parameter sets (${names}); the command must name the one it uses.`,
    };
  }
  const set = entry.sets.find((s) => s.name === command.parameterSet);
  if (set !== undefined) return set;
  return {
    code: 'unknown-parameter-set',
    message: `${entry.cmdlet} has no parameter set "${command.parameterSet}"; its sets are ${names}.`,
  };
}

function checkValue(cmdlet: string, parameter: CatalogParameter, value: ParamValue): CommandProblem | null {
  if (parameter.switch === true && value !== true) {
    return { code: 'switch-given-value', message: `-${parameter.name} of ${cmdlet} is a switch and takes no value.` };
  }
  if (parameter.switch !== true && value === true) {
    return { code: 'value-missing', message: `-${parameter.name} of ${cmdlet} needs a value.` };
  }
  return null;
}

/**
 * Every reason a command would fail in the given product: unknown cmdlet or parameter set, a cmdlet or
 * parameter that product does not have, a mandatory parameter left out, a switch given a value. An empty
 * list means the command matches the official parameter sets.
 */
export function checkCommand(command: Command, product: CatalogProduct): CommandProblem[] {
  const found = BY_NAME.get(command.cmdlet.toLowerCase());
  if (found === undefined) {
    return [
      { code: 'unknown-cmdlet', message: `${command.cmdlet} is not a cmdlet the app knows; use one from the catalog.` },
    ];
  }
  const { entry } = found;
  const problems: CommandProblem[] = [];
  const cmdletExists = entry.products.includes(product);
  if (!cmdletExists) {
    problems.push({
      code: 'cmdlet-not-in-product',
      message: `${entry.cmdlet} does not exist in ${PRODUCT_NAMES[product]}; it exists in ${productList(entry.products)}.`,
    });
  }
  const set = chooseSet(entry, command);
  if ('code' in set) return [...problems, set];

  for (const [name, value] of Object.entries(command.parameters)) {
    const parameter = set.parameters.find((candidate) => matches(candidate, name));
    if (parameter === undefined) {
      if (COMMON.has(name.toLowerCase())) {
        const isSwitch = COMMON_SWITCHES.has(name.toLowerCase());
        const problem = checkValue(entry.cmdlet, { name, ...(isSwitch ? { switch: true as const } : {}) }, value);
        if (problem !== null) problems.push(problem);
        continue;
      }
      problems.push({
        code: 'unknown-parameter',
        message: `${entry.cmdlet} has no parameter -${name} in its ${set.name} parameter set.`,
      });
      continue;
    }
    const applies = parameter.products ?? entry.products;
    // Where the cmdlet itself is missing, saying so once is clearer than a line per parameter.
    if (cmdletExists && !applies.includes(product)) {
      problems.push({
        code: 'parameter-not-in-product',
        message: `-${parameter.name} of ${entry.cmdlet} does not apply to ${PRODUCT_NAMES[product]}; it applies to ${productList(applies)}.`,
      });
    }
    const problem = checkValue(entry.cmdlet, parameter, value);
    if (problem !== null) problems.push(problem);
  }

  for (const parameter of set.parameters) {
    if (parameter.mandatory !== true) continue;
    if (!(parameter.products ?? entry.products).includes(product)) continue;
    if (!Object.keys(command.parameters).some((name) => matches(parameter, name))) {
      problems.push({
        code: 'missing-mandatory',
        message: `${entry.cmdlet} needs -${parameter.name} in its ${set.name} parameter set.`,
      });
    }
  }
  return problems;
}
