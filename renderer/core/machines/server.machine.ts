import { and, assertEvent, assign, not, sendTo, setup, type SnapshotFrom } from 'xstate';
import { proofRefreshTime, type GateRule } from '../gate/gate';
import type { StepNumber } from '../model/product';
import type { ChecklistItemId, RemediationPath } from '../model/remediation';
import { latest } from '../model/time';
import { AUTOMATIC_CONDITIONS, checklistStates, type ChecklistStateMeta } from './checklist';
import {
  gateOf,
  takenAfterAssignment,
  type ServerContext,
  type ServerEvent,
  type ServerInput,
  type ServerOperatorEvent,
  type ServerPhase,
  type StepRecordedEvent,
} from './server.context';
import { serverRefusal } from './server.rules';

/** The system id of the deployment's actor, to which every server reports its steps. */
export const DEPLOYMENT_SYSTEM_ID = 'deployment';

function recordStep(
  context: ServerContext,
  step: StepNumber,
  stamp: { at: string; recordedAt: string; operator: string },
  rule?: GateRule,
) {
  const previous = context.steps[step];
  const runs = (previous?.runs ?? 0) + 1;
  const { at, recordedAt, operator } = stamp;
  return { ...context.steps, [step]: { at, recordedAt, operator, runs, ...(rule ? { rule } : {}) } };
}

/** The guard of a transition that records a step: this step, and the server's rules accept it. */
const stepGuard = (step: StepNumber) =>
  and([
    { type: 'isStep', params: { step } },
    { type: 'accepts', params: { current: null } },
  ]);

/** Records a step (and reports it to the deployment); `target` when the step moves the server on. */
const stepTransition = (step: StepNumber, target?: string) => ({
  guard: stepGuard(step),
  ...(target ? { target } : {}),
  actions: ['recordStep', 'reportStep'] as const,
});

/**
 * One server through Steps 1–4 of the Deployment Wizard, with the Step 3 gate and the remediation
 * checklists under its blocked state. It stands alone (DESIGN §5): global facts arrive as `fact.*`
 * events, so it can be tested and walked on its own. Its states name their phase as a tag and their
 * checklist item as meta (machines/status.ts reads both); what it accepts is server.rules.ts.
 */
