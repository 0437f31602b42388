import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CommandOutbox } from '../../../electron/main/command-outbox';
import type { DocumentService } from '../../../electron/main/document-service';
import { createExternalOpener, isNetworkOrDevicePath } from '../../../electron/main/external-open';
import { UserError } from '../../../electron/main/user-error';
import type { HostCommandPayload } from '../../../electron/shared/schemas';
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

const [, V1] = documentVersions();
const world = () => documentWorld(dir);

describe('opening from outside the page (argv, open-file, second launch, drop)', () => {
  function opener() {
    const { documents } = world();
    const sent: HostCommandPayload[] = [];
    const errors: string[] = [];
    const outbox = new CommandOutbox(
      (c) => sent.push(c),
      () => undefined,
    );
    const open = createExternalOpener({ documents, outbox, showError: (m) => errors.push(m), log: () => undefined });
    return { open, outbox, sent, errors };
  }

  it('holds the document until the page listens, then sends it as an opened command', async () => {
    const { open, outbox, sent } = opener();
    await writeFile(join(dir, 'hq.lyncrunbook'), V1);
    expect(await open(join(dir, 'hq.lyncrunbook'), 'os')).toBe(true);
    expect(sent).toEqual([]);
    outbox.listen();
    expect(sent).toEqual([{ type: 'opened', document: expect.objectContaining({ name: 'hq.lyncrunbook', text: V1 }) }]);
  });

  it('shows a refusal natively and never sends the file or the message to the page', async () => {
    const { open, outbox, sent, errors } = opener();
    outbox.listen();
    await writeFile(join(dir, 'secret.lyncrunbook'), 'root:x:0:0:root:/root:/bin/bash');
    expect(await open(join(dir, 'secret.lyncrunbook'), 'drop')).toBe(false);
    await writeFile(join(dir, 'passwd'), 'root:x:0:0:root:/root:/bin/bash');
    expect(await open(join(dir, 'passwd'), 'drop')).toBe(false);
    expect(await open('relative.lyncrunbook', 'os')).toBe(false);
    // A document from main's own recent list may lack the extension; its content still decides.
    expect(await open(join(dir, 'passwd'), 'recent')).toBe(false);
    expect(sent).toEqual([]);
    expect(errors).toHaveLength(4);
    expect(errors[1]).toMatch(/Only lync-runbook deployments/);
    expect(errors[3]).toMatch(/not a lync-runbook deployment/);
  });

  it('refuses a drop that names a network share or a device path without ever touching it, and says why', async () => {
    // A fake service: any path that reaches it would have made main look at that location.
    const touched: string[] = [];
    const documents = {
      openPath: async (path: string) => {
        touched.push(path);
        throw new UserError(`${path} could not be found.`);
      },
    } as unknown as DocumentService;
    const errors: string[] = [];
    const outbox = new CommandOutbox(
      () => undefined,
      () => undefined,
    );
    const open = createExternalOpener({ documents, outbox, showError: (m) => errors.push(m), log: () => undefined });
    const remote = [
      '\\\\attacker.example\\share\\hq.lyncrunbook',
      '//attacker.example/share/hq.lyncrunbook',
      '\\\\10.0.0.66@80\\dav\\hq.lyncrunbook',
      '\\\\?\\UNC\\attacker.example\\share\\hq.lyncrunbook',
      '\\\\?\\C:\\Users\\admin\\hq.lyncrunbook',
      '\\\\.\\pipe\\hq.lyncrunbook',
      '\\??\\UNC\\attacker.example\\share\\hq.lyncrunbook',
      '/\\attacker.example\\share\\hq.lyncrunbook',
    ];
    for (const path of remote) expect(await open(path, 'drop'), path).toBe(false);
    expect(touched).toEqual([]);
    expect(errors).toHaveLength(remote.length);
    for (const message of errors)
      expect(message).toMatch(/network share .* cannot be opened by dropping them on the window\. Use File › Open/);
    // A file the user chose from the system (argv, double-click, the Open dialog) may be on a share.
    expect(await open('//fileserver/runbooks/hq.lyncrunbook', 'os')).toBe(false);
    expect(touched).toEqual(['//fileserver/runbooks/hq.lyncrunbook']);
    // A local drop still reaches the document service.
    expect(await open('/home/admin/hq.lyncrunbook', 'drop')).toBe(false);
    expect(touched.at(-1)).toBe('/home/admin/hq.lyncrunbook');
    for (const local of [
      'C:\\Users\\admin\\hq.lyncrunbook',
      'D:/runbooks/hq.lyncrunbook',
      '/home/admin/hq.lyncrunbook',
      '/Volumes/USB/hq.lyncrunbook',
    ])
      expect(isNetworkOrDevicePath(local), local).toBe(false);
  });
});
