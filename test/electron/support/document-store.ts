import { utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DocumentStore } from '../../../electron/main/document-store';
import { PathRegistry } from '../../../electron/main/path-registry';
import { parseDocument } from '../../../renderer/core/document/load';
import { MAX_DOCUMENT_BYTES } from '../../../renderer/core/document/document';
import { realFs } from './fs';

let ids = 0;

/** A store as main builds it, over the real disk, with numbered handles (never a path). */
export function newStore(): DocumentStore {
  const paths = new PathRegistry(() => `handle-${String(++ids).padStart(12, '0')}`, 'linux');
  return new DocumentStore({
    fs: realFs,
    paths,
    check: (text) => parseDocument(text),
    maxBytes: MAX_DOCUMENT_BYTES,
    platform: 'linux',
    randomSuffix: () => 'x1',
  });
}

/** The modification time test files get: old and fixed, so an accidental rewrite would show. */
export const OLD = new Date('2020-01-02T03:04:05.000Z');

/** Writes a test document named after `name` into `folder()`, read when it runs (tests make their folder in beforeAll). */
export function documentPlacer(folder: () => string): (name: string, bytes: Uint8Array | string) => Promise<string> {
  return async (name, bytes) => {
    const path = join(folder(), `${name.replace(/[^a-z0-9]+/gi, '-')}.lyncrunbook`);
    await writeFile(path, bytes);
    await utimes(path, OLD, OLD);
    return path;
  };
}
