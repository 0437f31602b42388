// Two to eight `record`-style commands on one file at once (issue 13 item 1): every writer's event is
// in, or that writer was told why not; no event is lost; no lock or temporary file is left behind.
// CONCURRENCY_ROUNDS sets how many rounds (a few by default; .ci/run sets more).
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../renderer/core/events/schema';
import type { CliIo } from '../../electron/cli/io';
import { withLockedDeployment } from '../../electron/cli/session-options';
import { CLI, workFolder, type Run } from './support/cli';
import { cliIn, FILE, importTopologyIn } from './support/field-report';

const ROUNDS = Number(process.env.CONCURRENCY_ROUNDS ?? 6);

function runAsync(cwd: string, args: readonly string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, TZ: 'UTC' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const copies = (dir: string) =>
  (JSON.parse(readFileSync(join(dir, FILE), 'utf8')) as { history: DomainEvent[] }).history.filter(
    (e) => e.type === 'script.copied',
  ).length;

describe('writers at once on one deployment file', () => {
  it(
    `never lose an event: 2 to 8 processes, ${ROUNDS} rounds`,
    async () => {
      const dir = workFolder();
      importTopologyIn(cliIn(dir));
      let recorded = 0;
      let tried = 0;
      for (let round = 0; round < ROUNDS; round++) {
        const writers = 2 + (round % 7);
        const runs = await Promise.all(
          Array.from({ length: writers }, (_, i) =>
            runAsync(dir, [
              'script',
              FILE,
              '--server',
              'fe01.contoso.local',
              '--path',
              'verify',
              '--record',
              '--operator',
              `w${i}`,
            ]),
          ),
        );
        tried += writers;
        for (const run of runs) {
          // Each writer either recorded, or was told why not (and said so on standard error).
          if (run.code === 0) recorded += 1;
          else
            expect(run.stderr, run.stdout).toMatch(
              /is being written by another lync-runbook|changed since it was opened/,
            );
        }
        expect(copies(dir), `round ${round}`).toBe(recorded);
      }
      const left = readdirSync(dir).filter((f) => f.endsWith('.tmp') || f.endsWith('.lock'));
      expect(left).toEqual([]);
      expect(recorded).toBeGreaterThan(0);
      console.info(`concurrent writers: ${tried} runs, ${recorded} recorded, ${tried - recorded} told why not`);
      // A round spawns up to eight processes: room for a loaded two-core machine, not a speed check.
    },
    60_000 + ROUNDS * 3_000,
  );

  it('reclaims the lock of a writer that died', async () => {
    const dir = workFolder();
    const cli = cliIn(dir);
    importTopologyIn(cli);
    // A lock left by a process that no longer runs on this host (a pid above any Linux pid_max).
    writeFileSync(
      join(dir, `${FILE}.lock`),
      JSON.stringify({ pid: 2 ** 22 + 12345, host: (await import('node:os')).hostname(), at: Date.now() }),
    );
    // Temporary files of killed writes: one old and of a dead process (removed), one of this live test (kept).
    const deadTemp = join(dir, `.${FILE}.${2 ** 22 + 12345}.0a1b2c.tmp`);
    const liveTemp = join(dir, `.${FILE}.${process.pid}.0a1b2c.tmp`);
    for (const temp of [deadTemp, liveTemp]) {
      writeFileSync(temp, 'partial');
      utimesSync(temp, new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000));
    }
    const run = cli('script', FILE, '--server', 'fe01.contoso.local', '--path', 'verify', '--record');
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(dir).filter((f) => f.endsWith('.lock') || f.endsWith('.tmp'))).toEqual([
      `.${FILE}.${process.pid}.0a1b2c.tmp`,
    ]);
  });

  it('refuses to save over a file changed behind its back by a writer that took no lock, and keeps that file', async () => {
    const dir = workFolder();
    importTopologyIn(cliIn(dir));
    const file = join(dir, FILE);
    const io: CliIo = {
      out: () => undefined,
      err: () => undefined,
      stdin: () => Buffer.alloc(0),
      now: () => new Date().toISOString(),
      user: () => 'tester',
      timeZone: () => 'UTC',
    };
    const recorder = { operator: 'tester', clock: { now: io.now } };
    const edited = `${readFileSync(file, 'utf8')}\n`;
    const attempt = withLockedDeployment(file, recorder, io, async ({ session, save }) => {
      const result = session.record({ type: 'step.completed', server: 'fe01.contoso.local', step: 1 });
      expect(result.ok).toBe(true);
      writeFileSync(file, edited); // another program, between open and save
      await save();
    });
    await expect(attempt).rejects.toThrow(
      /changed since it was opened \(another program wrote it\): nothing was recorded/,
    );
    expect(readFileSync(file, 'utf8')).toBe(edited);
    expect(readdirSync(dir).filter((f) => f.endsWith('.lock') || f.endsWith('.tmp'))).toEqual([]);
  });
});
