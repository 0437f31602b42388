import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../electron/cli/io';
import { runCli } from '../../electron/cli/run';
import { workFolder } from './support/cli';

/** An io that records what the program prints; `user` can be made to fail like a bug would. */
function recordingIo(user: () => string = () => 'admin') {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    stdin: () => Buffer.alloc(0),
    now: () => '2013-03-14T10:00:00.000Z',
    user,
    timeZone: () => 'UTC',
  };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('exit codes', () => {
  it('an unexpected internal error exits 70 and asks for a report', async () => {
    const { io, err } = recordingIo(() => {
      throw new TypeError('a bug');
    });
    const args = [
      'new',
      '--name',
      'HQ',
      '--product',
      'lync2013',
      '--sip-domain',
      'contoso.com',
      '--pool',
      'pool01.contoso.local:enterprise-front-end',
      '--out',
      join(workFolder(), 'hq.lyncrunbook'),
    ];
    expect(await runCli(args, io)).toBe(70);
    expect(err()).toMatch(/unexpected error.*Please report it\.\n.*a bug/);
  });

  it('the help and the README list 70 beside 0, 1 and 2', async () => {
    const { io, out } = recordingIo();
    expect(await runCli(['--help'], io)).toBe(0);
    const help = flat(out());
    expect(help).toContain('Exit codes: 0 done; 1 refused by the deployment');
    expect(help).toContain('; 2 bad input');
    expect(help).toContain('; 70 an unexpected internal error (please report it).');
    const readme = flat(readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8'));
    expect(readme).toMatch(
      /\*\*Exit codes\.\*\* `0` done; `1` refused .*; `2` bad input .*; `70` an unexpected internal error \(please report it\)\./,
    );
  });
});
