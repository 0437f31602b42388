// Writers killed at random moments (kill -9) while they record on one deployment file: after every
// kill the file opens, and holds either the history before that writer or that history with its
// event; the lock and temporary files the dead writers left are reclaimed by the next writer.
// CRASH_ROUNDS sets how many kills (a few by default; `npm run test:attack` and .ci/run set more).
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../renderer/core/document/load';
import { serializeDocument, toDocument } from '../../renderer/core/document/save';
import { benchSession } from '../bench/generate';
import { CLI, lyncRunbook, workFolder } from '../cli/support/cli';

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 8);
const FILE = 'crash.lyncrunbook';

/** A small seeded generator: the same kill times on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Starts `lync-runbook args` and kills it with SIGKILL after `ms` (or lets it finish first). */
function runAndKill(
  cwd: string,
  args: readonly string[],
  ms: number,
): Promise<{ killed: boolean; code: number | null; ms: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, stdio: 'ignore', env: { ...process.env, TZ: 'UTC' } });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ killed: signal === 'SIGKILL', code, ms: performance.now() - started });
    });
  });
}

const leftovers = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.tmp') || f.endsWith('.lock'));

describe('a writer killed while it saves', () => {
  it(
    `never leaves a file that does not open, or half an event: ${ROUNDS} kills`,
    async () => {
      const dir = workFolder();
      const file = join(dir, FILE);
      // 60 servers with their history (about 0.9 MB): a save takes long enough for kills to land inside it.
      writeFileSync(file, serializeDocument(toDocument(benchSession(60, 7, 0), '2014-01-01T00:00:00.000Z')));
      const roll = random(13);
      const historyLength = () => {
        const opened = parseDocument(readFileSync(file, 'utf8'));
        if (!opened.ok) throw new Error(opened.message);
        return opened.document.history.length;
      };
      const record = (operator: string) => [
        'script',
        FILE,
        '--server',
        'fe001-01.contoso.local',
        '--path',
        'verify',
        '--record',
        '--operator',
        operator,
      ];
      // One writer that is not killed says how long a whole run takes on this machine now; the kills
      // are spread over that time (start-up, lock, read, replay, write, rename).
      const whole = await runAndKill(dir, record('timing'), 600_000);
      expect(whole.code).toBe(0);
      let before = historyLength();
      let killed = 0;
      let landed = 0;
      let untouched = 0;
      for (let round = 0; round < ROUNDS; round++) {
        // Half anywhere in the run, half in its last third, where the file is written and renamed.
        const ms = Math.floor(roll() < 0.5 ? 10 + roll() * whole.ms : whole.ms * (0.7 + roll() * 0.4));
        const run = await runAndKill(dir, record(`k${round}`), ms);
        if (run.killed) killed += 1;
        else expect(run.code, `round ${round} finished`).toBe(0);
        const after = historyLength(); // throws, naming the reason, if the file does not open
        expect([before, before + 1], `round ${round}, killed after ${ms} ms`).toContain(after);
        if (after === before) untouched += 1;
        else landed += 1;
        before = after;
      }
      // A writer after the kills: the dead writers' lock is reclaimed and their temporary files, once
      // old enough that no writer on another machine could still own them, are removed.
      const left = leftovers(dir);
      for (const name of left)
        utimesSync(join(dir, name), new Date(Date.now() - 120_000), new Date(Date.now() - 120_000));
      const next = lyncRunbook(dir, record('after'));
      expect(next.code, next.stderr).toBe(0);
      expect(leftovers(dir)).toEqual([]);
      expect(historyLength()).toBe(before + 1);
      expect(killed).toBeGreaterThan(0);
      console.info(
        `crash during save: ${ROUNDS} writers started (a whole run takes ${Math.round(whole.ms)} ms), ${killed} killed; the file opened after every one (${landed} with the event in, ${untouched} as it was); ${left.length} leftover files reclaimed`,
      );
    },
    60_000 + ROUNDS * 4_000,
  );
});
