import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RecoveryStore } from '../../../electron/main/recovery';
import { FaultyFs, realFs, tempFolder } from '../support/fs';
import { documentVersions } from '../support/documents';

const [V0, V1] = documentVersions();
let dir: string;
let cleanup: () => Promise<void>;
let logs: string[];
beforeEach(async () => {
  ({ dir, cleanup } = await tempFolder());
  logs = [];
});
afterEach(() => cleanup());

const store = (fs = realFs, file = join(dir, 'recovery', 'autosave.json')) =>
  new RecoveryStore({
    file,
    fs,
    now: () => '2026-03-14T10:00:00.000Z',
    platform: 'linux',
    randomSuffix: () => 'r',
    maxChars: 1_000_000,
    log: (m) => logs.push(m),
  });

describe('RecoveryStore', () => {
  it('finds nothing after a clean close', async () => {
    expect(await store().find()).toBeNull();
    await store().write({ path: null, name: 'Contoso HQ', text: V0 });
    await store().clear();
    expect(await store().find()).toBeNull();
    await expect(store().clear()).resolves.toBeUndefined();
  });

  it('finds the last autosave after a crash, with the document it belongs to and when it was written', async () => {
    await store().write({ path: '/home/admin/contoso.lyncrunbook', name: 'contoso.lyncrunbook', text: V0 });
    await store().write({ path: '/home/admin/contoso.lyncrunbook', name: 'contoso.lyncrunbook', text: V1 });
    expect(await store().find()).toEqual({
      path: '/home/admin/contoso.lyncrunbook',
      name: 'contoso.lyncrunbook',
      text: V1,
      at: '2026-03-14T10:00:00.000Z',
    });
  });

  it('keeps the previous autosave whole when the machine dies during the next one', async () => {
    await store().write({ path: null, name: 'Contoso HQ', text: V0 });
    for (let failAt = 0; failAt < 8; failAt++) {
      await store(new FaultyFs(failAt, 'crash'))
        .write({ path: null, name: 'Contoso HQ', text: V1 })
        .catch(() => undefined);
      const found = await store().find();
      expect([V0, V1]).toContain(found?.text);
    }
  });

  it('ignores and logs a damaged recovery file instead of failing the start', async () => {
    const file = join(dir, 'autosave.json');
    for (const bad of [
      '{"schemaVersion":1',
      '{"schemaVersion":1,"path":"relative","name":"x","text":"","at":"t"}',
      '\u00ff\u00fe',
    ]) {
      await writeFile(file, bad);
      expect(await store(realFs, file).find()).toBeNull();
    }
    expect(logs).toHaveLength(3);
    expect(await readdir(dir)).toEqual(['autosave.json']);
  });
});
