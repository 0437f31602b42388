/**
 * PowerShell list output (`Name : Value` lines, one block per object) read into records, for the
 * property names a parser asks for. Blocks are told apart by a property repeating, a prompt or an
 * error, not by blank lines alone, because multi-line values may hold blank lines.
 */
import { MAX_LINE, type ConsoleLine } from './console-text';

/** One property line as read. */
export interface ListField {
  /** The name as printed. */
  readonly name: string;
  readonly value: string;
  readonly line: number;
}

/** One object of list output: its properties by lower-case name, in the order printed. */
export interface ListRecord {
  readonly fields: ReadonlyMap<string, ListField>;
  readonly firstLine: number;
  readonly lastLine: number;
  /** The property printed last (what a cut-off paste stops after). */
  readonly lastName: string;
  /** True when nothing but blank lines follows this record in the paste. */
  readonly atEnd: boolean;
  /**
   * A property this record starts by repeating from the record just above with no blank line between:
   * one block that shows a property twice, which is never read by either value.
   */
  readonly repeats: string | null;
}

const FIELD = /^\s{0,8}([A-Za-z][A-Za-z0-9]{0,63})\s{0,64}:\s?(.*)$/;

interface Building {
  fields: Map<string, ListField>;
  firstLine: number;
  lastLine: number;
  lastName: string;
  /** The property a wrapped continuation line belongs to, while the next line may continue it. */
  open: string | null;
  /** A blank line came after this record's last property. */
  blankAfter: boolean;
  repeats: string | null;
}

// Detection and parsing ask for the same records of the same paste; each paste is read once per name set.
const parsed = new WeakMap<readonly ConsoleLine[], Map<ReadonlySet<string>, ListRecord[]>>();

/** The list records in the paste that hold at least one of the given property names (lower case). */
export function listRecords(lines: readonly ConsoleLine[], names: ReadonlySet<string>): ListRecord[] {
  let byNames = parsed.get(lines);
  if (byNames === undefined) {
    byNames = new Map();
    parsed.set(lines, byNames);
  }
  let records = byNames.get(names);
  if (records === undefined) {
    records = readRecords(lines, names);
    byNames.set(names, records);
  }
  return records;
}

function readRecords(lines: readonly ConsoleLine[], names: ReadonlySet<string>): ListRecord[] {
  const done: Array<{ -readonly [K in keyof ListRecord]: ListRecord[K] }> = [];
  let current: Building | null = null;
  const close = (): void => {
    if (current !== null && current.fields.size > 0) {
      done.push({
        fields: current.fields,
        firstLine: current.firstLine,
        lastLine: current.lastLine,
        lastName: current.lastName,
        atEnd: false,
        repeats: current.repeats,
      });
    }
    current = null;
  };
  for (const line of lines) {
    if (line.noise !== null) {
      close();
      continue;
    }
    if (line.text.length > MAX_LINE) {
      if (current !== null) current.open = null;
      continue;
    }
    if (line.blank) {
      if (current !== null) {
        current.open = null;
        current.blankAfter = true;
      }
      continue;
    }
    const m = FIELD.exec(line.text);
    const key = m?.[1]?.toLowerCase();
    if (m !== null && key !== undefined && names.has(key)) {
      const fresh = (repeats: string | null): Building => ({
        fields: new Map(),
        firstLine: line.no,
        lastLine: line.no,
        lastName: '',
        open: null,
        blankAfter: false,
        repeats,
      });
      const building: Building = current ?? fresh(null);
      if (building.fields.has(key)) {
        const repeated = building.blankAfter ? null : (m[1] as string);
        close();
        current = fresh(repeated);
      } else {
        current = building;
      }
      const target = current as Building;
      target.fields.set(key, { name: m[1] as string, value: (m[2] ?? '').trim(), line: line.no });
      target.lastLine = line.no;
      target.lastName = m[1] as string;
      target.open = key;
      target.blankAfter = false;
      continue;
    }
    if (current === null) continue;
    const building: Building = current;
    if (m === null && building.open !== null && /^\s/.test(line.text)) {
      // Format-List wraps a long value onto indented lines; they belong to the property above.
      const field = building.fields.get(building.open);
      if (field !== undefined && field.value.length < MAX_LINE) {
        building.fields.set(building.open, { ...field, value: `${field.value} ${line.text.trim()}`.trim() });
        building.lastLine = line.no;
      }
      continue;
    }
    building.open = null;
  }
  close();
  let lastContent = 0;
  for (const line of lines) if (!line.blank) lastContent = line.no;
  for (const r of done) r.atEnd = r.lastLine >= lastContent;
  return done;
}

/** The value of a property of a record, or undefined when the record does not show it. */
export function field(record: ListRecord, name: string): string | undefined {
  return record.fields.get(name.toLowerCase())?.value;
}
