import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getInitialSnapshot, getNextSnapshot, type EventFromLogic, type SnapshotFrom } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { Workspace } from '../../../renderer/ui/workspace/workspace';
import { documentMachine } from '../../../renderer/ui/workspace/document.machine';
import { bigDeployment } from '../workspaces';
import { SAMPLE } from './shell-kit';

/**
 * Model-based walk of the document shell: every shortest path, and random sequences, over the
 * admin's events and the host's answers, checking on every step its two promises: a document with unsaved changes is replaced only after the admin
 * chose to lose them (or they were saved), and while unsaved work from last time is held, nothing
 * writes or clears the recovery copy but the admin's own decision about it.
 */

const machine = documentMachine.provide({ actions: { tellHost: () => undefined } });
type Snap = SnapshotFrom<typeof machine>;
type Ev = EventFromLogic<typeof machine>;

const created = Workspace.create(bigDeployment(2), 'model');
if (!created.ok) throw new Error(created.message);
const NEW = { workspace: created.workspace, meta: { handle: null, name: 'Big', location: 'not saved yet' } };
const BROKEN = { handle: null, name: 'Broken', text: '{"format":', at: '2026-03-14T10:00:00.000Z' };
const RECOVERED = { handle: 'h1', name: 'HQ', text: SAMPLE.text, at: '2026-03-14T10:00:00.000Z' };
const META = { handle: 'h2', name: 'x.lyncrunbook', location: 'disk' };
const done = (id: string, output?: unknown) => ({ type: `xstate.done.actor.${id}`, output }) as unknown as Ev;
const failed = (id: string) => ({ type: `xstate.error.actor.${id}`, error: new Error('no') }) as unknown as Ev;

const BOOTS: Ev[] = [
  done('boot', { recovered: null, firstStart: true }),
  done('boot', { recovered: null, firstStart: false }),
  done('boot', { recovered: BROKEN, firstStart: false }),
  done('boot', { recovered: RECOVERED, firstStart: false }),
];

const EVENTS: Ev[] = [
  ...BOOTS,
  { type: 'edited' },
  { type: 'flush' },
  { type: 'save' },
  { type: 'request', request: { kind: 'open-sample' } },
  { type: 'request', request: { kind: 'new' } },
  { type: 'request', request: { kind: 'create', document: NEW } },
  { type: 'request', request: { kind: 'open' } },
  { type: 'choose', choice: 'save' },
  { type: 'choose', choice: 'discard' },
  { type: 'choose', choice: 'cancel' },
  { type: 'recovery.export' },
  { type: 'recovery.discard' },
  done('writeRecovery'),
  failed('writeRecovery'),
  done('saveDocument', META),
  done('saveDocument', null),
  failed('saveDocument'),
  done('clearRecovery'),
  done('chooseDocument', null),
  done('chooseDocument', { ...SAMPLE, handle: 'h3' }),
  done('exportRecovery', { name: 'kept.json' }),
  done('exportRecovery', null),
  done('discardRecovery'),
  done('releaseRecovery'),
];

const DOCUMENT_WRITERS = ['writeRecovery', 'clearRecovery'];

/** The events that can happen in a state: a host call answers only while it is under way. */
function possible(snap: Snap): Ev[] {
  return EVENTS.filter((e) => {
    const answer = /^xstate\.(?:done|error)\.actor\.(.+)$/.exec(e.type);
    return answer === null || snap.children[answer[1]!] !== undefined;
  });
}

/** A compact view of a state: which document (by name), and the flags the promises are about. */
function serialize(s: Snap): string {
  const c = s.context;
  return JSON.stringify({
    value: s.value,
    document: c.document?.meta.name ?? null,
    dirty: c.dirty,
    consent: c.consent,
    held: c.held !== null,
    pending: c.pending?.kind ?? null,
    saving: c.save,
  });
}

const INPUT = { sample: SAMPLE, operator: () => 'model' };

/** Walks one path's events again from the start (so each document keeps its identity), checking both promises on every step. */
function check(steps: readonly { event: Ev }[]): void {
  // What the admin agreed to since the open document last changed: to lose its changes.
  let agreed = false;
  let before: Snap = getInitialSnapshot(machine, INPUT);
  for (const { event } of steps) {
    if ((event.type as string) === 'xstate.init' || !possible(before).includes(event)) continue;
    const after = getNextSnapshot(machine, before, event);
    expect(after.status).toBe('active');
    {
      const replaced = after.context.document?.workspace !== before.context.document?.workspace;
      if (event.type === 'edited') agreed = false;
      if (event.type === 'choose' && event.choice === 'discard') agreed = true;
      // Saved with nothing changed meanwhile: nothing is lost.
      const saved =
        (event.type as string) === 'xstate.done.actor.saveDocument' && (event as { output?: unknown }).output != null;
      if (saved && !before.context.save.changed) agreed = true;
      if (replaced && before.context.dirty) {
        expect(agreed, `a dirty document was replaced on ${event.type}: ${serialize(before)}`).toBe(true);
      }
      if (replaced) agreed = false;
      // The held copy goes only by the admin's decision about it.
      if (before.context.held !== null && after.context.held === null) {
        expect([
          'xstate.done.actor.discardRecovery',
          'xstate.done.actor.releaseRecovery',
          'xstate.error.actor.releaseRecovery',
        ]).toContain(event.type);
      }
    }
    if (after.context.held !== null) {
      const running = Object.keys(after.children);
      for (const writer of DOCUMENT_WRITERS)
        expect(running, `the held copy could be written over: ${serialize(after)}`).not.toContain(writer);
    }
    before = after;
  }
}

describe('the document shell, model-based', { timeout: 120_000 }, () => {
  it('keeps both promises on every shortest path', () => {
    const paths = getShortestPaths(machine, {
      input: INPUT,
      events: EVENTS,
      serializeState: serialize as never,
    });
    expect(paths.length).toBeGreaterThan(200);
    for (const path of paths) check(path.steps as never);
    // The walk reaches what it is about: a held copy, a dirty document asked about, a save.
    const reached = (p: (s: Snap) => boolean) => paths.some((path) => p(path.state as Snap));
    expect(reached((s) => s.context.held !== null && s.context.dirty)).toBe(true);
    expect(reached((s) => s.matches({ ready: { request: 'confirming' } }))).toBe(true);
    expect(reached((s) => s.matches({ ready: { document: { open: 'saving' } } }))).toBe(true);
  });

  // Shortest paths reach every state once; random sequences walk the orders between them.
  it("keeps both promises over random sequences of the admin's events and the host's answers", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(EVENTS.length - 1), { minLength: 1, maxLength: 40 }), (picks) => {
        check([BOOTS[picks[0]! % BOOTS.length]!, ...picks.slice(1).map((i) => EVENTS[i]!)].map((event) => ({ event })));
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 3000) },
    );
  });
});
