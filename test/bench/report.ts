/** The benchmark's table: every figure with its budget and what it is a ratio to, printed and kept as JSON. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Sample } from './stats';

/** One row of the table. */
export interface Figure {
  readonly group: string;
  readonly name: string;
  readonly value: number;
  readonly unit: 'ms' | 'MB' | 'KB' | 'k' | 'x' | 'cases/s';
  /** The budget, when the issue sets one (lower is better, except for throughput). */
  readonly budget?: number;
  /** What the value is a ratio to, measured in the same run. */
  readonly reference?: { readonly name: string; readonly value: number };
  readonly sample?: Sample;
  readonly note?: string;
}

const fmt = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2));

/** A figure within its budget (throughput has none). */
export function within(f: Figure): boolean | null {
  if (f.budget === undefined) return null;
  return f.value <= f.budget;
}

/** Prints the table and writes it, with the machine it ran on, to bench-results/. */
export function report(figures: readonly Figure[], root: string, quick: boolean): string {
  const rows = figures.map((f) => {
    const ok = within(f);
    const ratio = f.budget === undefined ? '' : `${fmt(f.value / f.budget)}`;
    const ref =
      f.reference === undefined
        ? ''
        : `${fmt(f.value / f.reference.value)}× ${f.reference.name} (${fmt(f.reference.value)})`;
    const spread =
      f.sample === undefined
        ? ''
        : `p95 ${fmt(f.sample.p95)}, ${fmt(f.sample.min)}–${fmt(f.sample.max)}, n=${f.sample.runs}`;
    return [
      f.group,
      f.name,
      `${fmt(f.value)} ${f.unit}`,
      f.budget === undefined ? '' : `${fmt(f.budget)} ${f.unit}`,
      ratio,
      ok === null ? '' : ok ? 'ok' : 'OVER',
      ref,
      spread,
      f.note ?? '',
    ];
  });
  const header = ['group', 'figure', 'value', 'budget', '÷ budget', '', 'ratio to reference', 'spread', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  const text = [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
  const machine = {
    cpus: cpus().length,
    model: cpus()[0]?.model ?? '',
    memoryGB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  };
  const dir = join(root, 'bench-results');
  mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const json = JSON.stringify({ at: new Date().toISOString(), quick, machine, figures }, null, 2);
  writeFileSync(join(dir, `bench-${stamp}.json`), json);
  writeFileSync(join(dir, 'latest.json'), json);
  return `${text}\n\nMachine: ${machine.cpus} cores (${machine.model}), ${machine.memoryGB} GB, Node ${machine.node}.`;
}