export const serverMachine = setup({
  types: {
    context: {} as ServerContext,
    events: {} as ServerEvent,
    input: {} as ServerInput,
    tags: {} as ServerPhase,
    meta: {} as ChecklistStateMeta,
  },
  guards: {
    isStep: ({ event }, params: { step: StepNumber }) => event.type === 'step.completed' && event.step === params.step,
    isPath: ({ event }, params: { path: RemediationPath }) =>
      event.type === 'remediation.chosen' && event.path === params.path,
    /** The server's rules accept the operator's event; `current` is the checklist item the state waits for. */
    accepts: ({ context, event }, params: { current: ChecklistItemId | null }) =>
      serverRefusal(context, event as ServerOperatorEvent, params.current) === null,
    isGateOpen: ({ context }) => gateOf(context).allowed,
    holds: ({ context }, params: { condition: keyof typeof AUTOMATIC_CONDITIONS }) =>
      AUTOMATIC_CONDITIONS[params.condition].holds(context),
  },
  actions: {
    recordStep: assign(({ context, event }) => {
      assertEvent(event, 'step.completed');
      if (event.step === 1) {
        return {
          steps: recordStep(context, 1, event),
          step1At: latest(context.step1At, event.at),
          refreshedAt: latest(context.refreshedAt, event.at),
        };
      }
      const verdict = gateOf(context);
      const rule = event.step === 3 && verdict.allowed ? verdict.rule : undefined;
      return { steps: recordStep(context, event.step, event, rule) };
    }),
    recordStepItem: assign(({ context, event }, params: { path: RemediationPath; item: ChecklistItemId }) => {
      assertEvent(event, 'step.completed');
      // Done only when what it asks for is true in time: a run of Step 1 dated before the assignment
      // took a copy without the certificate. The run is recorded; the item waits for one after it.
      if (!takenAfterAssignment(context.oauth, event.at)) return {};
      return { items: [...context.items, { ...params, at: event.at, operator: event.operator }] };
    }),
    // Straight to the deployment (its system id), not through the pool that owns this machine.
    reportStep: sendTo(
      ({ system }) => system.get(DEPLOYMENT_SYSTEM_ID),
      ({ context, event }): StepRecordedEvent => {
        assertEvent(event, 'step.completed');
        const record = context.steps[event.step];
        const assignsOAuth = event.step === 3 && context.oauth === null && record?.rule === 'assigns-oauth';
        return {
          type: 'server.step.recorded',
          server: context.fqdn,
          step: event.step,
          at: event.at,
          operator: event.operator,
          assignsOAuth,
          thumbprint: assignsOAuth ? (event.thumbprint ?? null) : null,
        };
      },
    ),
    choosePath: assign(({ context, event }) => {
      assertEvent(event, 'remediation.chosen');
      const change = { from: context.path, to: event.path, at: event.at, operator: event.operator };
      return { path: event.path, switches: [...context.switches, change] };
    }),
    recordItem: assign(({ context, event }) => {
      assertEvent(event, 'remediation.item.completed');
      return {
        items: [...context.items, { path: event.path, item: event.item, at: event.at, operator: event.operator }],
      };
    }),
    recordEvidence: assign(({ context, event }) => {
      assertEvent(event, 'evidence.accepted');
      return {
        evidence: { proof: event.proof, at: event.at, operator: event.operator },
        refreshedAt: latest(context.refreshedAt, proofRefreshTime(event.proof, event.at)),
      };
    }),
    recordOverride: assign(({ event }) => {
      assertEvent(event, 'override.recorded');
      return {
        override: { reason: event.reason.trim(), change: event.change.trim(), at: event.at, operator: event.operator },
      };
    }),
    // The gate closes again; the path chosen before the override is chosen again after it.
    withdrawOverride: assign(() => ({ override: null, path: null })),
    takeOAuth: assign(({ event }) => {
      assertEvent(event, 'fact.oauth');
      return { oauth: event.oauth };
    }),
    takeCms: assign(({ event }) => {
      assertEvent(event, 'fact.cms');
      return { cms: event.cms };
    }),
    takeServer: assign(({ event }) => {
      assertEvent(event, 'fact.server');
      return { role: event.role, product: event.product };
    }),
  },
}).createMachine({
  id: 'server',
  context: ({ input }) => ({
    fqdn: input.fqdn,
    role: input.role,
    product: input.product,
    steps: {},
    step1At: null,
    refreshedAt: null,
    oauth: input.oauth,
    cms: input.cms,
    evidence: null,
    override: null,
    path: null,
    switches: [],
    items: [],
  }),
  on: {
    'fact.oauth': { actions: 'takeOAuth' },
    'fact.cms': { actions: 'takeCms' },
    'fact.server': { actions: 'takeServer' },
    'evidence.accepted': { guard: { type: 'accepts', params: { current: null } }, actions: 'recordEvidence' },
    // Step 1 may run again in any state; the states below only add where it leads.
    'step.completed': stepTransition(1),
  },
  initial: 'awaitingStep1',
  states: {
    awaitingStep1: {
      tags: 'awaiting-step1',
      on: { 'step.completed': stepTransition(1, 'awaitingStep2') },
    },
    awaitingStep2: {
      tags: 'awaiting-step2',
      on: { 'step.completed': stepTransition(2, 'awaitingStep3') },
    },
    awaitingStep3: {
      initial: 'checking',
      states: {
        checking: {
          always: [{ guard: 'isGateOpen', target: 'ready' }, { target: 'blocked' }],
        },
        ready: {
          tags: 'ready-for-step3',
          always: { guard: not('isGateOpen'), target: 'blocked' },
          on: {
            'step.completed': stepTransition(3, '#server.awaitingStep4'),
            'override.withdrawn': {
              guard: { type: 'accepts', params: { current: null } },
              actions: 'withdrawOverride',
            },
          },
        },
        blocked: {
          tags: 'blocked',
          initial: 'choosing',
          always: { guard: 'isGateOpen', target: 'ready' },
          on: {
            'remediation.chosen': (['A', 'B', 'C'] as const).map((path) => ({
              guard: and([
                { type: 'isPath', params: { path } },
                { type: 'accepts', params: { current: null } },
              ]),
              target: `.path${path}`,
              actions: 'choosePath' as const,
            })),
            'override.recorded': { guard: { type: 'accepts', params: { current: null } }, actions: 'recordOverride' },
          },
          states: {
            choosing: {},
            pathA: checklistStates('A'),
            pathB: checklistStates('B'),
            pathC: checklistStates('C'),
          },
        },
      },
    },
    awaitingStep4: {
      tags: 'awaiting-step4',
      on: { 'step.completed': [stepTransition(3), stepTransition(4, 'servicesRunning')] },
    },
    servicesRunning: {
      tags: 'services-running',
      on: { 'step.completed': stepTransition(3) },
    },
  },
});

/** A server snapshot. */
export type ServerSnapshot = SnapshotFrom<typeof serverMachine>;
