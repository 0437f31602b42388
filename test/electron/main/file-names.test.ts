import { describe, expect, it } from 'vitest';
import { safeFileName, withExtension } from '../../../electron/main/file-names';

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
});
