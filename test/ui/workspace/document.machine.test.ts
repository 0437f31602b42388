import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HostError } from '../../../renderer/host/host';
import { RECOVERY_HELD } from '../../../renderer/ui/workspace/document.words';
import { SAMPLE, settle, startShell } from './shell-kit';

const step = (n: 1 | 2, server = 'dir01.contoso.local') => ({ type: 'step.completed' as const, server, step: n });

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** A shell with the sample open, as after the first start. */
async function withSample(fakes: Parameters<typeof startShell>[0] = {}) {
  const shell = startShell({ boot: async () => ({ recovered: null, firstStart: true }), ...fakes });
  await vi.advanceTimersByTimeAsync(0);
  expect(shell.view()?.name).toBe('sample');
  return shell;
}

describe('the document shell', () => {
  it('autosaves each change, and says so when the recovery copy cannot be written', async () => {
    let fail = true;
    const shell = await withSample({
      write: async () => {
        if (fail) throw new HostError('The disk is full.');
      },
    });
    shell.workspace().record(step(1));
    expect(shell.view()!.dirty).toBe(true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(shell.view()!.autosaveError).toBe('The disk is full.');
    fail = false;
    shell.workspace().record(step(2));
    await vi.advanceTimersByTimeAsync(1000);
    expect(shell.view()!.autosaveError).toBeNull();
    expect(shell.calls.filter((c) => c === 'write')).toHaveLength(2);
  });

  it('stays dirty when a change is recorded while a save is under way', async () => {
    let release: () => void = () => undefined;
    const shell = await withSample({
      save: () =>
        new Promise((resolve) => (release = () => resolve({ handle: 'h', name: 'x.lyncrunbook', location: 'memory' }))),
    });
    shell.workspace().record(step(1));
    shell.actor.send({ type: 'save' });
    shell.workspace().record(step(2));
    release();
    await settle();
    expect(shell.view()!.dirty).toBe(true);
    shell.actor.send({ type: 'save' });
    release();
    await settle();
    expect(shell.view()!.dirty).toBe(false);
    expect(shell.view()).toMatchObject({ handle: 'h', name: 'x.lyncrunbook' });
    expect(shell.notices()).toEqual(['Sample deployment', 'Saved', 'Saved']);
  });

  it('asks before unsaved changes would be lost, and does what the admin chose', async () => {
    const shell = await withSample();
    shell.workspace().record(step(1));
    const first = shell.workspace();
    shell.actor.send({ type: 'request', request: { kind: 'open-sample' } });
    expect(shell.actor.getSnapshot().matches({ ready: { request: 'confirming' } })).toBe(true);
    shell.actor.send({ type: 'choose', choice: 'cancel' });
    expect(shell.workspace()).toBe(first);
    expect(shell.view()!.dirty).toBe(true);
    // Save: saved quietly, then replaced.
    shell.actor.send({ type: 'request', request: { kind: 'open-sample' } });
    shell.actor.send({ type: 'choose', choice: 'save' });
    await settle();
    expect(shell.calls).toContain('save');
    expect(shell.workspace()).not.toBe(first);
    expect(shell.notices().filter((n) => n === 'Saved')).toEqual([]);
    // Don't save: replaced as it is.
    const second = shell.workspace();
    second.record(step(1));
    shell.actor.send({ type: 'request', request: { kind: 'open-sample' } });
    shell.actor.send({ type: 'choose', choice: 'discard' });
    expect(shell.workspace()).not.toBe(second);
    expect(shell.view()!.dirty).toBe(false);
  });

  it('lets a new deployment in after "Don\'t save" before New, and asks again once there are new changes', async () => {
    const shell = await withSample();
    shell.workspace().record(step(1));
    shell.actor.send({ type: 'request', request: { kind: 'new' } });
    shell.actor.send({ type: 'choose', choice: 'discard' });
    expect(shell.emitted.some((e) => e.type === 'setup')).toBe(true);
    const created = { workspace: shell.workspace(), meta: { handle: null, name: 'New', location: 'not saved yet' } };
    // The setup screen was cancelled and the old deployment changed again: the choice no longer holds.
    shell.workspace().record(step(2));
    shell.actor.send({ type: 'request', request: { kind: 'create', document: created } });
    expect(shell.actor.getSnapshot().matches({ ready: { request: 'confirming' } })).toBe(true);
    shell.actor.send({ type: 'choose', choice: 'discard' });
    expect(shell.view()).toMatchObject({ name: 'New', dirty: true });
  });

  it('keeps unsaved work from last time it cannot open, writes no recovery copy over it, and resumes once it is settled', async () => {
    const shell = startShell({
      boot: async () => ({
        recovered: {
          handle: null,
          name: 'Contoso HQ',
          text: '{"format":"lync-runbook",',
          at: '2026-03-14T10:00:00.000Z',
        },
        firstStart: false,
      }),
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(shell.actor.getSnapshot().context.held).toMatchObject({ name: 'Contoso HQ' });
    shell.actor.send({ type: 'request', request: { kind: 'open-sample' } });
    shell.workspace().record(step(1));
    await vi.advanceTimersByTimeAsync(1000);
    expect(shell.calls.filter((c) => c === 'write' || c === 'clear')).toEqual([]);
    expect(shell.view()!.autosaveError).toBe(RECOVERY_HELD);
    // A save does not clear the held copy either.
    shell.actor.send({ type: 'save' });
    await settle();
    expect(shell.calls.filter((c) => c === 'clear')).toEqual([]);
    shell.workspace().record(step(2));
    await vi.advanceTimersByTimeAsync(1000);
    shell.actor.send({ type: 'recovery.discard' });
    await settle();
    expect(shell.actor.getSnapshot().context.held).toBeNull();
    // Cleared once by the admin's choice, then this document's copy is written again.
    expect(shell.calls.filter((c) => c === 'write' || c === 'clear')).toEqual(['clear', 'write']);
  });

  it('opens unsaved work from last time with its changes still unsaved, and autosaves it', async () => {
    const shell = startShell({
      boot: async () => ({
        recovered: { handle: 'h9', name: 'HQ', text: SAMPLE.text, at: '2026-03-14T10:00:00.000Z' },
        firstStart: false,
      }),
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(shell.view()).toMatchObject({ handle: 'h9', name: 'HQ', location: 'recovered', dirty: true });
    expect(shell.emitted).toContainEqual({ type: 'opened', recovered: true });
    await vi.advanceTimersByTimeAsync(1000);
    expect(shell.calls).toContain('write');
  });

  it('refuses a file that is not a deployment with a message, and keeps what was open', async () => {
    const shell = await withSample({
      choose: async () => ({ handle: 'h2', name: 'notes.txt', location: 'memory', text: 'hello' }),
    });
    const before = shell.workspace();
    shell.actor.send({ type: 'request', request: { kind: 'open' } });
    await settle();
    expect(shell.workspace()).toBe(before);
    expect(shell.notices()).toContain('This file was not opened');
  });

  it('closes the deployment, clearing its recovery copy, and opens the next even while the copy is still being cleared', async () => {
    let release: () => void = () => undefined;
    const shell = await withSample({ clear: () => new Promise<void>((resolve) => (release = resolve)) });
    shell.actor.send({ type: 'request', request: { kind: 'close' } });
    await settle();
    expect(shell.actor.getSnapshot().context.document).toBeNull();
    expect(shell.emitted.some((e) => e.type === 'closed')).toBe(true);
    expect(shell.calls).toContain('clear');
    // The start screen's Open the sample, before the host has finished clearing.
    shell.actor.send({ type: 'request', request: { kind: 'open-sample' } });
    await settle();
    expect(shell.view()?.name).toBe('sample');
    release();
    await settle();
    expect(shell.view()?.name).toBe('sample');
  });
});
