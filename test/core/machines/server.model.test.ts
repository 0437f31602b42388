import { describe, expect, it } from 'vitest';
import { createActor, getInitialSnapshot, getNextSnapshot, type EventFromLogic, type SnapshotFrom } from 'xstate';
import { createTestModel } from 'xstate/graph';
import type { ServerInput } from '../../../renderer/core/machines/server.context';
import { serverMachine } from '../../../renderer/core/machines/server.machine';

/**
 * Model-based test of the server machine on its own: every shortest and every simple path over a
 * representative event set is walked on a real actor, and on every step the Step 3 invariant is
 * checked against the plain rule (written here independently of the gate code).
 */

// Standing alone, there is no deployment to report steps to.
const standalone = serverMachine.provide({ actions: { reportStep: () => undefined } });
type Snap = SnapshotFrom<typeof standalone>;
type Ev = EventFromLogic<typeof standalone>;

const SELF = 'fe02.contoso.local';
const SOURCE = 'fe01.contoso.local';
const THUMB = 'AB'.repeat(20);
const ASSIGNED_AT = '2013-03-14T10:00:00.000Z';
const stamp = { at: '2013-03-14T12:00:00.000Z', recordedAt: '2013-03-14T12:00:00.000Z', operator: 'model' };

const input: ServerInput = {
  fqdn: SELF,
  role: 'front-end',
  product: 'lync2013',
  oauth: null,
  cms: {
    pool: 'fepool.contoso.local',
    startsAsPool: true,
    startedAt: null,
    frontEnds: [SOURCE, SELF, 'fe03.contoso.local'],
    ready: [],
    need: { needed: 2, documented: true },
  },
};

const EVENTS: Ev[] = [
  {
    type: 'step.completed',
    server: SELF,
    step: 1,
    at: '2013-03-13T09:00:00.000Z',
    recordedAt: '2013-03-13T09:00:00.000Z',
    operator: 'model',
  },
  {
    type: 'step.completed',
    server: SELF,
    step: 1,
    at: '2013-03-14T11:00:00.000Z',
    recordedAt: '2013-03-14T11:00:00.000Z',
    operator: 'model',
  },
  { type: 'step.completed', server: SELF, step: 2, ...stamp },
  { type: 'step.completed', server: SELF, step: 3, ...stamp },
  { type: 'step.completed', server: SELF, step: 4, ...stamp },
  { type: 'fact.oauth', oauth: { server: SOURCE, thumbprint: THUMB, at: ASSIGNED_AT, operator: 'model' } },
  { type: 'fact.cms', cms: { ...input.cms, startedAt: ASSIGNED_AT, ready: [SOURCE] } },
  { type: 'remediation.chosen', server: SELF, path: 'A', ...stamp },
  { type: 'remediation.chosen', server: SELF, path: 'B', ...stamp },
  { type: 'remediation.chosen', server: SELF, path: 'C', ...stamp },
  ...(['export', 'import', 'start-agent'] as const).map((item): Ev => ({
    type: 'remediation.item.completed',
    server: SELF,
    path: 'A',
    item,
    ...stamp,
  })),
  ...(['replication-services', 'start-agent', 'event-3038'] as const).map((item): Ev => ({
    type: 'remediation.item.completed',
    server: SELF,
    path: 'B',
    item,
    ...stamp,
  })),
  { type: 'remediation.item.completed', server: SELF, path: 'C', item: 'cms-holds-assignment', ...stamp },
  {
    type: 'evidence.accepted',
    server: SELF,
    proof: { server: SELF, upToDate: true, lastUpdate: '2013-03-14T10:30:00.000Z' },
    ...stamp,
  },
  {
    type: 'evidence.accepted',
    server: SELF,
    proof: { server: SELF, upToDate: true, lastUpdate: '2013-03-14T09:30:00.000Z' },
    ...stamp,
  },
  {
    type: 'evidence.accepted',
    server: SELF,
    proof: { server: 'fe03.contoso.local', upToDate: true, lastUpdate: '2013-03-14T10:30:00.000Z' },
    ...stamp,
  },
  { type: 'override.recorded', server: SELF, reason: 'hand-imported certificate', change: 'CHG-1', ...stamp },
  { type: 'override.recorded', server: SELF, reason: '  ', change: 'CHG-1', ...stamp },
  { type: 'override.withdrawn', server: SELF, reason: 'checked again: it is stale', ...stamp },
];

