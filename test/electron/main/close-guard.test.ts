import { describe, expect, it } from 'vitest';
import {
  choiceOf,
  CloseGuard,
  SAVE_START_TIMEOUT_MS,
  unsavedChangesPrompt,
  type CloseChoice,
} from '../../../electron/main/close-guard';

function setup(answer: CloseChoice) {
  const events: string[] = [];
  let timer: (() => void) | null = null;
  const guard = new CloseGuard({
    ask: async (title) => {
      events.push(`ask ${title}`);
      return answer;
    },
    requestSave: () => events.push('push save'),
    close: () => events.push('close'),
    discardRecovery: async () => {
      events.push('discard recovery');
    },
    setTimer: (callback, ms) => {
      expect(ms).toBe(SAVE_START_TIMEOUT_MS);
      timer = callback;
      return 1;
    },
    clearTimer: () => {
      timer = null;
    },
    log: (m) => events.push(`log ${m}`),
  });
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return { guard, events, settle, fireTimer: () => timer?.() };
}

describe('CloseGuard', () => {
  it('lets a window without unsaved changes close, and removes the recovery copy', async () => {
    const { guard, events, settle } = setup('cancel');
    expect(guard.onCloseRequested()).toBe(true);
    await settle();
    expect(events).toEqual(['discard recovery']);
  });

  it('asks before closing with unsaved changes; Cancel keeps the window and the recovery copy', async () => {
    const { guard, events, settle } = setup('cancel');
    guard.setDirty(true, 'Contoso HQ');
    expect(guard.onCloseRequested()).toBe(false);
    await settle();
    expect(events).toEqual(['ask Contoso HQ']);
  });

  it("Don't Save discards the recovery copy and closes", async () => {
    const { guard, events, settle } = setup('discard');
    guard.setDirty(true, 'Contoso HQ');
    expect(guard.onCloseRequested()).toBe(false);
    await settle();
    expect(events).toEqual(['ask Contoso HQ', 'discard recovery', 'close']);
    // The close that follows goes through.
    expect(guard.onCloseRequested()).toBe(true);
  });

  it('Save asks the page to save, and closes once that save succeeded', async () => {
    const { guard, events, settle } = setup('save');
    guard.setDirty(true, 'Contoso HQ');
    guard.onCloseRequested();
    await settle();
    expect(events).toEqual(['ask Contoso HQ', 'push save']);
    guard.saveStarted();
    guard.saveFinished(true);
    await settle();
    expect(events.slice(2)).toEqual(['discard recovery', 'close']);
    expect(guard.onCloseRequested()).toBe(true);
  });

  it('Save then a cancelled or failed save keeps the window open and the changes', async () => {
    const { guard, events, settle } = setup('save');
    guard.setDirty(true, 'Contoso HQ');
    guard.onCloseRequested();
    await settle();
    guard.saveStarted();
    guard.saveFinished(false);
    await settle();
    expect(events).toEqual(['ask Contoso HQ', 'push save']);
    expect(guard.isDirty()).toBe(true);
    // Asking again works.
    expect(guard.onCloseRequested()).toBe(false);
  });

  it('calls the close off when the page never starts saving, but not once a save dialog is open', async () => {
    const stalled = setup('save');
    stalled.guard.setDirty(true, 'x');
    stalled.guard.onCloseRequested();
    await stalled.settle();
    stalled.fireTimer();
    stalled.guard.saveFinished(true);
    await stalled.settle();
    expect(stalled.events).not.toContain('close');

    const slow = setup('save');
    slow.guard.setDirty(true, 'x');
    slow.guard.onCloseRequested();
    await slow.settle();
    slow.guard.saveStarted();
    slow.fireTimer();
    slow.guard.saveFinished(true);
    await slow.settle();
    expect(slow.events).toContain('close');
  });

  it('shows one prompt at a time', async () => {
    const { guard, events, settle } = setup('cancel');
    guard.setDirty(true, 'x');
    guard.onCloseRequested();
    guard.onCloseRequested();
    await settle();
    expect(events.filter((e) => e.startsWith('ask'))).toHaveLength(1);
  });

  it("asks with Save, Don't Save and Cancel, Cancel on Escape", () => {
    const prompt = unsavedChangesPrompt('Contoso HQ');
    expect(prompt.buttons).toEqual(['Save', "Don't Save", 'Cancel']);
    expect(prompt.cancelId).toBe(2);
    expect(prompt.message).toContain('“Contoso HQ”');
    expect(unsavedChangesPrompt('  ').message).toContain('this deployment');
    expect([0, 1, 2, 3].map(choiceOf)).toEqual(['save', 'discard', 'cancel', 'cancel']);
  });
});
