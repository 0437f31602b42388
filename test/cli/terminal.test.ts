// What the command line prints to a terminal cannot drive the terminal, and a huge value is not echoed whole.
import { describe, expect, it } from 'vitest';
import { capMessage, MAX_MESSAGE, terminalSafe } from '../../electron/cli/io';
import { runCli } from '../../electron/cli/run';
import type { CliIo } from '../../electron/cli/io';

describe('printing to a terminal', () => {
  it('shows escape sequences and bidi marks as their codes, keeping tabs and newlines', () => {
    expect(terminalSafe('fe01\u001b]0;pwned\u0007.contoso.local\tok\n')).toBe(
      'fe01\\u001B]0;pwned\\u0007.contoso.local\tok\n',
    );
    expect(terminalSafe('\u202Elacol.osotnoc.10ef')).toBe('\\u202Elacol.osotnoc.10ef');
    expect(terminalSafe('\u009b31m red \u200e')).toBe('\\u009B31m red \\u200E');
    expect(terminalSafe('plain text, é and 日本')).toBe('plain text, é and 日本');
  });

  it('cuts a message to its limit and says how much was left out', () => {
    expect(capMessage('short')).toBe('short');
    const long = capMessage('x'.repeat(5_000_000));
    expect(long.length).toBeLessThan(MAX_MESSAGE + 80);
    expect(long).toContain('(4,996,000 more characters not shown)');
  });

  it('does not echo a 5 MB value whole in an error', async () => {
    const errors: string[] = [];
    const io: CliIo = {
      out: () => undefined,
      err: (t) => errors.push(t),
      stdin: () => Buffer.alloc(0),
      now: () => '2013-03-14T10:00:00.000Z',
      user: () => 'tester',
      timeZone: () => 'UTC',
    };
    const code = await runCli(['export', 'x'.repeat(5_000_000) + '.lyncrunbook', '--format', 'md'], io);
    expect(code).toBe(2);
    expect(errors.join('').length).toBeLessThan(MAX_MESSAGE + 400);
    expect(errors.join('')).toContain('more characters not shown');
  });
});
