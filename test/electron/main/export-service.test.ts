import { describe, expect, it } from 'vitest';
import { exportRunbook } from '../../../electron/main/export-service';

describe('exportRunbook', () => {
  it('writes the text formats as chosen, adding the extension, and prints PDF from the HTML', async () => {
    const written: Record<string, string> = {};
    const chosen: string[] = [];
    const deps = {
      chooseWhereToExport: async (defaultPath: string) => {
        chosen.push(defaultPath);
        return defaultPath.replace(/\.\w+$/, '');
      },
      renderPdf: async (html: string) => new TextEncoder().encode(`%PDF-1.7 ${html.length}`),
      write: async (path: string, data: Uint8Array) => {
        written[path] = new TextDecoder().decode(data);
      },
      defaultFolder: () => '/home/admin',
    };
    expect(await exportRunbook({ suggestedName: 'Contoso HQ runbook', format: 'md', content: '# Runbook' }, deps)).toEqual({ name: 'Contoso HQ runbook.md' });
    expect(await exportRunbook({ suggestedName: 'x', format: 'pdf', content: '<html></html>' }, deps)).toEqual({ name: 'x.pdf' });
    expect(written).toEqual({ '/home/admin/Contoso HQ runbook.md': '# Runbook', '/home/admin/x.pdf': '%PDF-1.7 13' });
    expect(chosen).toEqual(['/home/admin/Contoso HQ runbook.md', '/home/admin/x.pdf']);
    expect(await exportRunbook({ suggestedName: 'x', format: 'json', content: '{}' }, { ...deps, chooseWhereToExport: async () => null })).toBeNull();
  });
});
