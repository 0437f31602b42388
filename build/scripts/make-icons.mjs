// Draws the app icon and writes it in every format packaging needs: build/icon.png (1024 px, for
// electron-builder and Linux), build/icon.ico (Windows: BMP entries up to 128 px, which NSIS
// needs, and a PNG one at 256 px), build/icon.icns (macOS) and assets/icons/icon.png (512 px, the
// window icon at run time). Pure Node, deterministic: run `node build/scripts/make-icons.mjs`
// after changing the drawing, and commit the results.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { deflateSync } from 'node:zlib';

const ROOT = join(import.meta.dirname, '..', '..');

// The drawing, in a unit square (0..1), as coverage functions sampled several times per pixel.
const BLUE_TOP = [0x14, 0x76, 0xd2];
const BLUE_BOTTOM = [0x0b, 0x4f, 0x9c];
const PAGE = [0xff, 0xff, 0xff];
const LINE = [0x9d, 0xb9, 0xd8];
const GREEN = [0x10, 0x7c, 0x10];

function roundedBox(x, y, cx, cy, hw, hh, r) {
  const qx = Math.abs(x - cx) - hw + r;
  const qy = Math.abs(y - cy) - hh + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

function segment(x, y, ax, ay, bx, by) {
  const px = x - ax;
  const py = y - ay;
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - t * dx, py - t * dy);
}

/** The colour and opacity at one point of the unit square. */
function paint(x, y) {
  if (roundedBox(x, y, 0.5, 0.5, 0.46, 0.46, 0.1) > 0) return null;
  let color = BLUE_TOP.map((c, i) => c + (BLUE_BOTTOM[i] - c) * y);
  // The runbook: a page with lines of steps.
  if (roundedBox(x, y, 0.46, 0.5, 0.24, 0.31, 0.035) <= 0) {
    color = PAGE;
    for (const ly of [0.32, 0.42, 0.52, 0.62]) {
      if (roundedBox(x, y, 0.43, ly, 0.13, 0.018, 0.018) <= 0) color = LINE;
    }
  }
  // Step done: a green badge with a white tick.
  const badge = Math.hypot(x - 0.68, y - 0.7);
  if (badge <= 0.17) {
    color = badge >= 0.145 ? PAGE : GREEN;
    const tick = Math.min(segment(x, y, 0.6, 0.705, 0.66, 0.765), segment(x, y, 0.66, 0.765, 0.765, 0.64));
    if (badge < 0.145 && tick <= 0.024) color = PAGE;
  }
  return color;
}

/** RGBA pixels of the icon at `size` px, anti-aliased with 4×4 samples per pixel. */
export function renderIcon(size) {
  const n = 4;
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = paint((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size);
          if (c === null) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        pixels[o] = Math.round(r / a);
        pixels[o + 1] = Math.round(g / a);
        pixels[o + 2] = Math.round(b / a);
        pixels[o + 3] = Math.round((255 * a) / (n * n));
      }
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A PNG file (8-bit RGBA) from pixels. */
export function encodePng(pixels, size) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) pixels.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A 32-bit BMP icon entry (bottom-up BGRA and an all-zero AND mask), as Windows and NSIS read best. */
function bmpEntry(pixels, size) {
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8);
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  const body = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const from = (y * size + x) * 4;
      const to = ((size - 1 - y) * size + x) * 4;
      body[to] = pixels[from + 2];
      body[to + 1] = pixels[from + 1];
      body[to + 2] = pixels[from];
      body[to + 3] = pixels[from + 3];
    }
  }
  const maskRow = Math.ceil(size / 32) * 4;
  return Buffer.concat([header, body, Buffer.alloc(maskRow * size)]);
}

/** An ICO file: BMP entries for the small sizes, PNG for 256 px. */
export function encodeIco(sizes) {
  const images = sizes.map((size) =>
    size >= 256 ? encodePng(renderIcon(size), size) : bmpEntry(renderIcon(size), size),
  );
  const header = Buffer.alloc(6 + 16 * sizes.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(sizes.length, 4);
  let offset = header.length;
  sizes.forEach((size, i) => {
    const e = 6 + i * 16;
    header[e] = size >= 256 ? 0 : size;
    header[e + 1] = size >= 256 ? 0 : size;
    header.writeUInt16LE(1, e + 4);
    header.writeUInt16LE(32, e + 6);
    header.writeUInt32LE(images[i].length, e + 8);
    header.writeUInt32LE(offset, e + 12);
    offset += images[i].length;
  });
  return Buffer.concat([header, ...images]);
}

/** An ICNS file with PNG entries (macOS 10.7 and later). */
export function encodeIcns(entries) {
  const parts = entries.map(([type, size]) => {
    const png = encodePng(renderIcon(size), size);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const body = Buffer.concat(parts);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}

/** Every icon file, by its path relative to the repository. */
export function iconFiles() {
  return {
    'build/icon.png': encodePng(renderIcon(1024), 1024),
    'build/icon.ico': encodeIco([16, 24, 32, 48, 64, 128, 256]),
    'build/icon.icns': encodeIcns([
      ['icp4', 16],
      ['icp5', 32],
      ['ic11', 32],
      ['ic12', 64],
      ['ic07', 128],
      ['ic08', 256],
      ['ic13', 256],
      ['ic09', 512],
      ['ic14', 512],
      ['ic10', 1024],
    ]),
    'assets/icons/icon.png': encodePng(renderIcon(512), 512),
  };
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  for (const [path, bytes] of Object.entries(iconFiles())) {
    const target = join(ROOT, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, bytes);
    console.log(`${path}: ${bytes.length} bytes`);
  }
}
