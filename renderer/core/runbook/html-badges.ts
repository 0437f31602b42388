/** Coloured badges, so verdicts, overrides and server status stand out the same way in every section. */
import { recordedLater } from '../events/times';
import type { IsoTime } from '../model/time';
import { esc, time } from './html-text';
import type { ServerSummary } from './model';

/** A short label in a coloured pill: ok, bad or warn. */
export function badge(text: string, tone: 'ok' | 'bad' | 'warn'): string {
  return `<span class="badge ${tone}">${esc(text)}</span>`;
}

/** A server's status as a badge, coloured by its phase. */
export function statusBadge(s: ServerSummary): string {
  if (s.phase === 'services-running') return badge(s.statusText, 'ok');
  if (s.phase === 'blocked') return badge(s.statusText, 'bad');
  return badge(s.statusText, 'warn');
}

/** When an entry was recorded, where later than it happened, with the back-dated badge (events/times.ts). */
export function recordedNote(e: { at: IsoTime; recordedAt: IsoTime; backDated: boolean }): string {
  if (!recordedLater(e)) return '';
  return `<span class="detail">recorded ${time(e.recordedAt)}</span>${e.backDated ? ` ${badge('back-dated', 'warn')}` : ''}`;
}
