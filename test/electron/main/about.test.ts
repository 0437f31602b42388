import { describe, expect, it } from 'vitest';
import { aboutBox, supportedProducts } from '../../../electron/main/about';

describe('the About box', () => {
  it('shows the version and the product versions the app supports, from the core', () => {
    expect(supportedProducts()).toEqual([
      'Lync Server 2013',
      'Skype for Business Server 2015',
      'Skype for Business Server 2019',
    ]);
    const box = aboutBox('0.1.0', { electron: '45.5.0', chrome: '140', node: '22' });
    expect(box.message).toBe('lync-runbook 0.1.0');
    for (const name of supportedProducts()) expect(box.detail).toContain(name);
    expect(box.detail).toContain('Electron 45.5.0');
  });
});
