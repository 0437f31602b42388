/**
 * Delimited copies of PowerShell objects read as tables (replication-and-pools P5): Export-Csv and
 * ConvertTo-Csv output (an optional "#TYPE Microsoft.Rtc.Management.Xds.ReplicaState" line, a header
 * row, quoted fields) and Out-GridView copies (Ctrl+C: tab-separated, a header row, no ruler). The
 * fields are split by d3-dsv, which reads RFC 4180 quoting.
 */
import { csvParseRows, tsvParseRows } from 'd3-dsv';
import { MAX_LINE, type ConsoleLine } from './console-text';
import type { ConsoleTable, TableRow } from './format-table';

/** The type line Export-Csv and ConvertTo-Csv write first unless told not to. */
const TYPE_LINE = /^\s{0,8}#TYPE\s/;

/** Rows read beyond this many per table are dropped (a paste of a few servers has a few rows). */
const MAX_ROWS = 5000;

type Delimiter = ',' | '\t';

function delimiterOf(text: string): Delimiter | null {
  if (text.includes('\t')) return '\t';
  if (text.includes(',')) return ',';
  return null;
}

function split(text: string, delimiter: Delimiter): string[][] {
  return delimiter === ',' ? csvParseRows(text) : tsvParseRows(text);
}

/** Whether a line can be part of a delimited block: text of the output, not a prompt, error or blank line. */
function isData(line: ConsoleLine): boolean {
  return !line.blank && line.noise === null && line.text.length <= MAX_LINE && !TYPE_LINE.test(line.text);
}

/**
 * Every delimited table of the paste whose header `accepts` (given lower-case column names). A table
 * is a header line split by commas or tabs into at least two names, and the lines after it up to a
 * blank, prompt or error line; a quoted field may run over several lines.
 */
export function delimitedTables(
  lines: readonly ConsoleLine[],
  accepts: (names: readonly string[]) => boolean,
): ConsoleTable[] {
  const tables: ConsoleTable[] = [];
  const lastText = lines.reduce((last, l, i) => (l.blank ? last : i), -1);
  for (let i = 0; i < lines.length; i++) {
    const header = lines[i] as ConsoleLine;
    if (!isData(header)) continue;
    const delimiter = delimiterOf(header.text);
    if (delimiter === null) continue;
    const headers = (split(header.text, delimiter)[0] ?? []).map((h) => h.trim());
    const names = headers.map((h) => h.toLowerCase());
    if (headers.length < 2 || headers.some((h) => h.length === 0 || h.length > 64) || !accepts(names)) continue;
    let end = i + 1;
    while (end < lines.length && isData(lines[end] as ConsoleLine)) end++;
    const block = lines.slice(i + 1, end);
    const records = split(block.map((l) => l.text).join('\n'), delimiter).slice(0, MAX_ROWS);
    const rows: TableRow[] = records
      .filter((fields) => fields.some((f) => f.trim().length > 0))
      .map((fields, r) => ({
        cells: new Map(names.map((n, c) => [n, (fields[c] ?? '').trim()])),
        line: (block[r] ?? block[block.length - 1] ?? header).no,
      }));
    tables.push({ headers, rows, headerLine: header.no, group: null, atEnd: end - 1 >= lastText });
    i = end - 1;
  }
  return tables;
}
