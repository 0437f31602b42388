import * as fs from 'node:fs';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WINDOW_SIZE,
  fitToDisplays,
  MIN_WINDOW_SIZE,
  parseWindowState,
  saveWindowStateSync,
  serializeWindowState,
  type Rect,
} from '../../../electron/main/window-state';

const primary: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
const right: Rect = { x: 1920, y: 0, width: 1280, height: 984 };

const inside = (r: Rect, area: Rect) =>
  r.x >= area.x && r.y >= area.y && r.x + r.width <= area.x + area.width && r.y + r.height <= area.y + area.height;

describe('window state', () => {
  it('round-trips through its file and refuses anything else', () => {
    const state = { x: 10, y: 20, width: 1200, height: 800, maximized: true };
    expect(parseWindowState(serializeWindowState(state))).toEqual(state);
    for (const bad of [
      null,
      '',
      'nope',
      '{}',
      '{"x":"1","y":0,"width":800,"height":600,"maximized":false}',
      '{"x":0,"y":0,"width":0,"height":600,"maximized":false}',
      '{"x":1e9,"y":0,"width":800,"height":600,"maximized":false}',
      '{"x":0.5,"y":0,"width":800,"height":600,"maximized":false}',
    ]) {
      expect(parseWindowState(bad)).toBeNull();
    }
  });

  it('opens a first window centred on the primary display', () => {
    expect(fitToDisplays(null, [primary], primary)).toEqual({
      x: 320,
      y: 110,
      width: DEFAULT_WINDOW_SIZE.width,
      height: DEFAULT_WINDOW_SIZE.height,
      maximized: false,
    });
  });

  it('puts the window back where it was, on the second monitor too', () => {
    const saved = { x: 2000, y: 50, width: 1000, height: 700, maximized: false };
    expect(fitToDisplays(saved, [primary, right], primary)).toEqual(saved);
  });

  it('brings a window back from a monitor that was unplugged', () => {
    const saved = { x: 2000, y: 50, width: 1000, height: 700, maximized: true };
    const fitted = fitToDisplays(saved, [primary], primary);
    expect(inside(fitted, primary)).toBe(true);
    expect(fitted).toMatchObject({ width: 1000, height: 700, maximized: true });
  });

  it('shrinks a window larger than a small remote-desktop screen', () => {
    const small: Rect = { x: 0, y: 0, width: 1024, height: 728 };
    const fitted = fitToDisplays({ x: 0, y: 0, width: 1800, height: 1000, maximized: false }, [small], small);
    expect(fitted).toEqual({ x: 0, y: 0, width: 1024, height: 728, maximized: false });
  });

  it('always returns a window fully on some display, at least the minimum size where the display allows (property)', () => {
    const rect = fc.record({
      x: fc.integer({ min: -5000, max: 5000 }),
      y: fc.integer({ min: -5000, max: 5000 }),
      width: fc.integer({ min: 1, max: 6000 }),
      height: fc.integer({ min: 1, max: 4000 }),
    });
    const area = fc.record({
      x: fc.integer({ min: -4000, max: 4000 }),
      y: fc.integer({ min: -2000, max: 2000 }),
      width: fc.integer({ min: 640, max: 5000 }),
      height: fc.integer({ min: 480, max: 3000 }),
    });
    fc.assert(
      fc.property(
        fc.option(fc.tuple(rect, fc.boolean()).map(([r, maximized]) => ({ ...r, maximized }))),
        fc.array(area, { minLength: 1, maxLength: 3 }),
        (saved, areas) => {
          const fitted = fitToDisplays(saved, areas, areas[0]!);
          const host = areas.find((a) => inside(fitted, a));
          expect(host).toBeDefined();
          expect(fitted.width).toBeGreaterThanOrEqual(Math.min(MIN_WINDOW_SIZE.width, host!.width));
          expect(fitted.height).toBeGreaterThanOrEqual(Math.min(MIN_WINDOW_SIZE.height, host!.height));
        },
      ),
    );
  });

  it('is saved synchronously as the window closes, through a rename, and read back on the next start', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lync-runbook-window-'));
    try {
      const file = join(dir, 'profile', 'window-state.json');
      const state = { x: -1200, y: 40, width: 1000, height: 700, maximized: false };
      saveWindowStateSync(file, state, fs);
      expect(parseWindowState(readFileSync(file, 'utf8'))).toEqual(state);
      expect(readdirSync(join(dir, 'profile'))).toEqual(['window-state.json']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
