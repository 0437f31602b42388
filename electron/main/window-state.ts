import { dirname } from 'node:path';
import { z } from 'zod';

/** A rectangle in screen coordinates (as Electron's Rectangle). */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Where the window was and whether it was maximized. */
export interface WindowState extends Rect {
  readonly maximized: boolean;
}

/** The size of a first window, and the smallest one the layout works in (a jump box's small screen). */
export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 820 } as const;
/** The smallest window the UI is laid out for. */
export const MIN_WINDOW_SIZE = { width: 800, height: 560 } as const;

const coordinate = z.number().int().min(-100_000).max(100_000);
const length = z.number().int().min(1).max(100_000);
const stateSchema = z.object({ x: coordinate, y: coordinate, width: length, height: length, maximized: z.boolean() });

/** The saved state from its file's text, or null when there is none or it does not validate. */
export function parseWindowState(text: string | null): WindowState | null {
  if (text === null) return null;
  try {
    const parsed = stateSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The text written to the window-state file. */
export function serializeWindowState(state: WindowState): string {
  return `${JSON.stringify({ x: state.x, y: state.y, width: state.width, height: state.height, maximized: state.maximized })}\n`;
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

const clamp = (value: number, low: number, high: number) => Math.max(low, Math.min(high, value));

function centered(area: Rect, width: number, height: number): Rect {
  return {
    x: Math.round(area.x + (area.width - width) / 2),
    y: Math.round(area.y + (area.height - height) / 2),
    width,
    height,
  };
}

/**
 * Puts a saved window back where it was when that place is still on a screen, fitted inside the
 * display it mostly sat on; otherwise (a monitor unplugged, a remote session with another
 * resolution, no saved state) centres it on the primary display. The window always fits.
 */
export function fitToDisplays(saved: WindowState | null, workAreas: readonly Rect[], primary: Rect): WindowState {
  const fit = (area: Rect, rect: Rect): Rect => {
    const width = clamp(rect.width, Math.min(MIN_WINDOW_SIZE.width, area.width), area.width);
    const height = clamp(rect.height, Math.min(MIN_WINDOW_SIZE.height, area.height), area.height);
    return {
      x: clamp(rect.x, area.x, area.x + area.width - width),
      y: clamp(rect.y, area.y, area.y + area.height - height),
      width,
      height,
    };
  };
  if (saved !== null) {
    let best: Rect | null = null;
    let bestOverlap = 0;
    for (const area of workAreas) {
      const o = overlap(saved, area);
      if (o > bestOverlap) {
        best = area;
        bestOverlap = o;
      }
    }
    // Enough of it must be visible to grab: a sliver on a screen's edge does not count.
    const visible = best !== null && bestOverlap >= Math.min(saved.width * saved.height * 0.25, 200 * 100);
    if (best !== null && visible) return { ...fit(best, saved), maximized: saved.maximized };
    const width = Math.min(saved.width, primary.width);
    const height = Math.min(saved.height, primary.height);
    return { ...fit(primary, centered(primary, width, height)), maximized: saved.maximized };
  }
  const width = Math.min(DEFAULT_WINDOW_SIZE.width, primary.width);
  const height = Math.min(DEFAULT_WINDOW_SIZE.height, primary.height);
  return { ...fit(primary, centered(primary, width, height)), maximized: false };
}

/** The synchronous file functions `saveWindowStateSync` uses (node:fs). */
export interface SyncWriter {
  mkdirSync(path: string, options: { recursive: true }): unknown;
  writeFileSync(path: string, data: string): void;
  renameSync(from: string, to: string): void;
}

/**
 * Saves the window state synchronously, through a temporary file and a rename: it is written as
 * the window closes, and the app quits right after, before any asynchronous write could finish.
 */
export function saveWindowStateSync(file: string, state: WindowState, fs: SyncWriter): void {
  fs.mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.tmp`;
  fs.writeFileSync(temp, serializeWindowState(state));
  fs.renameSync(temp, file);
}
