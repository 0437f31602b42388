/**
 * A paste (or a drop) far larger than its box reads is refused before the browser puts it there: a
 * textarea holding megabytes takes seconds to lay out, again on every change, so a 5 MB paste froze
 * the page for about ten seconds before the core had a chance to refuse it (issue 15, bug 8).
 */
import type { ClipboardEvent, DragEvent } from 'react';
import { utf8Bytes } from '../core/model/utf8';

/**
 * The size in UTF-8 bytes of the text a paste or drop brings when it is over `maxBytes`: the event's
 * default is then prevented, so the box keeps what it held. Null, and the event left alone, otherwise.
 */
export function refuseOversizeInsert(event: ClipboardEvent | DragEvent, maxBytes: number): number | null {
  const data = 'clipboardData' in event ? event.clipboardData : event.dataTransfer;
  const text = data.getData('text/plain');
  // Each UTF-16 unit is at most 3 UTF-8 bytes: a text this short is within the limit without counting.
  if (text.length * 3 <= maxBytes) return null;
  const bytes = utf8Bytes(text);
  if (bytes <= maxBytes) return null;
  event.preventDefault();
  return bytes;
}
