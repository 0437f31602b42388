/** One scanner finding. */
export interface Finding {
  readonly id: string;
  readonly severity: string;
  readonly confidence: string;
  readonly file: string;
  readonly line: number;
  readonly sample: string;
  readonly description: string;
}
/** One allow-list entry: a check in a file, on the code it flags, and why it is fine. */
export interface AllowEntry {
  readonly check: string;
  readonly file: string;
  readonly sample: string;
  readonly reason: string;
}
/** The findings the allow-list does not cover, the allow-list entries nothing matched, and the covered findings. */
export function judge(
  findings: readonly Finding[],
  allowList: readonly AllowEntry[],
): { unexplained: Finding[]; stale: AllowEntry[]; allowed: { finding: Finding; reason: string }[] };
/** Checks the allow-list's shape. */
export function readAllowList(text: string): AllowEntry[];
/** Stages the scanned sources of `root`, runs the scan and returns its findings and parse errors. */
export function scan(root?: string): { findings: Finding[]; errors: { file: string | null; message: string }[] };
/** Runs the scan over `root` against its allow-list; prints the verdict and returns whether it passed. */
export function check(root?: string, allowListFile?: string): boolean;
