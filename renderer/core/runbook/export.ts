/** One call for every export format, with what a save dialog needs to know about each. */
import type { IsoTime } from '../model/time';
import type { DeploymentSession } from '../session/session';
import { buildRunbook } from './build';
import { renderHtml } from './html';
import { renderJson } from './json';
import { renderMarkdown } from './markdown';
import type { RunbookFormat } from './model';

/** How each format is saved: its name in the export dialog, file extension and media type. */
export const RUNBOOK_FORMAT_INFO: Readonly<
  Record<RunbookFormat, { readonly label: string; readonly extension: string; readonly mediaType: string }>
> = {
  md: { label: 'Markdown', extension: '.md', mediaType: 'text/markdown; charset=utf-8' },
  html: { label: 'HTML (printable)', extension: '.html', mediaType: 'text/html; charset=utf-8' },
  json: {
    label: 'JSON (the deployment document; opens again in lync-runbook)',
    extension: '.json',
    mediaType: 'application/json',
  },
};

/**
 * The runbook of a session in one format. `at` is the moment of the export: printed in Markdown and
 * HTML, and the document's `savedAt` in JSON.
 */
export function exportRunbook(session: DeploymentSession, format: RunbookFormat, at: IsoTime): string {
  if (format === 'json') return renderJson(session, at);
  const runbook = buildRunbook(session, { exportedAt: at });
  return format === 'md' ? renderMarkdown(runbook) : renderHtml(runbook);
}
