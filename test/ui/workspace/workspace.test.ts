import { describe, expect, it } from 'vitest';
import { sampleWorkspace } from '../workspaces';

describe('the workspace', () => {
  it('refuses to record without an operator, and says what to do', () => {
    const workspace = sampleWorkspace();
    workspace.setOperator('');
    const result = workspace.record({ type: 'step.completed', server: 'dir01.contoso.local', step: 1 });
    expect(result).toEqual({
      ok: false,
      message: 'Enter your name in "Operator" (top right) first, so the runbook says who did what.',
    });
  });
});
