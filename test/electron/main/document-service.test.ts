import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { documentVersions } from '../support/documents';
import { documentWorld } from '../support/document-world';
import { tempFolder } from '../support/fs';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempFolder());
});
afterEach(() => cleanup());

const [V0, V1] = documentVersions();
const world = () => documentWorld(dir);

describe('DocumentService', () => {
  it('New → Save asks where (in Documents, with a safe name), writes, and then saves in place', async () => {
    const { documents, dialogs, paths } = world();
    dialogs.save = join(dir, 'contoso-hq');
    const saved = await documents.save({ handle: null, suggestedName: 'Contoso HQ', text: V0, saveAs: false });
    expect(dialogs.asked).toEqual([`save as ${join(dir, 'Documents', 'Contoso HQ.lyncrunbook')}`]);
    expect(saved).toMatchObject({ name: 'contoso-hq.lyncrunbook', location: dir });
    expect(paths.resolve(saved!.handle)).toBe(join(dir, 'contoso-hq.lyncrunbook'));
    await documents.save({ handle: saved!.handle, suggestedName: 'ignored', text: V1, saveAs: false });
    expect(dialogs.asked).toHaveLength(1);
    expect(await readFile(join(dir, 'contoso-hq.lyncrunbook'), 'utf8')).toBe(V1);
    expect(await readFile(join(dir, 'contoso-hq.lyncrunbook.bak'), 'utf8')).toBe(V0);
  });

  it('Save As always asks, starting beside the current document; a cancelled dialog saves nothing', async () => {
    const { documents, dialogs } = world();
    dialogs.save = join(dir, 'a.lyncrunbook');
    const first = await documents.save({ handle: null, suggestedName: 'a', text: V0, saveAs: false });
    dialogs.save = null;
    expect(await documents.save({ handle: first!.handle, suggestedName: 'Copy of a', text: V1, saveAs: true })).toBeNull();
    expect(dialogs.asked.at(-1)).toBe(`save as ${join(dir, 'Copy of a.lyncrunbook')}`);
    expect(await readFile(join(dir, 'a.lyncrunbook'), 'utf8')).toBe(V0);
  });

  it('treats a handle it never issued as a new document: it asks, and never writes to a path the page names', async () => {
    const { documents, dialogs } = world();
    dialogs.save = null;
    expect(await documents.save({ handle: 'aaaaaaaaaaaaaaaaaaaa', suggestedName: '/etc/passwd', text: V0, saveAs: false })).toBeNull();
    expect(dialogs.asked).toEqual([`save as ${join(dir, 'Documents', 'etc passwd.lyncrunbook')}`]);
  });

  it('opens from the dialog, remembers it in the recent list (menu rebuilt), and reopens by handle', async () => {
    const { documents, dialogs } = world();
    await writeFile(join(dir, 'hq.lyncrunbook'), V1);
    dialogs.open = join(dir, 'hq.lyncrunbook');
    const opened = await documents.open();
    expect(opened).toMatchObject({ name: 'hq.lyncrunbook', text: V1 });
    const recent = await documents.listRecent();
    expect(recent).toEqual([{ handle: opened!.handle, name: 'hq.lyncrunbook', location: dir, at: '2026-03-14T10:00:00.000Z' }]);
    expect((await documents.openRecent(recent[0]!.handle)).text).toBe(V1);
    // The next dialog starts in the folder of the last document.
    dialogs.open = null;
    expect(await documents.open()).toBeNull();
    expect(dialogs.asked.at(-1)).toBe(`open in ${dir}`);
  });

  it('a recent document that has gone is refused with a message and leaves the list', async () => {
    const { documents, dialogs, menuRebuilds } = world();
    await writeFile(join(dir, 'gone.lyncrunbook'), V1);
    dialogs.open = join(dir, 'gone.lyncrunbook');
    const opened = await documents.open();
    await rm(join(dir, 'gone.lyncrunbook'));
    const before = menuRebuilds();
    await expect(documents.openRecent(opened!.handle)).rejects.toThrow(/could not be found/);
    expect(await documents.listRecent()).toEqual([]);
    expect(menuRebuilds()).toBeGreaterThan(before);
    await expect(documents.openRecent('zzzzzzzzzzzzzzzzzzzz')).rejects.toThrow(/no longer in the recent list/);
  });

  it('forgets and clears recent documents', async () => {
    const { documents, dialogs } = world();
    for (const name of ['a', 'b']) {
      await writeFile(join(dir, `${name}.lyncrunbook`), V0);
      dialogs.open = join(dir, `${name}.lyncrunbook`);
      await documents.open();
    }
    const [b] = await documents.listRecent();
    await documents.forgetRecent(b!.handle);
    expect((await documents.listRecent()).map((e) => e.name)).toEqual(['a.lyncrunbook']);
    await documents.clearRecent();
    expect(await documents.listRecent()).toEqual([]);
  });
});
