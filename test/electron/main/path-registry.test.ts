import { describe, expect, it } from 'vitest';
import { PathRegistry } from '../../../electron/main/path-registry';

const counter = () => {
  let n = 0;
  return () => `id-${String(++n).padStart(16, '0')}`;
};

describe('PathRegistry', () => {
  it('gives an opaque handle for a path and resolves only handles it issued', () => {
    const paths = new PathRegistry(counter(), 'linux');
    const handle = paths.issue('/home/admin/contoso.lyncrunbook');
    expect(handle).not.toContain('contoso');
    expect(paths.resolve(handle)).toBe('/home/admin/contoso.lyncrunbook');
    expect(paths.resolve('id-0000000000000099')).toBeNull();
    expect(paths.resolve('/home/admin/contoso.lyncrunbook')).toBeNull();
  });

  it('gives the same handle for the same document, folding case where the file system does', () => {
    const linux = new PathRegistry(counter(), 'linux');
    expect(linux.issue('/a/B.lyncrunbook')).toBe(linux.issue('/a/./B.lyncrunbook'));
    expect(linux.issue('/a/B.lyncrunbook')).not.toBe(linux.issue('/a/b.lyncrunbook'));
    const mac = new PathRegistry(counter(), 'darwin');
    expect(mac.issue('/a/B.lyncrunbook')).toBe(mac.issue('/a/b.lyncrunbook'));
    expect(mac.same('/a/B.lyncrunbook', '/a/b.lyncrunbook')).toBe(true);
  });

  it('refuses an id generator that gives short or repeated ids', () => {
    expect(() => new PathRegistry(() => 'short', 'linux').issue('/a.lyncrunbook')).toThrow();
    const same = new PathRegistry(() => 'x'.repeat(20), 'linux');
    same.issue('/a.lyncrunbook');
    expect(() => same.issue('/b.lyncrunbook')).toThrow();
  });

  it('turns a UUID into a handle the IPC contract accepts', async () => {
    const { handleSchema } = await import('../../../electron/shared/schemas');
    const paths = new PathRegistry(() => crypto.randomUUID(), 'win32');
    expect(handleSchema.safeParse(paths.issue('C:\\Users\\admin\\contoso.lyncrunbook')).success).toBe(true);
  });
});
