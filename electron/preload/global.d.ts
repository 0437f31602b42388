import type { LyncRunbookBridge } from '../shared/bridge';

// Named global.d.ts, not index.d.ts: TypeScript leaves out a .d.ts that has a .ts of the same
// name beside it, and the test and node projects include electron/preload/index.ts.
declare global {
  interface Window {
    /** The preload's bridge; present only in the desktop app (renderer/host/pick-host.ts checks for it). */
    lyncRunbook?: LyncRunbookBridge;
  }
}
