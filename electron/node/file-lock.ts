/**
 * One writer at a time on a document: an exclusive lock file beside it (`<file>.lock`, created with
 * O_EXCL so only one process can create it) held for the whole read-modify-write. The lock names its
 * holder (process, host, time); a lock whose process is gone on this host, or that is older than any
 * save takes, is stale and reclaimed. Temporary files a dead writer left are removed while the lock
 * is held.
 */
import { open, readdir, readFile, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';

/** What a lock file holds. */
interface LockOwner {
  readonly pid: number;
  readonly host: string;
  readonly at: number;
}

/** How long a lock may be held before it is taken as left by a writer that hung or lost its host. */
const STALE_AFTER_MS = 2 * 60_000;
/** How long to wait for another writer before giving up. */
const WAIT_MS = 30_000;
/** A temporary file this old whose writer is gone is left over from a killed write. */
const LEFTOVER_AFTER_MS = 60_000;

/** Another writer holds the lock, and did not let go in time. */
export class LockedError extends Error {
  override readonly name = 'LockedError';
  constructor(
    message: string,
    readonly lockPath: string,
  ) {
    super(message);
  }
}

/** The lock file of a document. */
export function lockPathOf(target: string): string {
  return `${target}.lock`;
}

/** Whether a process of this host is still running. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readOwner(path: string): Promise<{ owner: LockOwner | null; text: string; mtime: number } | null> {
  try {
    const [text, info] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
    let owner: LockOwner | null = null;
    try {
      const data = JSON.parse(text) as Partial<LockOwner>;
      if (typeof data.pid === 'number' && typeof data.host === 'string' && typeof data.at === 'number')
        owner = { pid: data.pid, host: data.host, at: data.at };
    } catch {
      owner = null; // being written, or damaged: judged by its age alone
    }
    return { owner, text, mtime: info.mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function isStale(found: { owner: LockOwner | null; mtime: number }, now: number): boolean {
  if (now - found.mtime > STALE_AFTER_MS) return true;
  const owner = found.owner;
  return owner !== null && owner.host === hostname() && owner.pid !== process.pid && !alive(owner.pid);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A held lock: release it once the write is done (or failed). */
export interface HeldLock {
  readonly path: string;
  release(): Promise<void>;
}

/**
 * Takes the lock of `target`, waiting while another live writer holds it, reclaiming it from a dead
 * one. Throws LockedError when it is still held after the wait, naming the holder.
 */
export async function acquireLock(target: string, waitMs = WAIT_MS): Promise<HeldLock> {
  const path = lockPathOf(target);
  const deadline = Date.now() + waitMs;
  const me: LockOwner = { pid: process.pid, host: hostname(), at: Date.now() };
  for (let attempt = 0; ; attempt++) {
    try {
      const file = await open(path, 'wx', 0o644);
      try {
        await file.writeFile(JSON.stringify(me));
      } finally {
        await file.close();
      }
      await removeLeftovers(target);
      return {
        path,
        release: async () => {
          try {
            await unlink(path);
          } catch {
            // Already gone (reclaimed as stale by someone else after a very long hold): nothing to undo.
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const found = await readOwner(path);
    if (found === null) continue; // released meanwhile: try again at once
    if (isStale(found, Date.now())) {
      // Reclaimed only if it is still the lock judged stale (not one a new writer has just taken).
      const again = await readOwner(path);
      if (again !== null && again.text === found.text) {
        try {
          await unlink(path);
        } catch {
          // Someone else reclaimed it first.
        }
      }
      continue;
    }
    if (Date.now() >= deadline) {
      const who =
        found.owner === null
          ? 'another lync-runbook'
          : `another lync-runbook (process ${found.owner.pid} on ${found.owner.host}, since ${new Date(found.owner.at).toISOString()})`;
      throw new LockedError(
        `${basename(target)} is being written by ${who}. Try again in a moment; if no other lync-runbook is running, remove ${basename(path)}.`,
        path,
      );
    }
    await sleep(Math.min(200, 10 + attempt * 5 + Math.floor(Math.random() * 20)));
  }
}

/** `.<name>.<pid>.<hex>.tmp` and `.<name>.bak.<pid>.<hex>.tmp`, as the atomic writer names them. */
function leftoverPid(entry: string, name: string): number | null {
  for (const prefix of [`.${name}.`, `.${name}.bak.`]) {
    if (!entry.startsWith(prefix) || !entry.endsWith('.tmp')) continue;
    const match = /^(\d{1,10})\.[0-9a-f]{1,64}\.tmp$/.exec(entry.slice(prefix.length));
    if (match !== null) return Number(match[1]);
  }
  return null;
}

/** Removes the temporary files of writers of `target` that were killed: their process is gone and the file is old. */
async function removeLeftovers(target: string): Promise<void> {
  const folder = dirname(target);
  const name = basename(target);
  let entries: string[];
  try {
    entries = await readdir(folder);
  } catch {
    return;
  }
  const now = Date.now();
  for (const entry of entries) {
    const pid = leftoverPid(entry, name);
    if (pid === null || pid === process.pid || alive(pid)) continue;
    const path = join(folder, entry);
    try {
      if (now - (await stat(path)).mtimeMs > LEFTOVER_AFTER_MS) await unlink(path);
    } catch {
      // Gone already, or not ours to remove: harmless.
    }
  }
}
