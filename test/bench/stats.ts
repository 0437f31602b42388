/** Medians over repeated runs, and the exponent of growth fitted to sizes and times. */

/** A figure measured over several runs. */
export interface Sample {
  readonly median: number;
  readonly p95: number;
  readonly min: number;
  readonly max: number;
  readonly runs: number;
}

/** The statistics of a list of times (milliseconds). */
export function summarize(times: readonly number[]): Sample {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const mid =
    sorted.length % 2 === 1 ? sorted[(sorted.length - 1) / 2]! : (at(0.5) + sorted[sorted.length / 2 - 1]!) / 2;
  return { median: mid, p95: at(0.95), min: sorted[0]!, max: sorted[sorted.length - 1]!, runs: sorted.length };
}

/** Times `fn` `runs` times after `warmup` unmeasured runs (a garbage collection between runs when Node allows it). */
export function measure(fn: () => unknown, runs: number, warmup = 2): Sample {
  return measureWith(() => undefined, fn, runs, warmup);
}

/** The same, with `prepare` run before each run and not timed (what the run needs afresh each time). */
export function measureWith<T>(prepare: () => T, fn: (prepared: T) => unknown, runs: number, warmup = 2): Sample {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < warmup; i++) fn(prepare());
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const prepared = prepare();
    gc?.();
    const start = performance.now();
    fn(prepared);
    times.push(performance.now() - start);
  }
  return summarize(times);
}

/** The same for an asynchronous step. */
export async function measureAsync(fn: () => Promise<unknown>, runs: number, warmup = 1): Promise<Sample> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return summarize(times);
}

/** The exponent k of cost ∝ size^k between two sizes (k = 1 is linear). */
export function exponent(small: { size: number; ms: number }, large: { size: number; ms: number }): number {
  return Math.log(large.ms / small.ms) / Math.log(large.size / small.size);
}
