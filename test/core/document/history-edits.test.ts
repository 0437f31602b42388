// A hand-edited history does not open the Step 3 gate (issue 13, item 2): the seven edits the attack
// made to a saved file, each refused on load with the event named, and a property over random
// histories and random edits: the loader accepts exactly what recording the same events accepts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../renderer/core/document/load';
import { serializeDocument, toDocument } from '../../../renderer/core/document/save';
import type { Command, DomainEvent } from '../../../renderer/core/events/schema';
import { DeploymentSession } from '../../../renderer/core/session/session';
import { play, savedAtOf, scenarioArb } from '../support/arbitraries';
import { ManualClock, staleAfterAssignment, THUMBPRINT } from '../support/deployments';
import { pastedEvidence, replicationPaste, verificationPaste } from '../support/evidence';

const FE1 = 'fe01.contoso.local';
const FE2 = 'fe02.contoso.local';
const SAVED = '2013-03-14T12:00:00.000Z';

/** fe02 stale after fe01's assignment, saved; the history an edit starts from. */
function staleFe02(): { session: DeploymentSession; history: DomainEvent[] } {
  const { session } = staleAfterAssignment();
  return { session, history: [...session.history] };
}

function stamped(command: Command, at = '2013-03-14T11:00:00.000Z'): DomainEvent {
  return { ...command, at, recordedAt: at, operator: 'mallory' } as DomainEvent;
}

const step3 = stamped({ type: 'step.completed', server: FE2, step: 3 }, '2013-03-14T11:30:00.000Z');

function opened(history: readonly DomainEvent[]) {
  const { session } = staleAfterAssignment();
  const doc = { ...toDocument(session, SAVED), history: [...history] };
  return parseDocument(`${JSON.stringify(doc, null, 1)}\n`);
}

/** The edit of a careful attacker: when it happened and when it was recorded, moved together. */
function retimed(history: readonly DomainEvent[], match: (e: DomainEvent) => boolean, at: string): DomainEvent[] {
  return history.map((e) => (match(e) ? { ...e, at, recordedAt: at } : e));
}

const isStep = (server: string, step: number) => (e: DomainEvent) =>
  e.type === 'step.completed' && e.server === server && e.step === step;

describe('the seven history edits of the attack', () => {
  const { session, history } = staleFe02();
  const cases: [string, DomainEvent[], RegExp][] = [
    [
      "fe02's Step 1 moved after its own Step 2 (after the assignment)",
      [...retimed(history, isStep(FE2, 1), '2013-03-14T10:30:00.000Z'), step3],
      /^This deployment file's history is inconsistent at event 6 \(step\.completed\): Step 2: Setup or Remove Lync Server Components on fe02\.contoso\.local is dated 2013-03-13T09:00:00Z, before Step 1: Install Local Configuration Store recorded there at 2013-03-14T10:30:00Z\./,
    ],
    [
      "fe02's Step 1 moved to 2099",
      [...retimed(history, isStep(FE2, 1), '2099-03-14T10:30:00.000Z'), step3],
      /^This deployment file's history is inconsistent at event 3 \(step\.completed\): It was recorded at 2099-03-14T10:30:00Z, after the file was saved \(2013-03-14T12:00:00Z\)/,
    ],
    [
      "fe02's Step 1 moved after the assignment, its recording time left as it was",
      [...history.map((e) => (isStep(FE2, 1)(e) ? { ...e, at: '2013-03-14T10:30:00.000Z' } : e)), step3],
      /^This deployment file's history is inconsistent at event 3 \(step\.completed\): It is dated 2013-03-14T10:30:00Z, after it was recorded \(2013-03-13T09:00:00Z\): nothing is recorded before it happens\./,
    ],
    [
      "the assignment (fe01's Step 3) moved before fe01's Step 1",
      [...retimed(history, isStep(FE1, 3), '2013-03-13T08:30:00.000Z'), step3],
      /^This deployment file's history is inconsistent at event 8 \(step\.completed\): Step 3: Request, Install or Assign Certificates on fe01\.contoso\.local is dated 2013-03-13T08:30:00Z, before Step 1/,
    ],
    [
      'evidence accepted with no paste at all',
      [
        ...history,
        stamped({ type: 'evidence.accepted', server: FE2, proof: { server: FE2, thumbprints: [THUMBPRINT] } }),
        step3,
      ],
      /^This deployment file's history is inconsistent at event 9 \(evidence\.accepted\): The evidence accepted for fe02\.contoso\.local carries no pasted output/,
    ],
    [
      'evidence accepted with a paste that says UpToDate : False',
      [
        ...history,
        stamped({
          ...pastedEvidence(
            session,
            FE2,
            replicationPaste(FE2, { upToDate: false, lastUpdate: '2013-03-14T10:30:00.000Z' }),
          ),
          proof: { server: FE2, upToDate: true, lastUpdate: '2013-03-14T10:30:00.000Z' },
        }),
        step3,
      ],
      /^This deployment file's history is inconsistent at event 9 \(evidence\.accepted\): The output recorded as evidence for fe02\.contoso\.local, judged again \(read as en-US in UTC\), is not accepted: The CMS master's record says fe02\.contoso\.local is UpToDate False/,
    ],
    [
      'a proof of a bare thumbprint, its paste showing none',
      [
        ...history,
        stamped({
          ...pastedEvidence(session, FE2, verificationPaste(FE2, { thumbprints: [] })),
          proof: { server: FE2, thumbprints: [THUMBPRINT] },
        }),
        step3,
      ],
      /^This deployment file's history is inconsistent at event 9 \(evidence\.accepted\): The output recorded as evidence for fe02\.contoso\.local, judged again \(read as en-US in UTC\), is not accepted: No OAuthTokenIssuer certificate is visible on fe02\.contoso\.local/,
    ],
    [
      'a proof of a bare event 3038',
      [
        ...history,
        stamped({
          ...pastedEvidence(session, FE2, verificationPaste(FE2, { event3038: '2013-03-14T10:40:00.000Z' })),
          proof: { server: FE2, event3038At: '2013-03-14T10:40:00.000Z' },
        }),
        step3,
      ],
      /^This deployment file's history is inconsistent at event 9 \(evidence\.accepted\): The output recorded as evidence for fe02\.contoso\.local, judged again \(read as en-US in UTC\), is not accepted: /,
    ],
  ];
  it.each(cases)('%s: refused on load, naming the event', (_, edited, message) => {
    const result = opened(edited);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
  });

  it('the unedited history and the honest continuation open', () => {
    expect(opened(history).ok).toBe(true);
    const honest = pastedEvidence(session, FE2, verificationPaste(FE2, { thumbprints: [THUMBPRINT] }));
    expect(opened([...history, stamped(honest), step3]).ok).toBe(true);
  });
});

