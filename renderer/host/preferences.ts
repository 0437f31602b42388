import type { Preferences } from './host';

const PREFIX = 'lync-runbook:';

/**
 * Preferences in the page's local storage, shared by both hosts: the Electron page is served from
 * its own origin, so its storage is private to the app. Falls back to memory where storage is
 * unavailable (private windows, tests).
 */
export function localPreferences(storage: Storage | null = safeStorage()): Preferences {
  const memory = new Map<string, string>();
  return {
    get(key) {
      try {
        return storage ? storage.getItem(PREFIX + key) : (memory.get(key) ?? null);
      } catch {
        return memory.get(key) ?? null;
      }
    },
    set(key, value) {
      try {
        if (!storage) throw new Error('no storage');
        if (value === null) storage.removeItem(PREFIX + key);
        else storage.setItem(PREFIX + key, value);
      } catch {
        if (value === null) memory.delete(key);
        else memory.set(key, value);
      }
    },
  };
}

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
