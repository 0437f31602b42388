import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RecentFiles } from '../../../electron/main/recent-files';
import { realFs, tempFolder } from '../support/fs';

let dir: string;
let cleanup: () => Promise<void>;
let logs: string[];
beforeEach(async () => {
  ({ dir, cleanup } = await tempFolder());
  logs = [];
});
afterEach(() => cleanup());

let tick = 0;
function recentList(file = join(dir, 'data', 'recent-documents.json'), max?: number): RecentFiles {
  return new RecentFiles({
    file,
    fs: realFs,
    now: () => new Date(Date.UTC(2026, 0, 1, 0, tick++)).toISOString(),
    platform: 'linux',
    randomSuffix: () => 'r',
    log: (m) => logs.push(m),
    ...(max ? { max } : {}),
  });
}

async function docs(...names: string[]): Promise<string[]> {
  const paths = names.map((n) => join(dir, `${n}.lyncrunbook`));
  for (const p of paths) await writeFile(p, '{}');
  return paths;
}

describe('RecentFiles', () => {
  it('keeps the documents newest first, without duplicates, and survives a restart', async () => {
    const [a, b, c] = await docs('a', 'b', 'c');
    const list = recentList();
    await list.touch(a!);
    await list.touch(b!);
    await list.touch(c!);
    await list.touch(a!);
    expect((await list.list()).map((e) => e.name)).toEqual(['a.lyncrunbook', 'c.lyncrunbook', 'b.lyncrunbook']);
    const again = recentList();
    expect((await again.list()).map((e) => e.path)).toEqual([a, c, b]);
    expect((await again.list())[0]).toMatchObject({ location: dir, at: expect.stringMatching(/^2026-01-01T/) });
  });

  it('keeps at most the configured number', async () => {
    const paths = await docs('1', '2', '3', '4');
    const list = recentList(undefined, 3);
    for (const p of paths) await list.touch(p);
    expect((await list.list()).map((e) => e.name)).toEqual(['4.lyncrunbook', '3.lyncrunbook', '2.lyncrunbook']);
  });

  it('drops documents that have gone, and remembers that', async () => {
    const [a, b] = await docs('a', 'b');
    const list = recentList();
    await list.touch(a!);
    await list.touch(b!);
    await rm(b!);
    expect((await list.list()).map((e) => e.path)).toEqual([a]);
    const stored = JSON.parse(await readFile(join(dir, 'data', 'recent-documents.json'), 'utf8'));
    expect(stored.entries.map((e: { path: string }) => e.path)).toEqual([a]);
  });

  it('forgets a document on request', async () => {
    const [a, b] = await docs('a', 'b');
    const list = recentList();
    await list.touch(a!);
    await list.touch(b!);
    await list.forget(a!);
    expect((await recentList().list()).map((e) => e.path)).toEqual([b]);
  });

  it('treats a damaged or foreign list file as empty, logs it, and replaces it on the next change', async () => {
    const file = join(dir, 'recent.json');
    const [a] = await docs('a');
    for (const bad of [
      'not json',
      '{"schemaVersion":2,"entries":[]}',
      '{"schemaVersion":1,"entries":[{"path":"relative.lyncrunbook","at":"x"}]}',
      '[]',
    ]) {
      await writeFile(file, bad);
      expect(await recentList(file).list()).toEqual([]);
    }
    expect(logs.length).toBe(4);
    const list = recentList(file);
    await list.touch(a!);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ schemaVersion: 1, entries: [{ path: a }] });
  });

  it('never fails the open or save that touched it when its own file cannot be written', async () => {
    const [a] = await docs('a');
    const list = new RecentFiles({
      file: join(dir, 'recent.json'),
      fs: { ...realFs, rename: () => Promise.reject(new Error('EACCES')) },
      now: () => 'now',
      platform: 'linux',
      randomSuffix: () => 'r',
      log: (m) => logs.push(m),
    });
    await expect(list.touch(a!)).resolves.toBeUndefined();
    expect(logs.join()).toMatch(/could not write/);
  });
});
