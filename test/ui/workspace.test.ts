import { describe, expect, it, vi } from 'vitest';
import { HostError } from '../../renderer/host/host';
import { memoryHost } from './support';
import { sampleWorkspace } from './workspaces';

describe('the workspace', () => {
  it('autosaves each change, and says so when the recovery copy cannot be written', async () => {
    vi.useFakeTimers();
    try {
      let fail = true;
      const host = memoryHost({
        autosave: async () => {
          if (fail) throw new HostError('The disk is full.');
        },
      });
      const workspace = sampleWorkspace(host);
      workspace.record({ type: 'step.completed', server: 'dir01.contoso.local', step: 1 });
      expect(workspace.getState().dirty).toBe(true);
      await vi.advanceTimersByTimeAsync(1000);
      expect(workspace.getState().autosaveError).toBe('The disk is full.');
      fail = false;
      workspace.record({ type: 'step.completed', server: 'dir01.contoso.local', step: 2 });
      await vi.advanceTimersByTimeAsync(1000);
      expect(workspace.getState().autosaveError).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('stays dirty when a change is recorded while a save is under way', async () => {
    let release: () => void = () => undefined;
    const host = memoryHost({
      saveDocument: () =>
        new Promise((resolve) => (release = () => resolve({ handle: 'h', name: 'x.lyncrunbook', location: 'memory' }))),
    });
    const workspace = sampleWorkspace(host);
    workspace.record({ type: 'step.completed', server: 'dir01.contoso.local', step: 1 });
    const saving = workspace.save();
    workspace.record({ type: 'step.completed', server: 'dir01.contoso.local', step: 2 });
    release();
    await saving;
    expect(workspace.getState().dirty).toBe(true);
    const again = workspace.save();
    release();
    await again;
    expect(workspace.getState().dirty).toBe(false);
  });

  it('refuses to record without an operator, and says what to do', () => {
    const host = memoryHost();
    const workspace = sampleWorkspace(host);
    workspace.setOperator('');
    const result = workspace.record({ type: 'step.completed', server: 'dir01.contoso.local', step: 1 });
    expect(result).toEqual({
      ok: false,
      message: 'Enter your name in "Operator" (top right) first, so the runbook says who did what.',
    });
  });
});
