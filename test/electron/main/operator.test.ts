import { describe, expect, it } from 'vitest';
import { defaultOperator } from '../../../electron/main/operator';

describe('defaultOperator', () => {
  it('is the signed-in user, else the environment, else a plain word', () => {
    expect(defaultOperator(() => ({ username: 'j.smith' }), {})).toBe('j.smith');
    const broken = () => {
      throw new Error('no passwd entry');
    };
    expect(defaultOperator(broken, { USERNAME: 'CONTOSO\\admin' })).toBe('CONTOSO\\admin');
    expect(defaultOperator(broken, { USER: 'root' })).toBe('root');
    expect(defaultOperator(() => ({ username: ' \u0007 ' }), {})).toBe('operator');
    expect(defaultOperator(() => ({ username: 'x'.repeat(300) }), {})).toHaveLength(100);
  });
});
