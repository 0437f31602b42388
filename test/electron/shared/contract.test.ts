import { describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS } from '../../../electron/shared/channels';
import { CONTRACT, hostCommandSchema, MAX_DOCUMENT_CHARS } from '../../../electron/shared/schemas';
import { MAX_DOCUMENT_BYTES } from '../../../renderer/core/document/document';

describe('the IPC contract', () => {
  it('names every channel noun:verb, once', () => {
    const names = Object.values(INVOKE_CHANNELS);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z]+:[a-z]+(-[a-z]+)*$/);
    expect(Object.keys(CONTRACT).sort()).toEqual([...names].sort());
  });

  it('has the channels the desktop needs', () => {
    expect(Object.values(INVOKE_CHANNELS)).toEqual(
      expect.arrayContaining([
        'document:open',
        'document:save',
        'document:open-recent',
        'recent:list',
        'recent:forget',
        'recovery:write',
        'recovery:clear',
        'recovery:find',
        'runbook:export',
        'clipboard:write',
        'app:info',
        'app:set-dirty',
      ]),
    );
  });

  it('keeps the document limit equal to the core', () => {
    expect(MAX_DOCUMENT_CHARS).toBe(MAX_DOCUMENT_BYTES);
  });

  it('never lets the page name a path to write: no request field is a path, except the drop (read-only, checked by main)', () => {
    for (const [channel, { request }] of Object.entries(CONTRACT)) {
      const shape = (request as { shape?: Record<string, unknown> }).shape ?? {};
      const keys = Object.keys(shape);
      if (channel === 'document:open-dropped') expect(keys).toEqual(['path']);
      else
        expect(
          keys.filter((k) => /path|file|folder|directory/i.test(k)),
          channel,
        ).toEqual([]);
    }
  });

  it('accepts the commands the Host knows and nothing else', () => {
    for (const type of ['new', 'open', 'save', 'save-as', 'export', 'about'])
      expect(hostCommandSchema.safeParse({ type }).success).toBe(true);
    expect(
      hostCommandSchema.safeParse({
        type: 'opened',
        document: { handle: 'abcdefghijklmnopq', name: 'a.lyncrunbook', location: '/x', text: '{}' },
      }).success,
    ).toBe(true);
    expect(hostCommandSchema.safeParse({ type: 'eval', code: 'x' }).success).toBe(false);
    expect(hostCommandSchema.safeParse({ type: 'new', extra: 1 }).success).toBe(false);
  });
});
