import { and, assign, not, sendParent, setup } from 'xstate';
import type { EvidenceProof, RemediationPath } from '../events/schema';
import {
  evaluateGate,
  proofCoversAssignment,
  proofRefreshTime,
  type AcceptedEvidence,
  type GateOverride,
  type GateRule,
  type GateVerdict,
  type OAuthAssignment,
} from '../gate/gate';
import type { ServerRole } from '../model/deployment';
import type { ProductVersion, StepNumber } from '../model/product';
import { latest, type IsoTime } from '../model/time';

/** When and by whom a step was last run, and how many times. */
export interface StepRecord {
  readonly at: IsoTime;
  readonly operator: string;
  readonly runs: number;
  /** For Step 3: the gate rule that let it go ahead. */
  readonly rule?: GateRule;
}

/** The CMS pool's state as the deployment sees it, sent to every server. */
export interface CmsStatus {
  readonly pool: string | null;
  /** CMS-pool Front Ends whose services run (Step 4 done). */
  readonly running: readonly string[];
  /** CMS-pool Front Ends not running yet, each with the step it must finish next. */
  readonly waitingFor: readonly { readonly server: string; readonly nextStep: StepNumber }[];
}

/** One checklist item done, or one switch of path. */
export interface RemediationRecord {
  readonly path: RemediationPath;
  readonly item: string;
  readonly at: IsoTime;
  readonly operator: string;
}

/** A change of remediation path (from null when the first path is chosen). */
export interface PathSwitch {
  readonly from: RemediationPath | null;
  readonly to: RemediationPath;
  readonly at: IsoTime;
  readonly operator: string;
}

/** Everything one server's machine knows. */
export interface ServerContext {
  readonly fqdn: string;
  readonly role: ServerRole;
  readonly product: ProductVersion;
  readonly steps: Readonly<Partial<Record<StepNumber, StepRecord>>>;
  /** The latest time Step 1 took a copy of the CMS (what gate rule 3 compares). */
  readonly step1At: IsoTime | null;
  /** Snapshot time: when the local store last took the CMS configuration, by Step 1 or as shown by evidence. */
  readonly refreshedAt: IsoTime | null;
  readonly oauth: OAuthAssignment | null;
  readonly cms: CmsStatus;
  readonly evidence: AcceptedEvidence | null;
  readonly override: GateOverride | null;
  readonly path: RemediationPath | null;
  readonly switches: readonly PathSwitch[];
  readonly items: readonly RemediationRecord[];
}

/** What a server machine is created with. */
export interface ServerInput {
  readonly fqdn: string;
  readonly role: ServerRole;
  readonly product: ProductVersion;
  readonly oauth: OAuthAssignment | null;
  readonly cms: CmsStatus;
}

interface Stamp {
  readonly at: IsoTime;
  readonly operator: string;
}

/** Events a server machine accepts: the operator's, forwarded by the deployment, and the global facts. */
export type ServerEvent =
  | ({ type: 'step.completed'; server: string; step: StepNumber; thumbprint?: string } & Stamp)
  | ({ type: 'remediation.chosen'; server: string; path: RemediationPath } & Stamp)
  | ({ type: 'remediation.item.completed'; server: string; path: RemediationPath; item: string } & Stamp)
  | ({ type: 'evidence.accepted'; server: string; proof: EvidenceProof } & Stamp)
  | ({ type: 'override.recorded'; server: string; reason: string } & Stamp)
  | { type: 'fact.oauth'; oauth: OAuthAssignment }
  | { type: 'fact.cms'; cms: CmsStatus }
  | { type: 'fact.server'; role: ServerRole; product: ProductVersion };

/** What a server tells the deployment after it recorded a step. */
export interface StepRecordedEvent {
  readonly type: 'server.step.recorded';
  readonly server: string;
  readonly step: StepNumber;
  readonly at: IsoTime;
  readonly operator: string;
  /** Set when this Step 3 assigned the global OAuthTokenIssuer certificate. */
  readonly assignsOAuth: boolean;
  readonly thumbprint: string | null;
}

/** The gate's verdict for a server's current context. */
export function gateOf(context: ServerContext): GateVerdict {
  return evaluateGate({
    fqdn: context.fqdn,
    role: context.role,
    step1At: context.step1At,
    oauth: context.oauth,
    evidence: context.evidence,
    override: context.override,
  });
}

