/**
 * What the admin typed but has not recorded yet (a pasted output, an override's reason) is kept
 * as it is typed, so a reload, a crash or a closed window does not lose it; recording it, or
 * emptying the field, lets it go. Kept per deployment (by its first event's hash, the same for
 * every copy of one deployment and different for another) and per server and field. All of them
 * together are bounded (MAX_KEPT_TOTAL_CHARS), the oldest let go first.
 */
import { useCallback, useState } from 'react';
import type { Preferences } from '../host/host';
import type { Workspace } from './workspace/workspace';

/** The longest text kept (a long paste is still judged; it is only not kept). */
export const MAX_KEPT_CHARS = 256 * 1024;

/**
 * All kept texts together stay under this (the page's storage holds about five million characters,
 * shared with the recovery copy): the texts typed longest ago go first. Without a bound, fields
 * typed in and never recorded, over many deployments, would fill the storage.
 */
export const MAX_KEPT_TOTAL_CHARS = 1024 * 1024;

const INDEX = 'kept-index';

/** The kept texts, oldest first, with their lengths. */
function readIndex(preferences: Preferences): [string, number][] {
  try {
    const parsed: unknown = JSON.parse(preferences.get(INDEX) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (e): e is [string, number] => Array.isArray(e) && typeof e[0] === 'string' && typeof e[1] === 'number',
    );
  } catch {
    return [];
  }
}

/** Keeps `text` under `key` (or lets it go when empty or too long), within the total bound. */
export function keepText(preferences: Preferences, key: string, text: string): void {
  const index = readIndex(preferences).filter(([k]) => k !== key);
  if (text === '' || text.length > MAX_KEPT_CHARS) {
    preferences.set(key, null);
  } else {
    index.push([key, text.length]);
    let total = index.reduce((sum, [, length]) => sum + length, 0);
    while (total > MAX_KEPT_TOTAL_CHARS) {
      const [oldest, length] = index.shift()!;
      preferences.set(oldest, null);
      total -= length;
    }
    preferences.set(key, text);
  }
  preferences.set(INDEX, JSON.stringify(index));
}

/** Where one field's text is kept: the deployment, the server and the field. */
export function keptKey(workspace: Workspace, server: string, field: string): string {
  const first = workspace.session.history[0];
  const deployment = first?.hash ?? first?.at ?? 'new';
  return `kept:${deployment}:${server}:${field}`;
}

/** A field's text, kept while it is typed; the setter keeps it (or lets it go when empty or too long). */
export function useKeptText(preferences: Preferences, key: string): [string, (text: string) => void] {
  const [text, setText] = useState(() => preferences.get(key) ?? '');
  const set = useCallback(
    (next: string) => {
      setText(next);
      keepText(preferences, key, next);
    },
    [preferences, key],
  );
  return [text, set];
}
