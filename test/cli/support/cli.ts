// Runs the built command line as its own process, the way an admin runs it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The repository root. */
export const ROOT = resolve(import.meta.dirname, '../../..');
/** The built program, as package.json's bin names it. */
export const CLI = join(ROOT, 'out/cli/lync-runbook.cjs');

/** Builds the command line with its own Vite config (what `npm run build:cli` runs); throws with the output on failure. */
export function buildCli(): void {
  const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
  const built = spawnSync(process.execPath, [vite, 'build', '--config', 'vite.cli.config.mts', '--logLevel', 'warn'], {
    cwd: ROOT,
    encoding: 'utf8',
    // A synchronous spawn blocks vitest's own timeout: every one carries its own.
    timeout: 300_000,
  });
  if (built.status !== 0 || !existsSync(CLI))
    throw new Error(`building the command line failed (${built.status}):\n${built.stdout}\n${built.stderr}`);
}

/** What a run printed and its exit code. */
export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `lync-runbook ...args` in `cwd`, with `input` on standard input. */
export function lyncRunbook(cwd: string, args: readonly string[], input?: string): Run {
  const run = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    input,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, TZ: 'UTC' },
  });
  if (run.error) throw new Error(`lync-runbook ${args.join(' ')} did not finish: ${run.error.message}`);
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A fresh folder for one test's files. */
export function workFolder(): string {
  return mkdtempSync(join(tmpdir(), 'lync-runbook-cli-'));
}
