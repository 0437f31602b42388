/**
 * What the admin typed but has not recorded yet (a pasted output, an override's reason) is kept
 * as it is typed, so a reload, a crash or a closed window does not lose it; recording it, or
 * emptying the field, lets it go. Kept per deployment (by its first event's hash, the same for
 * every copy of one deployment and different for another) and per server and field.
 */
import { useCallback, useState } from 'react';
import type { Preferences } from '../host/host';
import type { Workspace } from './workspace/workspace';

/** The longest text kept (a long paste is still judged; it is only not kept). */
export const MAX_KEPT_CHARS = 256 * 1024;

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
      preferences.set(key, next === '' || next.length > MAX_KEPT_CHARS ? null : next);
    },
    [preferences, key],
  );
  return [text, set];
}
