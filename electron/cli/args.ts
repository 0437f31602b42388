/** Argument parsing on node:util parseArgs, with every mistake turned into a UsageError that says how to fix it. */
import { parseArgs } from 'node:util';
import { UsageError } from './cli-error';

/** The options a command declares, as parseArgs takes them. */
export type OptionSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }>;

/** What a command was called with. */
export interface ParsedArgs {
  readonly values: Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;
  readonly positionals: readonly string[];
  readonly help: boolean;
}

/** Parses a command's arguments strictly: unknown options and missing values are UsageErrors. */
export function parseCommandArgs(
  command: string,
  argv: readonly string[],
  options: OptionSpec,
  positionals: { readonly min: number; readonly max: number; readonly names: string },
): ParsedArgs {
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({
      args: [...argv],
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    const message = (error as Error).message;
    // Node's message for an unknown option goes on about '--' positionals; the option is what matters.
    const unknown = /^Unknown option '([^']+)'/.exec(message);
    throw new UsageError(unknown ? `Unknown option ${unknown[1]}.` : (message.split('\n')[0] ?? message), command);
  }
  const help = parsed.values.help === true;
  if (!help) {
    if (parsed.positionals.length < positionals.min) throw new UsageError(`Missing ${positionals.names}.`, command);
    if (parsed.positionals.length > positionals.max) {
      throw new UsageError(
        `Unexpected argument "${parsed.positionals[positionals.max]}"${positionals.max === 0 ? '' : ` after ${positionals.names}`}.`,
        command,
      );
    }
  }
  return { values: parsed.values as ParsedArgs['values'], positionals: parsed.positionals, help };
}

/** A string option's value, or undefined when it was not given. */
export function optional(args: ParsedArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
}

/** A string option that must be given. */
export function required(args: ParsedArgs, name: string, command: string, hint = ''): string {
  const value = optional(args, name);
  if (value === undefined || value.trim().length === 0)
    throw new UsageError(`Missing --${name}${hint ? ` ${hint}` : ''}.`, command);
  return value;
}

/** Every value of a repeatable option, in order. */
export function repeated(args: ParsedArgs, name: string): string[] {
  const value = args.values[name];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
}

/** True when a boolean option was given. */
export function flag(args: ParsedArgs, name: string): boolean {
  return args.values[name] === true;
}

/** A value that must be one of a list (compared case-insensitively), returned in the list's spelling. */
export function oneOf<T extends string>(value: string, allowed: readonly T[], what: string, command: string): T {
  const found = allowed.find((a) => a.toLowerCase() === value.trim().toLowerCase());
  if (found === undefined) throw new UsageError(`${what} "${value}" is not one of: ${allowed.join(', ')}.`, command);
  return found;
}

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/i;

/** An ISO 8601 time with its zone ("2013-03-14T10:00:00Z", "2013-03-14T11:00+01:00"), as the UTC form events store. */
export function parseTime(value: string, option: string, command: string): string {
  const trimmed = value.trim();
  if (!ISO_WITH_ZONE.test(trimmed)) {
    const hint = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(trimmed)
      ? ' Add the zone: Z for UTC, or an offset such as +01:00.'
      : '';
    throw new UsageError(
      `--${option} "${value}" is not an ISO 8601 time with a zone, such as 2013-03-14T10:00:00Z.${hint}`,
      command,
    );
  }
  const [y, m, d] = trimmed.slice(0, 10).split('-').map(Number) as [number, number, number];
  const ms = Date.parse(trimmed);
  // Date.parse rolls 30 February over into March; a typed date must exist as typed.
  if (!Number.isFinite(ms) || new Date(Date.UTC(y, m - 1, d)).getUTCDate() !== d)
    throw new UsageError(`--${option} "${value}" is not a real moment.`, command);
  return new Date(ms).toISOString();
}
