import { describe, expect, it } from 'vitest';
import { CommandOutbox } from '../../../electron/main/command-outbox';

describe('CommandOutbox', () => {
  it('sends in order once the page listens, holds again while it reloads, and never sends outside the contract', () => {
    const sent: string[] = [];
    const logs: string[] = [];
    const outbox = new CommandOutbox(
      (c) => sent.push(c.type),
      (m) => logs.push(m),
    );
    outbox.push({ type: 'save' });
    outbox.push({ type: 'export' });
    outbox.listen();
    outbox.push({ type: 'new' });
    outbox.reset();
    outbox.push({ type: 'open' });
    expect(sent).toEqual(['save', 'export', 'new']);
    outbox.listen();
    expect(sent).toEqual(['save', 'export', 'new', 'open']);
    outbox.push({ type: 'opened', document: { handle: 'short', name: 'x', location: '/', text: '' } });
    outbox.push({ type: 'delete-everything' } as never);
    expect(sent).toHaveLength(4);
    expect(logs).toHaveLength(2);
  });
});
