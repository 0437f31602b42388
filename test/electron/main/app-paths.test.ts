import { describe, expect, it } from 'vitest';
import { appDataPaths, builtPaths } from '../../../electron/main/app-paths';

describe('app paths', () => {
  it("keeps main's own files in the user data folder and finds the built pieces beside main", () => {
    const files = appDataPaths('/home/admin/.config/lync-runbook');
    for (const path of Object.values(files)) expect(path.startsWith('/home/admin/.config/lync-runbook/')).toBe(true);
    expect(builtPaths('/opt/app/out/main')).toEqual({
      renderer: '/opt/app/out/renderer',
      preload: '/opt/app/out/preload/index.js',
    });
  });
});
