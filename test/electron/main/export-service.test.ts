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
      exists: async () => false,
      confirmReplace: async () => true,
    };
    expect(
      await exportRunbook({ suggestedName: 'Contoso HQ runbook', format: 'md', content: '# Runbook' }, deps),
    ).toEqual({ name: 'Contoso HQ runbook.md' });
    expect(await exportRunbook({ suggestedName: 'x', format: 'pdf', content: '<html></html>' }, deps)).toEqual({
      name: 'x.pdf',
    });
    expect(written).toEqual({ '/home/admin/Contoso HQ runbook.md': '# Runbook', '/home/admin/x.pdf': '%PDF-1.7 13' });
    expect(chosen).toEqual(['/home/admin/Contoso HQ runbook.md', '/home/admin/x.pdf']);
    expect(
      await exportRunbook(
        { suggestedName: 'x', format: 'json', content: '{}' },
        { ...deps, chooseWhereToExport: async () => null },
      ),
    ).toBeNull();
  });

  it('asks before a name typed without its extension replaces an existing export, and writes nothing on Cancel', async () => {
    const written: string[] = [];
    const asked: string[] = [];
    let answer = false;
    const deps = {
      chooseWhereToExport: async () => '/home/admin/runbook',
      renderPdf: async () => new Uint8Array(),
      write: async (path: string) => void written.push(path),
      defaultFolder: () => '/home/admin',
      exists: async (path: string) => path === '/home/admin/runbook.md',
      confirmReplace: async (path: string) => {
        asked.push(path);
        return answer;
      },
    };
    expect(await exportRunbook({ suggestedName: 'runbook', format: 'md', content: '# Runbook' }, deps)).toBeNull();
    expect(written).toEqual([]);
    answer = true;
    expect(await exportRunbook({ suggestedName: 'runbook', format: 'md', content: '# Runbook' }, deps)).toEqual({
      name: 'runbook.md',
    });
    expect(written).toEqual(['/home/admin/runbook.md']);
    // A name with nothing under it after the extension is added needs no question.
    expect(await exportRunbook({ suggestedName: 'runbook', format: 'html', content: '<html></html>' }, deps)).toEqual({
      name: 'runbook.html',
    });
    expect(asked).toEqual(['/home/admin/runbook.md', '/home/admin/runbook.md']);
  });
});
