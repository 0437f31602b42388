import { resolve } from 'node:path';

/**
 * Main owns every path: the renderer only ever holds opaque handles, issued here for paths that
 * came from main's own dialogs, its recent list, the OS or a drop, and resolved back here.
 */
export class PathRegistry {
  private readonly byHandle = new Map<string, string>();
  private readonly byKey = new Map<string, string>();

  constructor(
    /** A fresh random id (crypto.randomUUID in the app). */
    private readonly newId: () => string,
    private readonly platform: NodeJS.Platform,
  ) {}

  // Windows and macOS file systems ignore case by default: one document, one handle.
  private key(path: string): string {
    const absolute = resolve(path);
    return this.platform === 'win32' || this.platform === 'darwin' ? absolute.toLowerCase() : absolute;
  }

  /** The handle for a path (the same one each time for the same file). */
  issue(path: string): string {
    const key = this.key(path);
    const existing = this.byKey.get(key);
    if (existing !== undefined) {
      this.byHandle.set(existing, resolve(path));
      return existing;
    }
    const handle = this.newId().replace(/[^A-Za-z0-9_-]/g, '');
    if (handle.length < 16 || this.byHandle.has(handle)) throw new Error('The handle generator gave an unusable id.');
    this.byHandle.set(handle, resolve(path));
    this.byKey.set(key, handle);
    return handle;
  }

  /** The path behind a handle this registry issued, or null for anything else. */
  resolve(handle: string): string | null {
    return this.byHandle.get(handle) ?? null;
  }

  /** Whether two paths name the same document here. */
  same(a: string, b: string): boolean {
    return this.key(a) === this.key(b);
  }
}
