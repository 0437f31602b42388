import { quoteLiteral } from './quote';

/**
 * The one renderer of PowerShell text. Commands are data; script glue is written as `ps` templates whose
 * literal parts are our own code and whose interpolations are always rendered here: a string becomes a
 * single-quoted literal (quoteLiteral), never code. Nothing else in the app turns values into script text.
 */

/** A reference to a variable the script itself assigns (never user data). */
export interface VarRef {
  readonly kind: 'var';
  readonly name: string;
}

/** A piece of rendered PowerShell, with the commands it contains (for the catalog check). */
export interface Fragment {
  readonly kind: 'fragment';
  readonly text: string;
  readonly commands: readonly Command[];
}

/**
 * A parameter value: `true` for a switch, a string (always rendered as a quoted literal), an integer, a
 * variable, a command run as a sub-expression, an expression the script builds (a Fragment), or an array of
 * literals.
 */
export type ParamValue = true | string | number | VarRef | Command | Fragment | readonly (string | number)[];

/** One cmdlet call as data: the only way a script runs a command. */
export interface Command {
  readonly cmdlet: string;
  /** The parameter set it uses; may be left out when the cmdlet has a single set. */
  readonly parameterSet?: string;
  /** Parameters in the order they are rendered, by name without the dash. */
  readonly parameters: Readonly<Record<string, ParamValue>>;
}

/** What a `ps` template may interpolate. */
export type Interpolation = string | number | VarRef | Command | Fragment | readonly (string | number)[];

/** Fragments made here; anything else shaped like one (say, an object literal holding user text) is refused. */
const MINTED = new WeakSet<Fragment>();

function mint(text: string, commands: readonly Command[]): Fragment {
  const fragment: Fragment = { kind: 'fragment', text, commands };
  MINTED.add(fragment);
  return fragment;
}

function minted(fragment: Fragment): Fragment {
  if (!MINTED.has(fragment))
    throw new Error('A Fragment must come from ps, lines, comment or concat, never be built by hand.');
  return fragment;
}

const CMDLET_NAME = /^[A-Za-z]+-[A-Za-z0-9]+$/;
const PARAMETER_NAME = /^[A-Za-z][A-Za-z0-9]*$/;
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const LINE_BREAK = /[\r\n\u0085\u2028\u2029]/;

/** A command as data (a shorthand that keeps call sites short). */
export function cmd(
  cmdlet: string,
  parameters: Readonly<Record<string, ParamValue>> = {},
  parameterSet?: string,
): Command {
  return parameterSet === undefined ? { cmdlet, parameters } : { cmdlet, parameterSet, parameters };
}

/** A reference to a script variable by name; the name is checked so it can only ever be a variable. */
export function v(name: string): VarRef {
  if (!VARIABLE_NAME.test(name)) throw new Error(`Not a plain variable name: ${JSON.stringify(name)}`);
  return { kind: 'var', name };
}

function isCommand(value: object): value is Command {
  return 'cmdlet' in value;
}

function renderNumber(value: number): string {
  if (!Number.isSafeInteger(value)) throw new Error(`Only integers are rendered into scripts, not ${value}`);
  return String(value);
}

function renderArray(items: readonly (string | number)[]): string {
  return `@(${items.map((item) => (typeof item === 'number' ? renderNumber(item) : quoteLiteral(item))).join(', ')})`;
}

function renderValue(value: ParamValue): { text: string; commands: readonly Command[] } {
  if (typeof value === 'string') return { text: quoteLiteral(value), commands: [] };
  if (typeof value === 'number') return { text: renderNumber(value), commands: [] };
  if (value === true) return { text: '', commands: [] };
  if (Array.isArray(value)) return { text: renderArray(value), commands: [] };
  const object = value as VarRef | Command | Fragment;
  if (isCommand(object)) {
    const inner = renderCommandWithCommands(object);
    return { text: `(${inner.text})`, commands: inner.commands };
  }
  if (object.kind === 'var') return { text: `$${v(object.name).name}`, commands: [] };
  return { text: `(${minted(object).text})`, commands: object.commands };
}

