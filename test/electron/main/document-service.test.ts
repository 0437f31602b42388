import { access, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeDocument, toDocument } from '../../../renderer/core/document/save';
import { fieldReportSession, must } from '../../core/support/deployments';
import { documentVersions } from '../support/documents';
import { documentWorld } from '../support/document-world';
import { tempFolder } from '../support/fs';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempFolder());
});
afterEach(() => cleanup());

const [V0, V1, V2] = documentVersions();

/** What the window holds after opening V1 and recording its own event: V1's history, then fe02's Step 1. */
function windowBranch(): string {
  const { session, clock } = fieldReportSession();
  must(session, { type: 'step.completed', server: 'fe01.contoso.local', step: 1, at: clock.advance(30) });
  must(session, { type: 'step.completed', server: 'fe02.contoso.local', step: 1, at: clock.advance(45) });
  return serializeDocument(toDocument(session, clock.now()));
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );
const world = () => documentWorld(dir);

describe('DocumentService', () => {
  it("saves under the file's lock: while another live writer holds it, the save is refused and the file left as it is", async () => {
    const { documents, dialogs } = world();
    dialogs.save = join(dir, 'a.lyncrunbook');
    const first = await documents.save({ handle: null, suggestedName: 'a', text: V0, saveAs: false });
    expect(await exists(join(dir, 'a.lyncrunbook.lock'))).toBe(false);
    // A command-line writer of this host, still running, holds the lock.
    await writeFile(
      join(dir, 'a.lyncrunbook.lock'),
      JSON.stringify({ pid: process.pid, host: hostname(), at: Date.now() }),
    );
    await expect(
      documents.save({ handle: first!.handle, suggestedName: 'a', text: V1, saveAs: false }),
    ).rejects.toThrow(
      /a\.lyncrunbook was not saved: a\.lyncrunbook is being written by another lync-runbook \(process \d+ on /,
    );
    expect(await readFile(join(dir, 'a.lyncrunbook'), 'utf8')).toBe(V0);
    await rm(join(dir, 'a.lyncrunbook.lock'));
    await documents.save({ handle: first!.handle, suggestedName: 'a', text: V1, saveAs: false });
    expect(await readFile(join(dir, 'a.lyncrunbook'), 'utf8')).toBe(V1);
    expect(await exists(join(dir, 'a.lyncrunbook.lock'))).toBe(false);
  });

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
    expect(
      await documents.save({ handle: first!.handle, suggestedName: 'Copy of a', text: V1, saveAs: true }),
    ).toBeNull();
    expect(dialogs.asked.at(-1)).toBe(`save as ${join(dir, 'Copy of a.lyncrunbook')}`);
    expect(await readFile(join(dir, 'a.lyncrunbook'), 'utf8')).toBe(V0);
  });

  it('treats a handle it never issued as a new document: it asks, and never writes to a path the page names', async () => {
    const { documents, dialogs } = world();
    dialogs.save = null;
    expect(
      await documents.save({ handle: 'aaaaaaaaaaaaaaaaaaaa', suggestedName: '/etc/passwd', text: V0, saveAs: false }),
    ).toBeNull();
    expect(dialogs.asked).toEqual([`save as ${join(dir, 'Documents', 'etc passwd.lyncrunbook')}`]);
  });

  it('opens from the dialog, remembers it in the recent list (menu rebuilt), and reopens by handle', async () => {
    const { documents, dialogs } = world();
    await writeFile(join(dir, 'hq.lyncrunbook'), V1);
    dialogs.open = join(dir, 'hq.lyncrunbook');
    const opened = await documents.open();
    expect(opened).toMatchObject({ name: 'hq.lyncrunbook', text: V1 });
    const recent = await documents.listRecent();
    expect(recent).toEqual([
      { handle: opened!.handle, name: 'hq.lyncrunbook', location: dir, at: '2026-03-14T10:00:00.000Z' },
    ]);
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

  it('asks before a name typed without the extension replaces an existing deployment, and leaves it on Cancel', async () => {
    const { documents, dialogs } = world();
    const file = join(dir, 'hq.lyncrunbook');
    await writeFile(file, V0);
    // The user typed "hq": the dialog asked about "hq", which does not exist.
    dialogs.save = join(dir, 'hq');
    dialogs.replace = false;
    expect(await documents.save({ handle: null, suggestedName: 'Contoso HQ', text: V1, saveAs: false })).toBeNull();
    expect(dialogs.asked.at(-1)).toBe(`replace ${file}?`);
    expect(await readFile(file, 'utf8')).toBe(V0);
    expect(await exists(join(dir, 'hq'))).toBe(false);
    dialogs.replace = true;
    expect(await documents.save({ handle: null, suggestedName: 'Contoso HQ', text: V1, saveAs: false })).toMatchObject({
      name: 'hq.lyncrunbook',
    });
    expect(await readFile(file, 'utf8')).toBe(V1);
    expect(await readFile(`${file}.bak`, 'utf8')).toBe(V0);
    // A name typed with its extension was the dialog's to ask about: no second question.
    const questions = dialogs.asked.filter((q) => q.startsWith('replace')).length;
    dialogs.save = file;
    await documents.save({ handle: null, suggestedName: 'Contoso HQ', text: V2, saveAs: false });
    expect(dialogs.asked.filter((q) => q.startsWith('replace'))).toHaveLength(questions);
  });

  describe('saving over a file changed on disk', () => {
    it('refuses to save over events the command line recorded meanwhile, and leaves the file as it is', async () => {
      const { documents, dialogs } = world();
      const file = join(dir, 'hq.lyncrunbook');
      await writeFile(file, V1);
      dialogs.open = file;
      const opened = await documents.open();
      const mine = windowBranch();
      expect(JSON.parse(mine).history.slice(0, -1)).toEqual(JSON.parse(V1).history);
      // Meanwhile `lync-runbook record` adds fe01's Steps 2 and 3 to the file.
      await writeFile(file, V2);
      const save = documents.save({ handle: opened!.handle, suggestedName: 'hq', text: mine, saveAs: false });
      await expect(save).rejects.toThrow(
        /^hq\.lyncrunbook was not saved: it was changed outside this window since it was opened or last saved .*2 events in the file are not in this window\. .*left as it is\. Use File › Save As/,
      );
      expect(await readFile(file, 'utf8')).toBe(V2);
      expect(await exists(`${file}.bak`)).toBe(false);
      // Unchanged in the window, its Save would still drop the file's new events.
      await expect(
        documents.save({ handle: opened!.handle, suggestedName: 'hq', text: V1, saveAs: false }),
      ).rejects.toThrow(/2 events in the file are not in this window/);
      // Save As keeps both.
      dialogs.save = join(dir, 'hq (window).lyncrunbook');
      expect(
        await documents.save({ handle: opened!.handle, suggestedName: 'hq', text: mine, saveAs: true }),
      ).toMatchObject({ name: 'hq (window).lyncrunbook' });
      expect(await readFile(join(dir, 'hq (window).lyncrunbook'), 'utf8')).toBe(mine);
      expect(await readFile(file, 'utf8')).toBe(V2);
    });

    it('saves in place over its own earlier history, over a file that is gone, and over one that is no deployment', async () => {
      const { documents, dialogs } = world();
      const file = join(dir, 'hq.lyncrunbook');
      await writeFile(file, V0);
      dialogs.open = file;
      const { handle } = (await documents.open())!;
      await documents.save({ handle, suggestedName: 'hq', text: V1, saveAs: false });
      expect(await readFile(file, 'utf8')).toBe(V1);
      await rm(file);
      await documents.save({ handle, suggestedName: 'hq', text: V2, saveAs: false });
      expect(await readFile(file, 'utf8')).toBe(V2);
      await writeFile(file, '{"format": "lync-runbook", "history": [');
      await documents.save({ handle, suggestedName: 'hq', text: V2, saveAs: false });
      expect(await readFile(file, 'utf8')).toBe(V2);
      expect(await readFile(`${file}.bak`, 'utf8')).toBe('{"format": "lync-runbook", "history": [');
    });
  });
});
