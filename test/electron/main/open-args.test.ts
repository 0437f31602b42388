import { win32 } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentPathsFromArgv } from '../../../electron/main/open-args';

describe('documentPathsFromArgv', () => {
  it('finds the documents of a double-click, "Open with" or a second launch', () => {
    expect(
      documentPathsFromArgv(
        ['C:\\Program Files\\lync-runbook\\lync-runbook.exe', 'C:\\Runbooks\\Contoso.LYNCRUNBOOK'],
        'C:\\',
        win32,
      ),
    ).toEqual(['C:\\Runbooks\\Contoso.LYNCRUNBOOK']);
    expect(documentPathsFromArgv(['lync-runbook.exe', 'hq.lyncrunbook'], 'D:\\Change 42', win32)).toEqual([
      'D:\\Change 42\\hq.lyncrunbook',
    ]);
    expect(
      documentPathsFromArgv(['/usr/bin/electron', '.', '--inspect=0', 'hq.lyncrunbook', 'notes.txt'], '/home/admin'),
    ).toEqual(['/home/admin/hq.lyncrunbook']);
    expect(
      documentPathsFromArgv(
        ['lync-runbook', 'file:///home/admin/My%20Runbook.lyncrunbook', '--original-process-start-time=1'],
        '/',
      ),
    ).toEqual(['/home/admin/My Runbook.lyncrunbook']);
    expect(documentPathsFromArgv(['lync-runbook'], '/')).toEqual([]);
    expect(documentPathsFromArgv(['lync-runbook', '--x=a.lyncrunbook'], '/')).toEqual([]);
  });
});
