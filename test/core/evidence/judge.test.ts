import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EVIDENCE_KINDS, proofSchema } from '../../../renderer/core/events/schema';
import { proofCoversAssignment } from '../../../renderer/core/gate/gate';
import {
  judgeEvidence,
  MAX_EVIDENCE_TEXT,
  toEvidenceInput,
  type EvidenceContext,
  type EvidenceJudgement,
} from '../../../renderer/core/evidence';
import { assignment, context, expectRejected, fixture } from './evidence-kit';

const REASONS = [
  'another-server',
  'not-up-to-date',
  'before-assignment',
  'thumbprint-mismatch',
  'ambiguous-date',
  'unrecognised',
  'no-assignment',
  'incomplete',
  'unsupported-version',
  'corroboration-only',
  'none-visible',
  'not-in-store',
  'zone-not-chosen',
  'no-machine',
];
const FIXTURES = [
  'replication-status/single-from-field-report.txt',
  'replication-status/pool-mixed.txt',
  'replication-status/cut-off-with-errors.txt',
  'replication-status/table-en-gb.txt',
  'certificate/oauth-current-and-previous.txt',
  'event-log/get-winevent-table.txt',
  'event-log/get-winevent-list.txt',
  'event-log/get-eventlog-table.txt',
  'event-log/event-viewer-3038.txt',
  'verification/wrapped.txt',
].map(fixture);
// FUZZ_RUNS raises the effort for a dedicated fuzz run; the cap keeps this suite's run bounded.
const RUNS = Math.min(Math.max(Number(process.env.FUZZ_RUNS ?? 2000) || 2000, 2000), 20_000);

/** What must hold of any judgement, whatever was pasted. */
function wellFormed(j: EvidenceJudgement, ctx: EvidenceContext): void {
  expect(j.kind === null || (EVIDENCE_KINDS as readonly string[]).includes(j.kind)).toBe(true);
  expect(j.read.every((l) => typeof l === 'string' && l.length <= 2000)).toBe(true);
  if (j.verdict.accepted) {
    // Event 3038 only corroborates (replication-and-pools D4): a listing of events never opens the gate.
    expect(j.kind).not.toBe('event-log');
    expect(proofSchema.safeParse(j.verdict.proof).success).toBe(true);
    expect(ctx.oauth !== null && proofCoversAssignment(j.verdict.proof, ctx.server, ctx.oauth)).toBe(true);
  } else {
    expect(REASONS).toContain(j.verdict.reason);
    expect(j.verdict.message.length).toBeGreaterThan(10);
  }
}

describe('what was pasted', () => {
  it('detects each kind from its fixture', () => {
    expect(FIXTURES.map((t) => judgeEvidence(t, context()).kind)).toEqual([
      'replication-status',
      'replication-status',
      'replication-status',
      'replication-status',
      'certificate',
      'event-log',
      'event-log',
      'event-log',
      'event-log',
      'verification-json',
    ]);
  });

  it('reads Windows line endings and a remoting prompt on this server or localhost', () => {
    const ctx = context({ oauth: assignment('2012-11-25T04:00:00.000Z') });
    const field = fixture('replication-status/single-from-field-report.txt').replace(
      'ReplicaFqdn        :',
      'ReplicaFqdn        : fe02.contoso.local',
    );
    expect(judgeEvidence(field.replace(/\n/g, '\r\n'), ctx).verdict.accepted).toBe(true);
    expect(judgeEvidence(`[fe02.contoso.local]: PS C:\\>\r\n${field}`, ctx).verdict.accepted).toBe(true);
    expect(judgeEvidence(`[localhost]: PS C:\\>\n${field}`, ctx).verdict.accepted).toBe(true);
  });

  it('judges the most conclusive kind of a mixed paste and says the rest was not judged', () => {
    const ctx = context({ oauth: assignment('2013-03-14T12:00:00.000Z') });
    const j = judgeEvidence(
      `${fixture('replication-status/pool-mixed.txt')}\n${fixture('event-log/event-viewer-3038.txt')}`,
      ctx,
    );
    expect(j.kind).toBe('replication-status');
    expect(j.warnings.join(' ')).toMatch(/also holds an event log listing/);
  });

  it('refuses an empty paste, prose, and a paste holding only an error, saying what to paste', () => {
    expect(expectRejected(judgeEvidence('', context()), 'unrecognised')).toMatch(/Nothing was pasted/);
    expect(
      expectRejected(judgeEvidence('The replica looks fine to me, trust me.', context()), 'unrecognised'),
    ).toContain('Get-CsManagementStoreReplicationStatus');
    const error =
      'PS C:\\> Get-CsManagementStoreReplicationStatus\nGet-CsManagementStoreReplicationStatus : Access is denied.\nAt line:1 char:1\n+ Get-CsManagementStoreReplicationStatus\n    + CategoryInfo          : PermissionDenied: (:) [], UnauthorizedAccessException\n    + FullyQualifiedErrorId : AccessDenied\n';
    const j = judgeEvidence(error, context());
    expect(j.kind).toBeNull();
    expect(expectRejected(j, 'unrecognised')).toContain('Access is denied.');
  });
});

