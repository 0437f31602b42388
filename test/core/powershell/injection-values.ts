// Adversarial values for the script-injection tests: dangerous pieces, and generators for each kind of input.
import fc from 'fast-check';

/** Characters and sequences that break out of strings, comments or lines in PowerShell (or try to). */
export const DANGER = [
  "'",
  '\u2018',
  '\u2019',
  '\u201A',
  '\u201B',
  "''",
  '\u2019\u2019',
  '"',
  '\u201C',
  '\u201D',
  '\u201E',
  '`',
  '`n',
  '$',
  '$(',
  '$(whoami)',
  '${',
  '${x}',
  '$env:PATH',
  '@(',
  '@{',
  ';',
  '|',
  '&',
  '&&',
  '||',
  '\n',
  '\r',
  '\r\n',
  '\u2028',
  '\u2029',
  '\u0085',
  '#',
  '<#',
  '#>',
  '\u0000',
  '\u0001',
  '\u0008',
  '\u001b',
  '\u007f',
  '\u009b',
  '\t',
  '\v',
  '\f',
  '😀',
  '\uD83D',
  '\uDE00',
  '👩‍💻',
  ' ',
  '\u00A0',
  '\u200E',
  '\u202E',
  '\uFEFF',
  '(',
  ')',
  '{',
  '}',
  '[',
  ']',
  '\\',
  '/',
  ':',
  '*',
  '?',
  '<',
  '>',
  '-',
  '.',
  '..',
  '%',
  '^',
  '~',
  ',',
  '=',
  '+',
  '-Force',
  ' -LocalStore',
  'Remove-Item C:\\ -Recurse',
];

const danger = fc.constantFrom(...DANGER);
/** Quotes get their own weight: they are what a literal must survive. */
const quote = fc.constantFrom("'", '\u2018', '\u2019', '\u201A', '\u201B', '"', '\u201C', '\u201D', '\u201E', '`');

/** Values made of a kind's own good parts mixed with dangerous ones, random text, and very long runs. */
export function adversarial(
  parts: readonly string[],
  prefixes: readonly string[] = [''],
  suffixes: readonly string[] = [''],
): fc.Arbitrary<string> {
  const piece = fc.oneof(
    { weight: 3, arbitrary: danger },
    { weight: 2, arbitrary: quote },
    { weight: 4, arbitrary: fc.constantFrom(...parts) },
    { weight: 1, arbitrary: fc.string({ maxLength: 4, unit: 'binary' }) },
    { weight: 1, arbitrary: fc.string({ maxLength: 6, unit: 'grapheme' }) },
  );
  const body = fc
    .tuple(fc.constantFrom(...prefixes), fc.array(piece, { maxLength: 8 }), fc.constantFrom(...suffixes))
    .map(([p, xs, s]) => p + xs.join('') + s);
  const long = fc
    .tuple(body, fc.integer({ min: 40, max: 600 }))
    .map(([s, n]) => (s.length === 0 ? 'x' : s).repeat(n).slice(0, 6000));
  return fc.oneof({ weight: 12, arbitrary: body }, { weight: 1, arbitrary: long });
}

const randomCase = (s: string) =>
  fc
    .array(fc.boolean(), { minLength: s.length, maxLength: s.length })
    .map((flags) => [...s].map((c, i) => (flags[i] ? c.toUpperCase() : c)).join(''));
const validFqdn = fc.domain().chain(randomCase);
export const fqdnish = fc.oneof(
  adversarial(['fe02', 'contoso', 'local', '.', '-', 'a', 'FE', '0', 'x1', '.contoso.local']),
  validFqdn,
);
export const pathish = adversarial(
  ['dir', 'CsConfig', 'O', 'a b', 'x', '\\', '.zip', 'CON', 'nul', 'c$', 'share'],
  ['C:\\', 'D:\\dir\\', '\\\\srv\\share$\\', '\\\\fs01.contoso.local\\x\\', '', 'C:', '\\', 'c:/'],
  ['.zip', '\\a.zip', '', '.ZIP', ' ', '.', '\\'],
);
const hex = fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF'), minLength: 40, maxLength: 40 });
export const thumbprintish = fc.oneof(
  hex,
  hex.chain((h) =>
    fc
      .array(fc.integer({ min: 0, max: 40 }), { maxLength: 6 })
      .map((cuts) => [...h].map((c, i) => (cuts.includes(i) ? ` ${c}` : c)).join('')),
  ),
  adversarial(['ab', 'CD', '0123456789', ' ', 'ef01'], ['', '\u200E'], ['', ' ']),
);
export const dateish = fc.oneof(
  fc
    .tuple(
      fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }),
      fc.constantFrom('Z', '+01:00', '-05:30', '+14:00'),
    )
    .map(([d, zone]) => d.toISOString().replace('Z', zone)),
  adversarial(
    ['2012', '-11-24', 'T19:40:00', 'Z', '+01:00', '.123', '2012-11-24T19:40:00'],
    ['', '2012-11-24T19:40:00Z'],
  ),
);
const serverName = fc
  .constantFrom(
    'fe01.contoso.local',
    'fe02.contoso.local',
    'fe03.contoso.local',
    'dir01.contoso.local',
    'edge01.perimeter.contoso.com',
  )
  .chain(randomCase);
export const existingOrAdversarial = fc.oneof(serverName, fqdnish);