/** The plain rule, independent of the gate module: may Step 3 go ahead on this context? */
function plainRuleAllows(s: Snap): boolean {
  const c = s.context;
  const oauth = c.oauth;
  if (oauth === null || oauth.server === c.fqdn) return true;
  const fresh = c.step1At !== null && Date.parse(c.step1At) > Date.parse(oauth.at);
  return fresh || c.evidence !== null || (c.override !== null && c.override.reason.trim() !== '');
}

/** Abstracts the context so that re-running a step with the same time revisits the same vertex. */
function serialize(s: Snap): string {
  const c = s.context;
  return JSON.stringify({
    value: s.value,
    done: Object.keys(c.steps),
    // Re-runs of Step 1 and Step 3 reach new vertices (capped), so that their transitions are walked too.
    reruns: [Math.min(c.steps[1]?.runs ?? 0, 2), Math.min(c.steps[3]?.runs ?? 0, 2)],
    step1At: c.step1At,
    oauth: c.oauth !== null,
    evidence: c.evidence !== null,
    override: c.override !== null,
    path: c.path,
    cms: c.cms.startedAt === null ? 0 : 1,
    items: [...new Set(c.items.map((i) => `${i.path}:${i.item}`))].sort(),
  });
}

function step3Runs(s: Snap): number {
  return s.context.steps[3]?.runs ?? 0;
}

/** Checks the invariants on one transition of a walked path. */
function checkStep(before: Snap, event: Ev, after: Snap): void {
  if (step3Runs(after) > step3Runs(before)) {
    expect(event).toMatchObject({ type: 'step.completed', step: 3 });
    // The heart of the product: Step 3 never completes on a stale replica without accepted evidence or an override.
    expect(plainRuleAllows(before), `Step 3 completed on a stale replica: ${serialize(before)}`).toBe(true);
  }
  if (after.matches({ awaitingStep3: 'blocked' })) expect(plainRuleAllows(after)).toBe(false);
  if (after.matches({ awaitingStep3: 'ready' })) expect(plainRuleAllows(after)).toBe(true);
  if (event.type === 'evidence.accepted' && after.context.evidence !== before.context.evidence) {
    expect(event.proof.server).toBe(SELF);
    expect(Date.parse(event.proof.lastUpdate!)).toBeGreaterThan(Date.parse(ASSIGNED_AT));
  }
  if (event.type === 'override.recorded' && after.context.override !== before.context.override) {
    expect(event.reason.trim()).not.toBe('');
    expect(before.matches({ awaitingStep3: 'blocked' })).toBe(true);
  }
  // A withdrawal takes away an override no Step 3 has used.
  if (event.type === 'override.withdrawn' && before.context.override !== null && after.context.override === null)
    expect(before.context.steps[3]).toBeUndefined();
  if (after.matches({ awaitingStep3: { blocked: { pathB: 'start-agent' } } }))
    expect(after.context.cms.startedAt).not.toBeNull();
}

/** A path in words, for the message of a failure on it: "step.completed 1 → fact.oauth → remediation.chosen B". */
function describePath(steps: readonly { event: Ev }[]): string {
  return steps
    .filter(({ event: e }) => (e.type as string) !== 'xstate.init')
    .map(({ event: e }) => {
      if (e.type === 'step.completed') return `step ${e.step} at ${e.at}`;
      if (e.type === 'remediation.chosen') return `path ${e.path}`;
      if (e.type === 'remediation.item.completed') return `item ${e.item}`;
      if (e.type === 'evidence.accepted') return `evidence for ${e.proof.server} (${e.proof.lastUpdate ?? ''})`;
      if (e.type === 'override.recorded') return `override "${e.reason}"`;
      return e.type;
    })
    .join(' → ');
}

/** Walks a path on a real actor and checks that it follows the model, step by step; a failure names the path. */
function walk(steps: readonly { event: Ev; state: Snap }[], unchecked = 0): void {
  try {
    walkSteps(steps, unchecked);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`On the path ${describePath(steps)}:\n${message}`, { cause: error });
  }
}

function walkSteps(steps: readonly { event: Ev; state: Snap }[], unchecked: number): void {
  const actor = createActor(standalone, { input }).start();
  for (const [index, step] of steps.entries()) {
    if ((step.event.type as string) === 'xstate.init') continue;
    if (index < unchecked) {
      actor.send(step.event);
      continue;
    }
    const before = actor.getSnapshot();
    actor.send(step.event);
    const after = actor.getSnapshot();
    expect(after.value).toEqual(step.state.value);
    checkStep(before, step.event, after);
  }
  actor.stop();
}

