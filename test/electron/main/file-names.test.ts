import { describe, expect, it } from 'vitest';
import { replaceFilePrompt, safeFileName, savePathFromDialog, withExtension } from '../../../electron/main/file-names';

describe('file names', () => {
  it('makes a suggested name safe on every desktop and gives it the right extension', () => {
    expect(safeFileName('Contoso HQ', '.lyncrunbook')).toBe('Contoso HQ.lyncrunbook');
    expect(safeFileName('contoso.lyncrunbook', '.lyncrunbook')).toBe('contoso.lyncrunbook');
    expect(safeFileName('../../etc/passwd', '.md')).toBe('etc passwd.md');
    expect(safeFileName('a<b>c:"d"|e?*\u0000', '.md')).toBe('a b c d e.md');
    expect(safeFileName('CON', '.lyncrunbook')).toBe('deployment.lyncrunbook');
    expect(safeFileName('...', '.pdf', 'runbook')).toBe('runbook.pdf');
    expect(safeFileName('x'.repeat(400), '.md')).toHaveLength(203);
    expect(withExtension('/a/contoso', '.lyncrunbook')).toBe('/a/contoso.lyncrunbook');
    expect(withExtension('/a/contoso.LyncRunbook', '.lyncrunbook')).toBe('/a/contoso.LyncRunbook');
  });

  it('asks before the extension it adds makes a typed name replace an existing file, which the dialog never asked about', async () => {
    const onDisk = new Set(['/a/hq.lyncrunbook', '/a/hq']);
    const asked: string[] = [];
    let answer = false;
    const check = {
      exists: async (path: string) => onDisk.has(path),
      confirmReplace: async (path: string) => {
        asked.push(path);
        return answer;
      },
    };
    // Typed with the extension: the dialog itself asked before replacing.
    expect(await savePathFromDialog('/a/hq.lyncrunbook', '.lyncrunbook', check)).toBe('/a/hq.lyncrunbook');
    // Typed without it, and nothing has that name: no question.
    expect(await savePathFromDialog('/a/new', '.lyncrunbook', check)).toBe('/a/new.lyncrunbook');
    expect(asked).toEqual([]);
    // Typed without it, and the file with it exists: asked, and Cancel writes nothing.
    expect(await savePathFromDialog('/a/hq', '.lyncrunbook', check)).toBeNull();
    answer = true;
    expect(await savePathFromDialog('/a/hq', '.lyncrunbook', check)).toBe('/a/hq.lyncrunbook');
    expect(asked).toEqual(['/a/hq.lyncrunbook', '/a/hq.lyncrunbook']);
  });

  it('words the question as a native Replace/Cancel box that cancels by default', () => {
    expect(replaceFilePrompt('/home/admin/hq.lyncrunbook')).toMatchObject({
      type: 'warning',
      buttons: ['Replace', 'Cancel'],
      defaultId: 1,
      cancelId: 1,
      message: '“hq.lyncrunbook” already exists. Do you want to replace it?',
      detail: expect.stringContaining('/home/admin'),
    });
  });
});
