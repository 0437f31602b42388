import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path));

/** Width and height of a PNG, and whether it has an alpha channel. */
function png(bytes: Buffer): { width: number; height: number; rgba: boolean } {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), rgba: bytes[25] === 6 };
}

describe('icons', () => {
  it('build/icon.png is at least 512 px square, with transparency (electron-builder, Linux)', () => {
    const { width, height, rgba } = png(read('build/icon.png'));
    expect(width).toBeGreaterThanOrEqual(512);
    expect(height).toBe(width);
    expect(rgba).toBe(true);
  });

  it('assets/icons/icon.png is the window icon at 512 px', () => {
    expect(png(read('assets/icons/icon.png'))).toEqual({ width: 512, height: 512, rgba: true });
  });

  it('build/icon.ico holds 16 to 256 px images, BMP below 256 (NSIS reads those) and PNG at 256', () => {
    const ico = read('build/icon.ico');
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    for (let i = 0; i < count; i++) {
      const e = 6 + i * 16;
      const size = ico[e] === 0 ? 256 : ico[e]!;
      const offset = ico.readUInt32LE(e + 12);
      const isPng = ico.readUInt32BE(offset) === 0x89504e47;
      expect(isPng, `${size} px`).toBe(size === 256);
      if (!isPng) expect(ico.readInt32LE(offset + 4)).toBe(size);
      sizes.push(size);
    }
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256]);
  });

  it('build/icon.icns holds PNG images from 16 to 1024 px (macOS)', () => {
    const icns = read('build/icon.icns');
    expect(icns.toString('latin1', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const found: Record<string, number> = {};
    for (let at = 8; at < icns.length;) {
      const type = icns.toString('latin1', at, at + 4);
      const length = icns.readUInt32BE(at + 4);
      found[type] = png(icns.subarray(at + 8, at + length)).width;
      at += length;
    }
    expect(found).toEqual({
      icp4: 16,
      icp5: 32,
      ic11: 32,
      ic12: 64,
      ic07: 128,
      ic08: 256,
      ic13: 256,
      ic09: 512,
      ic14: 512,
      ic10: 1024,
    });
  });

  it('draws a visible icon: an opaque middle and transparent corners', () => {
    const bytes = read('assets/icons/icon.png');
    let idat = Buffer.alloc(0);
    for (let at = 8; at < bytes.length;) {
      const length = bytes.readUInt32BE(at);
      if (bytes.toString('latin1', at + 4, at + 8) === 'IDAT')
        idat = Buffer.concat([idat, bytes.subarray(at + 8, at + 8 + length)]);
      at += length + 12;
    }
    const raw = inflateSync(idat);
    const alpha = (x: number, y: number) => raw[y * (512 * 4 + 1) + 1 + x * 4 + 3];
    expect(alpha(0, 0)).toBe(0);
    expect(alpha(256, 256)).toBe(255);
  });
});