const FROM_BLOCKED: Ev[] = [
  {
    type: 'step.completed',
    server: SELF,
    step: 1,
    at: '2013-03-13T09:00:00.000Z',
    recordedAt: '2013-03-13T09:00:00.000Z',
    operator: 'model',
  },
  { type: 'step.completed', server: SELF, step: 2, ...stamp },
  { type: 'fact.oauth', oauth: { server: SOURCE, thumbprint: THUMB, at: ASSIGNED_AT, operator: 'model' } },
];

/** A coarser view for simple paths, so that their number stays in the thousands. */
function coarse(s: Snap): string {
  const c = s.context;
  return JSON.stringify({
    value: s.value,
    done: Object.keys(c.steps).length,
    step3: Math.min(c.steps[3]?.runs ?? 0, 2),
    step1At: c.step1At,
    evidence: c.evidence !== null,
    override: c.override !== null,
    cms: c.cms.startedAt === null ? 0 : 1,
  });
}

function find(predicate: (e: Ev) => boolean): Ev {
  const event = EVENTS.find(predicate);
  if (event === undefined) throw new Error('event missing from the set');
  return event;
}
const choose = (path: 'A' | 'B' | 'C') => find((e) => e.type === 'remediation.chosen' && e.path === path);
const items = (path: 'A' | 'B' | 'C') =>
  EVENTS.filter((e) => e.type === 'remediation.item.completed' && e.path === path);
/** Events that matter whatever the path: a fresh Step 1, Step 3, the CMS starting, evidence good and bad, overrides with and without a reason. */
const COMMON = EVENTS.filter(
  (e) =>
    (e.type === 'step.completed' && (e.step === 3 || e.at > ASSIGNED_AT)) ||
    e.type === 'fact.cms' ||
    e.type === 'evidence.accepted' ||
    e.type === 'override.recorded',
);

describe('server machine, model-based', { timeout: 120_000 }, () => {
  const model = createTestModel(standalone);

  it('walks every shortest path over the whole event set and keeps the gate', () => {
    const paths = model.getShortestPaths({ input, events: EVENTS, serializeState: (s) => serialize(s) as never });
    expect(paths.length).toBeGreaterThan(1000);
    for (const path of paths) walk(path.steps);
    // The walk reaches Step 3 done through every rule that can open the gate for a Front End.
    const rules = new Set(paths.filter((p) => step3Runs(p.state) > 0).map((p) => p.state.context.steps[3]!.rule));
    expect([...rules].sort()).toEqual(['assigns-oauth', 'evidence', 'override', 'replica-current']);
  });

  it('walks every simple path through Steps 1–4 and the OAuth assignment', () => {
    const events = EVENTS.filter(
      (e) => e.type === 'step.completed' || e.type === 'fact.oauth' || e.type === 'fact.cms',
    );
    const paths = model.getSimplePaths({ input, events, serializeState: (s) => serialize(s) as never });
    expect(paths.length).toBeGreaterThan(100);
    for (const path of paths) walk(path.steps);
  });

  // From a blocked server, every simple path into Step 3 done, one remediation path at a time
  // (with a switch to another path), so that the sub-flows are walked in every order.
  for (const [path, other] of [
    ['A', 'B'],
    ['B', 'C'],
    ['C', 'A'],
  ] as const) {
    it(`walks every simple path from blocked to Step 3 done on path ${path}, switching to ${other}`, () => {
      const events = [...COMMON, choose(path), choose(other), ...items(path)];
      const fromState = FROM_BLOCKED.reduce(
        (snap, event) => getNextSnapshot(standalone, snap, event),
        getInitialSnapshot(standalone, input),
      );
      expect(fromState.matches({ awaitingStep3: 'blocked' })).toBe(true);
      const paths = model.getSimplePaths({
        input,
        events,
        serializeState: (s) => coarse(s) as never,
        fromState,
        toState: (s) => step3Runs(s) > 0,
      });
      expect(paths.length).toBeGreaterThan(100);
      for (const p of paths)
        walk([...FROM_BLOCKED.map((event) => ({ event, state: fromState })), ...p.steps], FROM_BLOCKED.length);
    });
  }
});
