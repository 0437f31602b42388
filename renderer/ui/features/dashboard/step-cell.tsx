import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import {
  ArrowCircleRightRegular,
  ArrowSyncCircleRegular,
  CheckmarkCircleFilled,
  CircleRegular,
  ErrorCircleFilled,
  HourglassHalfRegular,
  ShieldErrorRegular,
  SubtractCircleRegular,
} from '@fluentui/react-icons';
import type { ServerSnapshot } from '../../../core/machines/server.machine';
import type { BlockedVerdict } from '../../../core/gate/gate';
import type { ServerStatus } from '../../../core/machines/status';
import { roleNeedsOAuth } from '../../../core/model/deployment';
import type { StepNumber } from '../../../core/model/product';
import { formatShortTime, formatTime } from '../../format';

/** What a dashboard cell shows: a state in words, with an icon and a colour that only repeat the words. */
export type CellKind =
  'done' | 'done-override' | 'next' | 'not-started' | 'blocked' | 'remediation' | 'waiting' | 'no-gate';

/** A cell's content, derived from the server's status. */
export interface CellModel {
  readonly kind: CellKind;
  readonly text: string;
  /** Longer words for assistive technology and the title (the same facts, nothing more). */
  readonly label: string;
  /** A Step 3 blocked with no remediation chosen: the gate's verdict, whose two times the cell opens. */
  readonly gate?: BlockedVerdict;
}

/** The same cell: the same words, and for a blocked one the same two times. */
export function sameCell(a: CellModel, b: CellModel | undefined): boolean {
  if (b === undefined || a.kind !== b.kind || a.text !== b.text || a.label !== b.label) return false;
  if (a.gate === undefined || b.gate === undefined) return a.gate === b.gate;
  return (
    a.gate.step1At === b.gate.step1At &&
    a.gate.assignedAt === b.gate.assignedAt &&
    a.gate.assignedOn === b.gate.assignedOn
  );
}

/** The cell of one step for one server. */
export function cellModel(
  step: StepNumber,
  status: ServerStatus,
  snapshot: ServerSnapshot,
  timeZone: string,
): CellModel {
  const ctx = snapshot.context;
  const record = ctx.steps[step];
  if (record !== undefined) {
    const when = formatTime(record.at, timeZone);
    const short = formatShortTime(record.at, timeZone);
    if (step === 3 && record.rule === 'override')
      return {
        kind: 'done-override',
        text: `${short} (override)`,
        label: `Step 3 done ${when}, past the gate by an override`,
      };
    const extra =
      step === 3 && record.rule === 'assigns-oauth' && ctx.oauth !== null && ctx.oauth.server === ctx.fqdn
        ? ' (OAuth)'
        : '';
    const runs = record.runs > 1 ? ` ×${record.runs}` : '';
    return {
      kind: 'done',
      text: `${short}${extra}${runs}`,
      label: `Step ${step} done ${when}${extra ? ', assigned the OAuthTokenIssuer certificate' : ''}${runs ? `, run ${record.runs} times` : ''}`,
    };
  }
  if (step !== status.nextStep) return { kind: 'not-started', text: 'Not started', label: `Step ${step} not started` };
  if (step === 3 && status.phase === 'blocked') {
    const r = status.remediation;
    if (r === null)
      return {
        kind: 'blocked',
        text: 'Blocked: stale replica',
        label: 'Step 3 blocked: stale local replica. Show the two times that prove it.',
        ...(status.gate.allowed ? {} : { gate: status.gate }),
      };
    if (r.waitingFor !== null) {
      const cms = ctx.cms;
      const text =
        cms.startedAt === null && cms.pool !== null
          ? `Path ${r.path}: waiting for the CMS pool to start (${cms.ready.length}/${cms.need.needed} ready)`
          : `Path ${r.path}: waiting`;
      return { kind: 'waiting', text, label: `Step 3 blocked; ${text}. ${r.waitingFor}` };
    }
    const item = r.next?.id.replace(/-/g, ' ') ?? '';
    return {
      kind: 'remediation',
      text: `Path ${r.path}: ${item}`,
      label: `Step 3 blocked; remediation path ${r.path}, next: ${r.next?.title ?? ''}`,
    };
  }
  if (step === 3 && !roleNeedsOAuth(ctx.role))
    return { kind: 'no-gate', text: 'Next (no OAuth gate)', label: 'Step 3 is next; this role has no OAuth gate' };
  return { kind: 'next', text: 'Next', label: `Step ${step} is next` };
}

const useStyles = makeStyles({
  cell: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, whiteSpace: 'nowrap' },
  done: { color: tokens.colorNeutralForeground1 },
  doneIcon: { color: tokens.colorPaletteGreenForeground1 },
  override: { color: tokens.colorPaletteMarigoldForeground2 },
  next: { color: tokens.colorBrandForeground1, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
  blocked: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  remediation: { color: tokens.colorStatusWarningForeground2, fontWeight: tokens.fontWeightSemibold },
  icon: { fontSize: '16px', flexShrink: 0 },
});

const ICONS: Record<CellKind, React.ComponentType<{ className?: string }>> = {
  done: CheckmarkCircleFilled,
  'done-override': ShieldErrorRegular,
  next: ArrowCircleRightRegular,
  'not-started': CircleRegular,
  blocked: ErrorCircleFilled,
  remediation: ArrowSyncCircleRegular,
  waiting: HourglassHalfRegular,
  'no-gate': SubtractCircleRegular,
};

/** One dashboard cell: icon, words, colour — the words alone carry the state. */
export function StepCell({ model }: { model: CellModel }) {
  const styles = useStyles();
  const Icon = ICONS[model.kind];
  const tone =
    model.kind === 'done'
      ? styles.done
      : model.kind === 'done-override'
        ? styles.override
        : model.kind === 'next' || model.kind === 'no-gate'
          ? styles.next
          : model.kind === 'blocked'
            ? styles.blocked
            : model.kind === 'remediation' || model.kind === 'waiting'
              ? styles.remediation
              : styles.muted;
  return (
    <span className={mergeClasses(styles.cell, tone)} title={model.label}>
      <Icon className={mergeClasses(styles.icon, model.kind === 'done' && styles.doneIcon)} aria-hidden />
      <span aria-hidden>{model.text}</span>
      <span className="visually-hidden">{model.label}</span>
    </span>
  );
}