function renderCommandWithCommands(command: Command): { text: string; commands: readonly Command[] } {
  if (!CMDLET_NAME.test(command.cmdlet)) throw new Error(`Not a cmdlet name: ${JSON.stringify(command.cmdlet)}`);
  const parts = [command.cmdlet];
  const commands: Command[] = [command];
  for (const [name, value] of Object.entries(command.parameters)) {
    if (!PARAMETER_NAME.test(name)) throw new Error(`Not a parameter name: ${JSON.stringify(name)}`);
    const rendered = renderValue(value);
    parts.push(value === true ? `-${name}` : `-${name} ${rendered.text}`);
    commands.push(...rendered.commands);
  }
  return { text: parts.join(' '), commands };
}

/** A command as one line of PowerShell, every parameter named, every string value a quoted literal. */
export function renderCommand(command: Command): string {
  return renderCommandWithCommands(command).text;
}

function renderInterpolation(value: Interpolation): { text: string; commands: readonly Command[] } {
  if (typeof value === 'string') return { text: quoteLiteral(value), commands: [] };
  if (typeof value === 'number') return { text: renderNumber(value), commands: [] };
  if (Array.isArray(value)) return { text: renderArray(value), commands: [] };
  const object = value as VarRef | Command | Fragment;
  if (isCommand(object)) return renderCommandWithCommands(object);
  if (object.kind === 'var') return { text: `$${v(object.name).name}`, commands: [] };
  return { text: minted(object).text, commands: object.commands };
}

/**
 * Script glue as a template: `ps\`$Server = ${fqdn}\`` renders the FQDN as a quoted literal. The literal
 * parts of the template are code we wrote; every interpolation goes through this file's rules.
 */
export function ps(strings: TemplateStringsArray, ...values: readonly Interpolation[]): Fragment {
  if (!Array.isArray(strings.raw) || !Object.isFrozen(strings)) throw new Error('ps must be used as a template tag.');
  let text = strings[0] ?? '';
  const commands: Command[] = [];
  values.forEach((value, i) => {
    const rendered = renderInterpolation(value);
    text += rendered.text + (strings[i + 1] ?? '');
    commands.push(...rendered.commands);
  });
  return mint(text, commands);
}

/**
 * A line comment of our own words (titles, product names). It refuses line breaks so that no text can end
 * the comment early; user values never go into comments at all, only into literals.
 */
export function comment(text: string): Fragment {
  if (LINE_BREAK.test(text)) throw new Error('A comment must be a single line.');
  return mint(text.length === 0 ? '#' : `# ${text}`, []);
}

/** Fragments one per line, in order. */
export function lines(...fragments: readonly Fragment[]): Fragment {
  return mint(
    fragments.map((f) => minted(f).text).join('\n'),
    fragments.flatMap((f) => f.commands),
  );
}

/**
 * A string built at run time from literals, variables and our own expressions, e.g.
 * `concat('Run it on ', v('Server'))` renders `'Run it on ' + $Server`. Messages are built this way, so
 * user values reach them only as literals or variables.
 */
export function concat(...parts: readonly (string | VarRef | Fragment)[]): Fragment {
  // Starting with a string makes `+` concatenate even when the first variable holds a number.
  const start: readonly (string | VarRef | Fragment)[] = typeof parts[0] === 'string' ? parts : ['', ...parts];
  const rendered = start.map((part) => {
    if (typeof part === 'string') return { text: quoteLiteral(part), commands: [] as readonly Command[] };
    if (part.kind === 'var') return { text: `$${v(part.name).name}`, commands: [] as readonly Command[] };
    return { text: `(${minted(part).text})`, commands: part.commands };
  });
  return mint(
    rendered.map((r) => r.text).join(' + '),
    rendered.flatMap((r) => r.commands),
  );
}
