import * as fsp from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { FileSystem, OpenFile } from '../../../electron/node/file-system';

/** node:fs/promises as main's FileSystem. */
export const realFs = fsp as unknown as FileSystem;

/** A fresh temporary folder, and a function removing it. */
export async function tempFolder(
  prefix = 'lync-runbook-test-',
): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** How an injected fault behaves. */
export type FaultMode =
  /** The operation fails with EIO; later operations work (the code's clean-up runs). */
  | 'error'
  /** The process dies at this operation: it and everything after it fail (no clean-up reaches the disk). */
  | 'crash';

/** A FileSystem over the real one that records each operation and can fail the n-th one. */
export class FaultyFs implements FileSystem {
  readonly trace: string[] = [];
  private count = 0;
  private dead = false;

  constructor(
    private readonly failAt: number | null = null,
    private readonly mode: FaultMode = 'error',
  ) {}

  /** Whether the fault was injected. */
  get fired(): boolean {
    return this.failAt !== null && this.count > this.failAt;
  }

  /** 'fault' for the operation chosen to fail, 'dead' for everything after a crash. */
  private step(label: string): 'ok' | 'fault' | 'dead' {
    const index = this.count++;
    this.trace.push(label);
    if (this.dead) return 'dead';
    if (this.failAt !== null && index === this.failAt) {
      if (this.mode === 'crash') this.dead = true;
      return 'fault';
    }
    return 'ok';
  }

  private static eio(label: string): Error {
    return Object.assign(new Error(`EIO: injected failure at ${label}`), { code: 'EIO' });
  }

  private guard<T>(label: string, run: () => Promise<T>): Promise<T> {
    return this.step(label) === 'ok' ? run() : Promise.reject(FaultyFs.eio(label));
  }

  async open(path: string, flags: string, mode?: number): Promise<OpenFile> {
    const file = await this.guard(`open(${flags}) ${basename(path)}`, () => fsp.open(path, flags, mode));
    const name = basename(path);
    return {
      write: async (buffer, offset, length, position) => {
        const label = `write ${name}`;
        const outcome = this.step(label);
        if (outcome !== 'ok') {
          // A partial write: half of the bytes reach the file, then the disk fails.
          if (outcome === 'fault') await file.write(buffer, offset, Math.floor(length / 2), position);
          throw FaultyFs.eio(label);
        }
        return file.write(buffer, offset, length, position);
      },
      sync: () => this.guard(`sync ${name}`, () => file.sync()),
      close: async () => {
        // The descriptor is always released, even when the close "fails", so the test folder can be removed.
        const outcome = this.step(`close ${name}`);
        await file.close();
        if (outcome !== 'ok') throw FaultyFs.eio(`close ${name}`);
      },
    };
  }

  readFile(path: string): Promise<Uint8Array> {
    return this.guard(`readFile ${basename(path)}`, () => fsp.readFile(path));
  }
  stat(path: string) {
    return this.guard(`stat ${basename(path)}`, () => fsp.stat(path));
  }
  rename(from: string, to: string): Promise<void> {
    return this.guard(`rename ${basename(from)} -> ${basename(to)}`, () => fsp.rename(from, to));
  }
  copyFile(from: string, to: string): Promise<void> {
    return this.guard(`copyFile ${basename(from)} -> ${basename(to)}`, () => fsp.copyFile(from, to));
  }
  unlink(path: string): Promise<void> {
    return this.guard(`unlink ${basename(path)}`, () => fsp.unlink(path));
  }
  realpath(path: string): Promise<string> {
    return this.guard(`realpath ${basename(path)}`, () => fsp.realpath(path));
  }
  mkdir(path: string, options: { recursive: true }): Promise<unknown> {
    return this.guard(`mkdir ${basename(path)}`, () => fsp.mkdir(path, options));
  }
}