function recordStep(context: ServerContext, step: StepNumber, stamp: Stamp, rule?: GateRule): ServerContext['steps'] {
  const previous = context.steps[step];
  const record: StepRecord = {
    at: stamp.at,
    operator: stamp.operator,
    runs: (previous?.runs ?? 0) + 1,
    ...(rule ? { rule } : {}),
  };
  return { ...context.steps, [step]: record };
}

type StepEvent = Extract<ServerEvent, { type: 'step.completed' }>;

/**
 * One server through Steps 1–4 of the Deployment Wizard, with the Step 3 gate and the
 * remediation sub-flows under its blocked state. It stands alone (DESIGN §5): global facts
 * arrive as `fact.*` events, so it can be tested and walked on its own.
 */
export const serverMachine = setup({
  types: {
    context: {} as ServerContext,
    events: {} as ServerEvent,
    input: {} as ServerInput,
  },
  guards: {
    isStep1: ({ event }) => event.type === 'step.completed' && event.step === 1,
    isStep2: ({ event }) => event.type === 'step.completed' && event.step === 2,
    isStep3: ({ event }) => event.type === 'step.completed' && event.step === 3,
    isStep4: ({ event }) => event.type === 'step.completed' && event.step === 4,
    isGateOpen: ({ context }) => gateOf(context).allowed,
    isCmsRunning: ({ context }) => context.cms.running.length > 0,
    isItem: ({ event, context }, params: { item: string }) =>
      event.type === 'remediation.item.completed' && event.item === params.item && event.path === context.path,
    isOtherPath: ({ event, context }) => event.type === 'remediation.chosen' && event.path !== context.path,
    isPathA: ({ event }) => event.type === 'remediation.chosen' && event.path === 'A',
    isPathB: ({ event }) => event.type === 'remediation.chosen' && event.path === 'B',
    isPathC: ({ event }) => event.type === 'remediation.chosen' && event.path === 'C',
    hasReason: ({ event }) => event.type === 'override.recorded' && event.reason.trim().length > 0,
    isProofForAssignment: ({ event, context }) =>
      event.type === 'evidence.accepted' &&
      context.oauth !== null &&
      proofCoversAssignment(event.proof, context.fqdn, context.oauth),
  },
  actions: {
    recordStep1: assign(({ context, event }) => {
      const e = event as StepEvent;
      return {
        steps: recordStep(context, 1, e),
        step1At: latest(context.step1At, e.at),
        refreshedAt: latest(context.refreshedAt, e.at),
      };
    }),
    recordRerunItem: assign(({ context, event }) => {
      const e = event as StepEvent;
      return { items: [...context.items, { path: 'C' as const, item: 'rerun-step1', at: e.at, operator: e.operator }] };
    }),
    recordStep2: assign(({ context, event }) => ({ steps: recordStep(context, 2, event as StepEvent) })),
    recordStep3: assign(({ context, event }) => {
      const verdict = gateOf(context);
      return { steps: recordStep(context, 3, event as StepEvent, verdict.allowed ? verdict.rule : undefined) };
    }),
    recordStep4: assign(({ context, event }) => ({ steps: recordStep(context, 4, event as StepEvent) })),
    reportStep: sendParent(({ context, event }): StepRecordedEvent => {
      const e = event as StepEvent;
      const record = context.steps[e.step];
      const assignsOAuth = e.step === 3 && context.oauth === null && record?.rule === 'assigns-oauth';
      return {
        type: 'server.step.recorded',
        server: context.fqdn,
        step: e.step,
        at: e.at,
        operator: e.operator,
        assignsOAuth,
        thumbprint: assignsOAuth ? (e.thumbprint ?? null) : null,
      };
    }),
    choosePath: assign(({ context, event }) => {
      if (event.type !== 'remediation.chosen') return {};
      return {
        path: event.path,
        switches: [...context.switches, { from: context.path, to: event.path, at: event.at, operator: event.operator }],
      };
    }),
    recordItem: assign(({ context, event }) => {
      if (event.type !== 'remediation.item.completed') return {};
      return {
        items: [...context.items, { path: event.path, item: event.item, at: event.at, operator: event.operator }],
      };
    }),
    recordEvidence: assign(({ context, event }) => {
      if (event.type !== 'evidence.accepted') return {};
      return {
        evidence: { proof: event.proof, at: event.at, operator: event.operator },
        refreshedAt: latest(context.refreshedAt, proofRefreshTime(event.proof, event.at)),
      };
    }),
    recordOverride: assign(({ event }) => {
      if (event.type !== 'override.recorded') return {};
      return { override: { reason: event.reason.trim(), at: event.at, operator: event.operator } };
    }),
    takeOAuth: assign(({ event }) => (event.type === 'fact.oauth' ? { oauth: event.oauth } : {})),
    takeCms: assign(({ event }) => (event.type === 'fact.cms' ? { cms: event.cms } : {})),
    takeServer: assign(({ event }) =>
      event.type === 'fact.server' ? { role: event.role, product: event.product } : {},
    ),
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
    'evidence.accepted': { guard: 'isProofForAssignment', actions: 'recordEvidence' },
  },
  initial: 'awaitingStep1',
  states: {
    awaitingStep1: {
      on: {
        'step.completed': { guard: 'isStep1', target: 'awaitingStep2', actions: ['recordStep1', 'reportStep'] },
      },
    },
    awaitingStep2: {
      on: {
        'step.completed': [
          { guard: 'isStep1', actions: ['recordStep1', 'reportStep'] },
          { guard: 'isStep2', target: 'awaitingStep3', actions: ['recordStep2', 'reportStep'] },
        ],
      },
    },
    awaitingStep3: {
      initial: 'checking',
      on: {
        'step.completed': { guard: 'isStep1', actions: ['recordStep1', 'reportStep'] },
      },
      states: {
        checking: {
          always: [{ guard: 'isGateOpen', target: 'ready' }, { target: 'blocked' }],
        },
        ready: {
          always: { guard: not('isGateOpen'), target: 'blocked' },
          on: {
            'step.completed': {
              guard: and(['isStep3', 'isGateOpen']),
              target: '#server.awaitingStep4',
              actions: ['recordStep3', 'reportStep'],
            },
          },
        },
        blocked: {
          initial: 'choosing',
          always: { guard: 'isGateOpen', target: 'ready' },
          on: {
            'remediation.chosen': [
              { guard: and(['isOtherPath', 'isPathA']), target: '.pathA', actions: 'choosePath' },
              { guard: and(['isOtherPath', 'isPathB']), target: '.pathB', actions: 'choosePath' },
              { guard: and(['isOtherPath', 'isPathC']), target: '.pathC', actions: 'choosePath' },
            ],
            'override.recorded': { guard: 'hasReason', actions: 'recordOverride' },
          },
          states: {
            choosing: {},
            pathA: {
              initial: 'export',
              states: {
                export: {
                  on: {
                    'remediation.item.completed': {
                      guard: { type: 'isItem', params: { item: 'export' } },
                      target: 'import',
                      actions: 'recordItem',
                    },
                  },
                },
                import: {
                  on: {
                    'remediation.item.completed': {
                      guard: { type: 'isItem', params: { item: 'import' } },
                      target: 'verify',
                      actions: 'recordItem',
                    },
                  },
                },
                verify: {},
              },
            },
            pathB: {
              initial: 'waitingForCms',
              states: {
                waitingForCms: { always: { guard: 'isCmsRunning', target: 'startAgent' } },
                startAgent: {
                  on: {
                    'remediation.item.completed': {
                      guard: { type: 'isItem', params: { item: 'start-agent' } },
                      target: 'awaitEvent3038',
                      actions: 'recordItem',
                    },
                  },
                },
                awaitEvent3038: {
                  on: {
                    'remediation.item.completed': {
                      guard: { type: 'isItem', params: { item: 'event-3038' } },
                      target: 'verify',
                      actions: 'recordItem',
                    },
                  },
                },
                verify: {},
              },
            },
            pathC: {
              initial: 'awaitReplication',
              states: {
                awaitReplication: {
                  on: {
                    'remediation.item.completed': {
                      guard: { type: 'isItem', params: { item: 'replication-complete' } },
                      target: 'rerunStep1',
                      actions: 'recordItem',
                    },
                  },
                },
                rerunStep1: {
                  on: {
                    'step.completed': { guard: 'isStep1', actions: ['recordStep1', 'recordRerunItem', 'reportStep'] },
                  },
                },
              },
            },
          },
        },
      },
    },
    awaitingStep4: {
      on: {
        'step.completed': [
          { guard: 'isStep1', actions: ['recordStep1', 'reportStep'] },
          { guard: and(['isStep3', 'isGateOpen']), actions: ['recordStep3', 'reportStep'] },
          { guard: 'isStep4', target: 'servicesRunning', actions: ['recordStep4', 'reportStep'] },
        ],
      },
    },
    servicesRunning: {
      on: {
        'step.completed': [
          { guard: 'isStep1', actions: ['recordStep1', 'reportStep'] },
          { guard: and(['isStep3', 'isGateOpen']), actions: ['recordStep3', 'reportStep'] },
        ],
      },
    },
  },
});
