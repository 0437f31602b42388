import fc from 'fast-check';
import type { ChecklistItemId } from '../../../renderer/core/model/remediation';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Parser } from 'web-tree-sitter';
import type { OAuthAssignment } from '../../../renderer/core/gate/gate';
import type { Deployment } from '../../../renderer/core/model/deployment';
import { quoteLiteral } from '../../../renderer/core/powershell/quote';
import type { ScriptContext, ScriptOptions } from '../../../renderer/core/powershell/script';
import { buildScripts, type ScriptRequest } from '../../../renderer/core/powershell/scripts';
import { validateFqdn, validateIsoDate, validateThumbprint } from '../../../renderer/core/powershell/validators';
import { FIELD_REPORT_OAUTH, fieldReport } from './fixtures/deployments';
import { decodeVerbatim, parse, powershellParser, syntaxProblems, verbatimStrings } from './tree-sitter';

/**
 * Adversarial values through every input that reaches a script. Each value is either refused with a
 * message, or shows up in the script only inside single-quoted literals that PowerShell reads back as
 * exactly the (normalised) value, and the script still parses. Runs: FUZZ_RUNS (2,000 by default;
 * `npm run test:fuzz` sets 100,000).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);

let parser: Parser;
beforeAll(async () => {
  parser = await powershellParser();
});

/** Characters and sequences that break out of strings, comments or lines in PowerShell (or try to). */
const DANGER = [
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
function adversarial(
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
const fqdnish = fc.oneof(
  adversarial(['fe02', 'contoso', 'local', '.', '-', 'a', 'FE', '0', 'x1', '.contoso.local']),
  validFqdn,
);
const pathish = adversarial(
  ['dir', 'CsConfig', 'O', 'a b', 'x', '\\', '.zip', 'CON', 'nul', 'c$', 'share'],
  ['C:\\', 'D:\\dir\\', '\\\\srv\\share$\\', '\\\\fs01.contoso.local\\x\\', '', 'C:', '\\', 'c:/'],
  ['.zip', '\\a.zip', '', '.ZIP', ' ', '.', '\\'],
);
const hex = fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF'), minLength: 40, maxLength: 40 });
const thumbprintish = fc.oneof(
  hex,
  hex.chain((h) =>
    fc
      .array(fc.integer({ min: 0, max: 40 }), { maxLength: 6 })
      .map((cuts) => [...h].map((c, i) => (cuts.includes(i) ? ` ${c}` : c)).join('')),
  ),
  adversarial(['ab', 'CD', '0123456789', ' ', 'ef01'], ['', '\u200E'], ['', ' ']),
);
const dateish = fc.oneof(
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
const existingOrAdversarial = fc.oneof(serverName, fqdnish);

/** One input that reaches a script: how to put a value into it, which scripts show it, its normal form. */
interface Input {
  readonly name: string;
  readonly values: fc.Arbitrary<string>;
  /** A value of this input with `inject` placed where it is most likely to get through validation. */
  readonly around: (inject: string) => string;
  readonly build: (value: string) => { context: ScriptContext; server: string; requests: readonly ScriptRequest[] };
  /** The form the value takes in scripts once accepted. */
  readonly normal: (value: string) => string;
  /** What a refusal must mention, so the admin knows which field is wrong. */
  readonly mentions: RegExp;
}

const base = fieldReport('lync2013');
const withDeployment = (
  deployment: Deployment,
  oauth: OAuthAssignment | null = FIELD_REPORT_OAUTH,
  options: ScriptOptions = {},
): ScriptContext => ({ deployment, oauth, options });
const rename = (from: string, to: string) => (fqdn: string) => (fqdn === from ? to : fqdn);
const lower = (value: string) => {
  const checked = validateFqdn(value, 'x');
  return checked.ok ? checked.value : value;
};
const A = (item: ChecklistItemId): ScriptRequest => ({ kind: 'remediation', path: 'A', item });
const B = (item: ChecklistItemId): ScriptRequest => ({ kind: 'remediation', path: 'B', item });
const C = (item: ChecklistItemId): ScriptRequest => ({ kind: 'remediation', path: 'C', item });

const INPUTS: readonly Input[] = [
  {
    name: 'server FQDN',
    values: fqdnish,
    around: (x) => `fe${x}02.contoso.local`,
    build: (value) => ({
      context: withDeployment({
        ...base,
        servers: base.servers.map((s) => ({ ...s, fqdn: rename('fe02.contoso.local', value)(s.fqdn) })),
      }),
      server: value,
      requests: [{ kind: 'verify' }, B('cms-running')],
    }),
    normal: lower,
    mentions: /^Server "|^The server "|^Enter the FQDN of server /,
  },
  {
    name: 'pool FQDN',
    values: fqdnish,
    around: (x) => `fe${x}pool.contoso.local`,
    build: (value) => {
      const sfb = fieldReport('sfb2015');
      const to = rename('fepool.contoso.local', value);
      return {
        context: withDeployment({
          ...sfb,
          cmsPool: to(sfb.cmsPool!),
          pools: sfb.pools.map((p) => ({ ...p, fqdn: to(p.fqdn) })),
          servers: sfb.servers.map((s) => ({ ...s, pool: to(s.pool) })),
        }),
        server: 'fe01.contoso.local',
        requests: [{ kind: 'step', step: 4 }],
      };
    },
    normal: lower,
    mentions: /Pool "|pool "|CMS pool "|FQDN of pool |Choose the pool/,
  },
  {
    name: 'SIP domain',
    values: fqdnish,
    around: (x) => `con${x}toso.com`,
    build: (value) => ({
      context: withDeployment({ ...base, sipDomain: value }),
      server: 'fe02.contoso.local',
      requests: [{ kind: 'step', step: 3 }],
    }),
    normal: lower,
    mentions: /^The SIP domain "|^Enter the default SIP domain/,
  },
  {
    name: 'export path',
    values: pathish,
    around: (x) => `C:\\Cs${x}Config\\Cs${x}.zip`,
    build: (value) => ({
      context: withDeployment(base, FIELD_REPORT_OAUTH, { route: 'file', exportPath: value }),
      server: 'fe02.contoso.local',
      requests: [A('export'), A('import')],
    }),
    normal: (v) => v,
    mentions: /^The export file "/,
  },
  {
    name: 'import path',
    values: pathish,
    around: (x) => `\\\\srv\\share$\\${x}\\in${x}.zip`,
    build: (value) => ({
      context: withDeployment(base, FIELD_REPORT_OAUTH, { route: 'file', importPath: value }),
      server: 'edge01.perimeter.contoso.com',
      requests: [A('export'), A('import'), { kind: 'step', step: 1 }],
    }),
    normal: (v) => v,
    mentions: /^The file to import "/,
  },
  {
    name: 'copy destination',
    values: pathish,
    around: (x) => `\\\\edge01\\c$\\Drop${x}`,
    build: (value) => ({
      context: withDeployment(base, FIELD_REPORT_OAUTH, { route: 'file', copyTo: value }),
      server: 'edge01.perimeter.contoso.com',
      requests: [A('export')],
    }),
    normal: (v) => v,
    mentions: /^The folder to copy the export to "/,
  },
  {
    name: 'source server',
    values: existingOrAdversarial,
    around: (x) => `fe0${x}1.contoso.local`,
    build: (value) => ({
      context: withDeployment(base, FIELD_REPORT_OAUTH, { route: 'file', sourceServer: value }),
      server: 'edge01.perimeter.contoso.com',
      requests: [A('export'), { kind: 'step', step: 1 }],
    }),
    normal: lower,
    mentions: /^The server to export from/,
  },
  {
    name: 'OAuth server',
    values: existingOrAdversarial,
    around: (x) => `fe${x}01.contoso.local`,
    build: (value) => ({
      context: withDeployment(base, { ...FIELD_REPORT_OAUTH, server: value }),
      server: 'fe03.contoso.local',
      requests: [{ kind: 'step', step: 3 }, C('replication-complete')],
    }),
    normal: lower,
    mentions: /^The server where the OAuthTokenIssuer certificate was assigned "/,
  },
  {
    name: 'OAuth thumbprint',
    values: thumbprintish,
    around: (x) => `3A5F9C2E7B1D4E8F0A6C${x}3B9D2E5F7A1C4B8D0E6F`,
    build: (value) => ({
      context: withDeployment(base, { ...FIELD_REPORT_OAUTH, thumbprint: value }),
      server: 'fe02.contoso.local',
      requests: [{ kind: 'step', step: 3 }],
    }),
    normal: (v) => {
      const checked = validateThumbprint(v, 'x');
      return checked.ok ? checked.value : v;
    },
    mentions: /^The OAuthTokenIssuer thumbprint "/,
  },
  {
    name: 'OAuth time',
    values: dateish,
    around: (x) => `2012-11-24T19:40:00${x}Z`,
    build: (value) => ({
      context: withDeployment(base, { ...FIELD_REPORT_OAUTH, at: value }),
      server: 'fe02.contoso.local',
      requests: [B('event-3038'), C('replication-complete')],
    }),
    normal: (v) => {
      const checked = validateIsoDate(v, 'x');
      return checked.ok ? checked.value : v;
    },
    mentions: /^The time the OAuthTokenIssuer certificate was assigned "/,
  },
  {
    name: 'thumbprint to assign',
    values: thumbprintish,
    around: (x) => `00112233445566778899${x}aabbccddeeff00112233`,
    build: (value) => ({
      context: withDeployment(base, null, { oauthThumbprint: value }),
      server: 'fe01.contoso.local',
      requests: [{ kind: 'step', step: 3 }],
    }),
    normal: (v) => {
      const checked = validateThumbprint(v, 'x');
      return checked.ok ? checked.value : v;
    },
    mentions: /^The thumbprint to assign "/,
  },
  {
    name: 'target server',
    values: existingOrAdversarial,
    around: (x) => `fe0${x}2.contoso.local`,
    build: (value) => ({
      context: withDeployment(base),
      server: value,
      requests: [{ kind: 'verify' }, { kind: 'step', step: 1 }],
    }),
    normal: lower,
    mentions: /^The server "|^Server "/,
  },
];

/** Occurrences of `needle` in `text` (UTF-16 offsets). */
function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) found.push(at);
  return found;
}

/** Where the value shows in one script: parses cleanly, only inside literals, and one literal reads back as it. */
function checkScript(text: string, value: string, where: string): boolean {
  const tree = parse(parser, text);
  try {
    const problems = syntaxProblems(tree);
    if (problems.length > 0) throw new Error(`${where}: does not parse: ${problems.join('; ')}\n${text}`);
    const strings = verbatimStrings(tree);
    const escaped = quoteLiteral(value).slice(1, -1);
    for (const at of occurrences(text, escaped)) {
      if (!strings.some((s) => s.start < at && at + escaped.length < s.end)) {
        throw new Error(
          `${where}: the value ${JSON.stringify(value)} appears outside a single-quoted literal at offset ${at}\n${text}`,
        );
      }
    }
    return strings.some((s) => decodeVerbatim(s.text) === value);
  } finally {
    tree.delete();
  }
}

/** The property for one input and one value; returns whether it was refused. */
function check(input: Input, value: string): 'refused' | 'accepted' {
  const { context, server, requests } = input.build(value);
  const results = requests.map((request) => buildScripts(context, server, request));
  const refused = results.filter((r) => !r.ok);
  if (refused.length > 0) {
    expect(refused.length, `${input.name}: refused for some scripts only`).toBe(results.length);
    for (const result of refused) {
      if (result.ok) continue;
      expect(result.errors.length).toBeGreaterThan(0);
      for (const error of result.errors) expect(error).toMatch(/\S.*\.$/s);
      expect(
        result.errors.some((e) => input.mentions.test(e)),
        `${input.name}: ${result.errors.join(' | ')}`,
      ).toBe(true);
    }
    return 'refused';
  }
  const expected = input.normal(value);
  let seen = false;
  for (const result of results) {
    if (!result.ok) continue;
    for (const script of result.scripts)
      seen = checkScript(script.text, expected, `${input.name} / ${script.id}`) || seen;
  }
  expect(seen, `${input.name}: the accepted value ${JSON.stringify(expected)} is in no literal of its scripts`).toBe(
    true,
  );
  return 'accepted';
}

describe('adversarial values in every input that reaches a script', () => {
  it('are refused with a message or stay inside single-quoted literals (every dangerous piece, every input)', () => {
    const outcomes = { refused: 0, accepted: 0 };
    for (const input of INPUTS) {
      for (const piece of DANGER) outcomes[check(input, input.around(piece))] += 1;
    }
    // Both outcomes occur, so both halves of the property are exercised.
    expect(outcomes.refused).toBeGreaterThan(0);
    expect(outcomes.accepted).toBeGreaterThan(0);
  });

  it(
    `hold for ${RUNS} random values spread over every input`,
    () => {
      const outcomes = { refused: 0, accepted: 0 };
      const started = performance.now();
      fc.assert(
        fc.property(
          fc
            .integer({ min: 0, max: INPUTS.length - 1 })
            .chain((i) => fc.tuple(fc.constant(INPUTS[i]!.name), INPUTS[i]!.values)),
          ([name, value]) => {
            outcomes[
              check(
                INPUTS.find((input) => input.name === name)!,
                value,
              )
            ] += 1;
          },
        ),
        { numRuns: RUNS },
      );
      expect(outcomes.accepted).toBeGreaterThan(RUNS / 20);
      console.info(
        `injection property: ${RUNS} runs (${outcomes.accepted} accepted, ${outcomes.refused} refused) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    },
    120_000 + RUNS * 25,
  );

  it('keep numbers out of strings: the wait is a whole number of minutes or refused', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer(), fc.double(), fc.constantFrom(Number.NaN, Infinity, -Infinity, 0, 1, 120, 121, 1e21, -0)),
        (minutes) => {
          const result = buildScripts(
            withDeployment(base, FIELD_REPORT_OAUTH, { waitMinutes: minutes }),
            'fe02.contoso.local',
            B('event-3038'),
          );
          if (!result.ok) {
            expect(result.errors).toEqual([
              `The wait for event 3038 (${String(minutes)} minutes) must be a whole number of minutes from 1 to 120.`,
            ]);
            return;
          }
          expect(Number.isInteger(minutes) && minutes >= 1 && minutes <= 120).toBe(true);
          expect(result.scripts[0]!.text).toContain(`\n$TimeoutMinutes = ${minutes}\n`);
        },
      ),
      { numRuns: Math.min(RUNS, 2000) },
    );
  });

  it('refuse any export route but the two the app knows', () => {
    fc.assert(
      fc.property(adversarial(['bytes', 'file', ' ', 'FILE']), (route) => {
        const result = buildScripts(
          withDeployment(base, FIELD_REPORT_OAUTH, { route: route as 'file' }),
          'fe02.contoso.local',
          A('import'),
        );
        expect(result.ok).toBe(route === 'bytes' || route === 'file');
      }),
      { numRuns: Math.min(RUNS, 2000) },
    );
  });

  it('never put the deployment name or the operator into a script', () => {
    fc.assert(
      fc.property(adversarial(['Contoso', ' ', 'HQ']), (text) => {
        const marker = `QQ${text}QQ`;
        const deployment = { ...base, name: `Name ${marker}` };
        for (const request of [
          { kind: 'verify' } as const,
          A('import'),
          B('event-3038'),
          { kind: 'step', step: 3 } as const,
        ]) {
          const result = buildScripts(
            withDeployment(deployment, { ...FIELD_REPORT_OAUTH, operator: marker }),
            'fe02.contoso.local',
            request,
          );
          expect(result.ok).toBe(true);
          if (result.ok) for (const script of result.scripts) expect(script.text.includes('QQ')).toBe(false);
        }
      }),
      { numRuns: Math.min(RUNS, 500) },
    );
  });
});
