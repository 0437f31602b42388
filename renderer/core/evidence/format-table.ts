/**
 * PowerShell table output (a header line, a ruler of dashes, rows) read into cells by column.
 * Column positions come from the ruler; a row is cut at the last space before each column, which
 * holds for left-aligned text and right-aligned numbers alike, and for values wider than the
 * header (dates under "TimeCreated", numbers under "Id").
 */
import { MAX_LINE, type ConsoleLine } from './console-text';

/** One row of a table: its cells by lower-case column name. */
export interface TableRow {
  readonly cells: ReadonlyMap<string, string>;
  readonly line: number;
}

/** One table of the paste. */
export interface ConsoleTable {
  /** Column names as printed. */
  readonly headers: readonly string[];
  readonly rows: readonly TableRow[];
  readonly headerLine: number;
  /** The group heading above a grouped table ("ProviderName: LS …" of Get-WinEvent), if any. */
  readonly group: { readonly name: string; readonly value: string } | null;
  /** True when the table's last row is the last text of the paste (it may have been cut off). */
  readonly atEnd: boolean;
}

interface Column {
  readonly start: number;
  readonly end: number;
}

/** The dash groups of a ruler line, or null when the line is not one. */
function rulerColumns(text: string): Column[] | null {
  if (text.length > MAX_LINE) return null;
  const columns: Column[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text[i] : ' ';
    if (c === '-') {
      if (start < 0) start = i;
    } else if (c === ' ' || c === '\t') {
      if (start >= 0) columns.push({ start, end: i });
      start = -1;
    } else {
      return null;
    }
  }
  return columns.length === 0 ? null : columns;
}

const GROUP = /^\s{0,8}([A-Za-z][A-Za-z0-9]{0,63}):\s{1,8}(\S.{0,500})$/;

function isSpace(row: string, i: number): boolean {
  return i >= row.length || row[i] === ' ' || row[i] === '\t';
}

/** Cuts a row into one string per column. */
function cells(row: string, columns: readonly Column[]): string[] {
  const out: string[] = [];
  let from = 0;
  for (let i = 1; i < columns.length; i++) {
    const low = Math.max((columns[i - 1] as Column).end, from);
    const high = (columns[i] as Column).start;
    let cut = high;
    while (cut >= low && !isSpace(row, cut)) cut--;
    if (cut < low) cut = Math.max(high - 1, from);
    out.push(row.slice(from, cut).trim());
    from = cut + 1;
  }
  out.push(row.slice(from).trim());
  return out;
}

// Several parsers look for tables in the same paste; each paste is read once.
const parsed = new WeakMap<readonly ConsoleLine[], ConsoleTable[]>();

/** The tables in the paste whose lower-case column names satisfy `wanted`. */
export function consoleTables(
  lines: readonly ConsoleLine[],
  wanted: (names: readonly string[]) => boolean,
): ConsoleTable[] {
  let tables = parsed.get(lines);
  if (tables === undefined) {
    tables = allTables(lines);
    parsed.set(lines, tables);
  }
  return tables.filter((t) => wanted(t.headers.map((h) => h.toLowerCase())));
}

function allTables(lines: readonly ConsoleLine[]): ConsoleTable[] {
  let lastContent = 0;
  for (const line of lines) if (!line.blank) lastContent = line.no;
  const tables: ConsoleTable[] = [];
  for (let i = 1; i < lines.length; i++) {
    const ruler = lines[i] as ConsoleLine;
    const header = lines[i - 1] as ConsoleLine;
    if (ruler.noise !== null || header.noise !== null || header.blank || header.text.length > MAX_LINE) continue;
    const columns = rulerColumns(ruler.text);
    if (columns === null) continue;
    const headers = columns.map((c) => header.text.slice(c.start, c.end).trim());
    if (headers.some((h) => h.length === 0 || !/^[A-Za-z][A-Za-z0-9()]*$/.test(h))) continue;
    const names = headers.map((h) => h.toLowerCase());
    let group: ConsoleTable['group'] = null;
    for (let k = i - 2; k >= 0 && k >= i - 6; k--) {
      const above = lines[k] as ConsoleLine;
      if (above.blank) continue;
      const text = above.text;
      const m = text.length <= MAX_LINE ? GROUP.exec(text) : null;
      if (m !== null) group = { name: m[1] as string, value: (m[2] as string).trim() };
      break;
    }
    const rows: TableRow[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const row = lines[j] as ConsoleLine;
      if (row.noise !== null || row.blank || row.text.length > MAX_LINE) break;
      const values = cells(row.text, columns);
      const previous = rows[rows.length - 1];
      if (previous !== undefined && values.slice(0, -1).every((v) => v.length === 0)) {
        // Format-Table -Wrap carries a long last column onto lines of its own.
        const last = names[names.length - 1] as string;
        const joined = new Map(previous.cells);
        joined.set(
          last,
          `${previous.cells.get(last) ?? ''} ${values[values.length - 1] ?? ''}`.trim().slice(0, MAX_LINE),
        );
        rows[rows.length - 1] = { cells: joined, line: previous.line };
        continue;
      }
      rows.push({ cells: new Map(names.map((n, k) => [n, values[k] ?? ''])), line: row.no });
    }
    const lastRow = rows[rows.length - 1];
    tables.push({
      headers,
      rows,
      headerLine: header.no,
      group,
      atEnd: lastRow !== undefined && lastRow.line >= lastContent,
    });
    i = j;
  }
  return tables;
}

/** True when a table cell was shortened by PowerShell to fit its column. */
export function isTruncatedCell(value: string): boolean {
  return value.endsWith('...') || value.endsWith('…');
}
