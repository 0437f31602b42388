import { basename, join } from 'node:path';
import { safeFileName, savePathFromDialog, type ReplaceCheck } from './file-names';

/** The formats a runbook exports to. */
export type ExportFormat = 'md' | 'html' | 'json' | 'pdf';

/** The file extension and the dialog's filter for each format. */
export const EXPORT_FORMATS: Readonly<Record<ExportFormat, { readonly extension: string; readonly filter: string }>> = {
  md: { extension: '.md', filter: 'Markdown' },
  html: { extension: '.html', filter: 'Web page (HTML)' },
  json: { extension: '.json', filter: 'JSON' },
  pdf: { extension: '.pdf', filter: 'PDF document' },
};

/** What an export needs: the save dialog (and the question before replacing a file it did not ask about), a PDF printer for HTML, and an atomic writer. */
export interface ExportDeps extends ReplaceCheck {
  chooseWhereToExport(defaultPath: string, format: ExportFormat): Promise<string | null>;
  /** Prints the runbook's HTML to PDF (in a hidden, sandboxed window without JavaScript). */
  renderPdf(html: string): Promise<Uint8Array>;
  write(path: string, data: Uint8Array): Promise<void>;
  defaultFolder(): string;
}

/** Exports a runbook to a file the user chooses; null when cancelled. For PDF, `content` is the HTML to print. */
export async function exportRunbook(
  request: { readonly suggestedName: string; readonly format: ExportFormat; readonly content: string },
  deps: ExportDeps,
): Promise<{ name: string } | null> {
  const { extension } = EXPORT_FORMATS[request.format];
  const chosen = await deps.chooseWhereToExport(
    join(deps.defaultFolder(), safeFileName(request.suggestedName, extension, 'runbook')),
    request.format,
  );
  if (chosen === null) return null;
  const path = await savePathFromDialog(chosen, extension, deps);
  if (path === null) return null;
  const data =
    request.format === 'pdf' ? await deps.renderPdf(request.content) : new TextEncoder().encode(request.content);
  await deps.write(path, data);
  return { name: basename(path) };
}