/**
 * Whether recording the events one by one, at their own times, with the clock at each one's recording
 * time (no later than the saving, a minute of clock difference allowed), takes them all.
 */
function recordsAll(history: readonly DomainEvent[], savedAt: string): boolean {
  const clock = new ManualClock(savedAt);
  const session = DeploymentSession.empty({ clock, operator: 'replayer' });
  return history.every((event) => {
    if (Date.parse(event.recordedAt) > Date.parse(savedAt) + 60_000) return false;
    clock.set(event.recordedAt);
    return session.record(event as Command).ok;
  });
}

const PASTES = [
  (server: string) => replicationPaste(server, { upToDate: true, lastUpdate: '2013-03-14T11:00:00.000Z' }),
  (server: string) => replicationPaste(server, { upToDate: false, lastUpdate: '2013-03-14T11:00:00.000Z' }),
  (server: string) => verificationPaste(server, { thumbprints: ['A'.repeat(40)] }),
  (server: string) => verificationPaste(server, { event3038: '2013-03-20T00:00:00.000Z' }),
  () => 'nothing to read',
];

/** One edit of a saved history: an event's time moved, or an accepted evidence's paste or proof changed. */
const editArb = fc.record({
  index: fc.nat(),
  kind: fc.constantFrom('time', 'time', 'recorded', 'paste', 'proof', 'strip'),
  minutes: fc.integer({ min: -3 * 24 * 60, max: 3 * 24 * 60 }),
  far: fc.constantFrom(null, null, null, '2099-01-01T00:00:00.000Z', '1999-01-01T00:00:00.000Z'),
  paste: fc.nat(PASTES.length - 1),
});

type Edit = { index: number; kind: string; minutes: number; far: string | null; paste: number };

function applyEdit(history: readonly DomainEvent[], e: Edit): readonly DomainEvent[] {
  const evidence = history.map((ev, i) => [ev, i] as const).filter(([ev]) => ev.type === 'evidence.accepted');
  if (e.kind !== 'time' && e.kind !== 'recorded' && evidence.length > 0) {
    const [target, at] = evidence[e.index % evidence.length]!;
    if (target.type !== 'evidence.accepted') return history;
    const next = [...history];
    if (e.kind === 'strip') {
      const { input: _input, ...bare } = target;
      next[at] = bare;
    } else if (e.kind === 'paste') {
      next[at] = { ...target, input: { ...target.input!, text: PASTES[e.paste]!(target.server) } };
    } else {
      next[at] = { ...target, proof: { server: target.server, thumbprints: ['B'.repeat(40)] } };
    }
    return next;
  }
  if (history.length < 2) return history;
  const at = (e.index % (history.length - 1)) + 1;
  const target = history[at]!;
  const field = e.kind === 'recorded' ? 'recordedAt' : 'at';
  const moved = e.far ?? new Date(Date.parse(target[field]) + e.minutes * 60_000).toISOString();
  const next = [...history];
  next[at] = { ...target, [field]: moved };
  return next;
}

describe('random edits of random histories', () => {
  it('the loader opens an edited history exactly when recording its events would take them all, and names the event it refuses', () => {
    let refused = 0;
    let openedCount = 0;
    fc.assert(
      fc.property(scenarioArb, fc.array(editArb, { minLength: 1, maxLength: 3 }), (scenario, edits) => {
        const session = play(scenario);
        const savedAt = savedAtOf(session);
        let history: readonly DomainEvent[] = session.history;
        for (const edit of edits) history = applyEdit(history, edit);
        const doc = { ...toDocument(session, savedAt), history: [...history] };
        const result = parseDocument(serializeDocument(doc));
        const recorded = recordsAll(history, savedAt);
        if (result.ok) {
          openedCount += 1;
          expect(recorded).toBe(true);
        } else {
          refused += 1;
          // Named: the event and its type, or the field that does not validate; or the topology it no longer yields.
          expect(result.message).toMatch(/at event \d+ \([a-z.]+\)|history\.\d+|topology does not match its history/);
          if (/at event \d+/.test(result.message)) expect(recorded).toBe(false);
        }
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 150) },
    );
    expect(refused).toBeGreaterThan(0);
    expect(openedCount).toBeGreaterThan(0);
  });
});
