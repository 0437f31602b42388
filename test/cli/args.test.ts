import { describe, expect, it } from 'vitest';
import { parseCommandArgs, parseTime, repeated } from '../../electron/cli/args';

describe('times typed with --at', () => {
  it('take any ISO 8601 time with a zone and store it in UTC', () => {
    expect(parseTime('2013-03-14T10:00:00Z', 'at', 'record')).toBe('2013-03-14T10:00:00.000Z');
    expect(parseTime('2013-03-14T11:00+01:00', 'at', 'record')).toBe('2013-03-14T10:00:00.000Z');
    expect(parseTime('2013-03-14t03:00:00.5-07:00', 'at', 'record')).toBe('2013-03-14T10:00:00.500Z');
  });

  it('refuse a time without a zone, saying to add one, and a day that does not exist', () => {
    expect(() => parseTime('2013-03-14T10:00:00', 'at', 'record')).toThrow(
      'Add the zone: Z for UTC, or an offset such as +01:00.',
    );
    expect(() => parseTime('14/03/2013 10:00', 'at', 'record')).toThrow('is not an ISO 8601 time with a zone');
    expect(() => parseTime('2013-02-29T10:00:00Z', 'at', 'record')).toThrow('is not a real moment');
    expect(parseTime('2012-02-29T10:00:00Z', 'at', 'record')).toBe('2012-02-29T10:00:00.000Z');
  });
});

describe('command arguments', () => {
  const spec = { server: { type: 'string' }, pool: { type: 'string', multiple: true } } as const;

  it('keep repeated options in order and spot --help', () => {
    const args = parseCommandArgs(
      'new',
      ['--pool', 'a.x.y:edge', '--pool', 'b.x.y:director', '-h'],
      { ...spec },
      { min: 0, max: 0, names: '' },
    );
    expect(repeated(args, 'pool')).toEqual(['a.x.y:edge', 'b.x.y:director']);
    expect(args.help).toBe(true);
  });

  it('refuse unknown options, missing values and stray arguments with the command to ask for help', () => {
    const parse = (argv: string[]) => () =>
      parseCommandArgs('check', argv, { ...spec }, { min: 1, max: 1, names: 'the deployment file' });
    expect(parse(['f', '--nope'])).toThrow('Unknown option --nope.');
    expect(parse(['f', '--server'])).toThrow("Option '--server <value>' argument missing");
    expect(parse([])).toThrow('Missing the deployment file.');
    expect(parse(['f', 'g'])).toThrow('Unexpected argument "g" after the deployment file.');
    try {
      parse(['f', 'g'])();
    } catch (error) {
      expect(error).toMatchObject({ exitCode: 2, command: 'check' });
    }
  });
});