describe('hostile and broken input', () => {
  const hostile: Array<[string, string]> = [
    ['binary', Array.from({ length: 5000 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join('')],
    [
      'NULs and escapes',
      '\u0000\u001b[31mUpToDate : True\u001b[0m\u0000\nReplicaFqdn : fe02.contoso.local\u202e\nLastUpdateCreation : \u0000',
    ],
    ['lone surrogates', '\ud800UpToDate : True\n\udfff'],
    ['unbalanced JSON', `{"schema":"lync-runbook.verify",${'['.repeat(5000)}`],
    [
      'JSON of the wrong shape',
      '{"schema":"lync-runbook.verify","schemaVersion":1,"replication":[1,2,3],"oauthThumbprints":{"a":1}}',
    ],
    ['JSON with a huge version', '{"schema":"lync-runbook.verify","schemaVersion":1e308}'],
    ['rulers without tables', '---- ----\n---- ----\n-\n'],
    [
      'a header with a ruler and garbage rows',
      'UpToDate ReplicaFqdn\n-------- -----------\n\u0000\u0000\u0000 \u0001\n',
    ],
    ['labels without values', 'Log Name:\nEvent ID:\nDate:\nComputer:\nEvent ID:'],
    ['prototype keys', 'constructor : x\n__proto__ : y\nUpToDate : toString\nReplicaFqdn : hasOwnProperty'],
  ];
  for (const [name, text] of hostile) {
    it(`judges ${name} without throwing`, () => {
      const ctx = context();
      wellFormed(judgeEvidence(text, ctx), ctx);
    });
  }

  it('refuses more than a megabyte at once, quickly', () => {
    const huge = 'x'.repeat(1024 * 1024);
    expect(huge.length).toBeGreaterThan(MAX_EVIDENCE_TEXT);
    expect(expectRejected(judgeEvidence(huge, context()), 'unrecognised')).toMatch(/bytes long/);
  });

  it('counts the limit in UTF-8 bytes, and records a rejected paste cut to it in bytes, saying so', () => {
    // 400,000 characters of "é" are 800,000 bytes: read. 600,000 are 1,200,000 bytes: refused, and kept cut.
    expect(JSON.stringify(judgeEvidence('é'.repeat(400_000), context()).verdict)).not.toContain('bytes long');
    const text = `x${'é'.repeat(600_000)}`;
    const judgement = judgeEvidence(text, context());
    expect(expectRejected(judgement, 'unrecognised')).toBe(
      "The paste is 1,200,001 bytes long, more than the 1,000,000 read. Paste only the command's output.",
    );
    const input = toEvidenceInput(judgement, text, context());
    expect(new TextEncoder().encode(input.text).length).toBe(999_999);
    expect(input.text).toBe(text.slice(0, 500_000));
    expect(input.read[0]).toBe('The paste was 1,200,001 bytes; only its first 1,000,000 bytes are recorded.');
  });

  // Each worst case gets the default timeout: finishing in it is the test, with no timing assertion.
  const size = MAX_EVIDENCE_TEXT - 10;
  const fill = (unit: string): string => unit.repeat(Math.floor(size / unit.length));
  const worst: Array<[string, string]> = [
    ['spaces', ' '],
    ['one long word', 'a'],
    ['colons', ':'],
    ['repeated properties', 'UpToDate           : True\n'],
    ['error positions', `At ${'1:'.repeat(200)}\n`],
    ['unclosed prompts', `PS ${'x'.repeat(2000)}\n`],
    ['unclosed JSON strings', `{"schema":"lync-runbook.verify"${'"'.repeat(300)}\n`],
    ['dashes', '- '],
    [
      'headers and rulers',
      'Index Time EntryType Source InstanceID Message\n----- ---- --------- ------ ---------- -------\n',
    ],
    ['digit runs in dates', `LastUpdateCreation : ${'1'.repeat(60)}/1/1 1:1\n`],
    ['XML tags', `<TimeCreated ${' '.repeat(500)}\n`],
    ['Event Viewer labels', 'Log Name: Lync Server\nEvent ID: 3038\n'],
    ['line breaks', '\n'],
    ['replicas', 'UpToDate : True\nReplicaFqdn : fe02.contoso.local\nLastUpdateCreation : 3/14/2013 10:01:58 AM\n\n'],
  ];
  for (const [name, unit] of worst) {
    it(`reads just under a megabyte of ${name} to the end`, () => {
      const ctx = context();
      wellFormed(judgeEvidence(fill(unit), ctx), ctx);
    });
  }

  it(
    `never throws and always gives a well-formed verdict (${RUNS} runs)`,
    () => {
      const vocabulary = [
        'UpToDate           : True',
        'UpToDate : False',
        'ReplicaFqdn        :',
        'ReplicaFqdn : fe02.contoso.local',
        'LastUpdateCreation : 3/4/2013 10:00:00 AM',
        'LastStatusReport   : 11/24/2012 8:15:36 PM',
        'UpToDate ReplicaFqdn LastUpdateCreation',
        '-------- ----------- ------------------',
        'TimeCreated                     Id Message',
        '-----------                     -- -------',
        '3/15/2013 9:12:00 AM          3038 x',
        'Log Name: Lync Server',
        'Event ID: 3038',
        'Computer: fe02.contoso.local',
        'Date: 3/4/2013 10:00:00 AM',
        'Thumbprint : 8F2A6C0D11E34B5A9C7D2E1F0A3B4C5D6E7F8091',
        'Use : OAuthTokenIssuer',
        'PreviousThumbprint : 8F2A6C0D11E34B5A9C7D2E1F0A3B4C5D6E7F8091',
        '{"schema":"lync-runbook.verify","schemaVersion":1,',
        '"expected":"fe02.contoso.local","server":"fe02.contoso.local"}',
        'PS C:\\>',
        '[fe01]: PS C:\\>',
        '+ CategoryInfo : x',
        'At line:1 char:1',
        '',
        '   ',
        'Description:',
        'Event Xml:',
        '<TimeCreated SystemTime="2013-03-15T09:12:00Z" />',
      ];
      const structured = fc
        .array(fc.oneof(fc.constantFrom(...vocabulary), fc.string({ maxLength: 40 })), { maxLength: 40 })
        .map((ls) => ls.join('\n'));
      const mutated = fc
        .tuple(fc.constantFrom(...FIXTURES), fc.nat(), fc.nat(), fc.string({ maxLength: 30, unit: 'binary' }))
        .map(([t, a, b, junk]) => `${t.slice(0, a % (t.length + 1))}${junk}${t.slice(b % (t.length + 1))}`);
      const text = fc.oneof(fc.string({ maxLength: 400, unit: 'binary' }), structured, mutated);
      const ctx = fc.record({
        server: fc.constantFrom('fe02.contoso.local', 'FE01.contoso.local', 'edge01.perimeter.contoso.com', 'x'),
        oauth: fc.option(
          fc.record({
            server: fc.constant('fe01.contoso.local'),
            thumbprint: fc.option(fc.constant('8F2A6C0D11E34B5A9C7D2E1F0A3B4C5D6E7F8091')),
            at: fc.constantFrom('2012-11-25T04:00:00.000Z', '2013-03-14T12:00:00.000Z', '2030-01-01T00:00:00.000Z'),
            operator: fc.constant('admin'),
          }),
        ),
        locale: fc.constantFrom(
          'en-US',
          'en-GB',
          'de-DE',
          'fr-FR',
          'nl-NL',
          'sv-SE',
          '',
          'not a locale',
          'x'.repeat(100),
        ),
        localeChosen: fc.boolean(),
        zoneChosen: fc.boolean(),
        timeZone: fc.constantFrom(
          'UTC',
          'America/Los_Angeles',
          'Europe/London',
          'Australia/Lord_Howe',
          'Not/AZone',
          '',
        ),
      });
      fc.assert(
        fc.property(text, ctx, (t, c) => {
          wellFormed(judgeEvidence(t, c), c);
        }),
        { numRuns: RUNS },
      );
    },
    10_000 + RUNS * 10,
  );
});
