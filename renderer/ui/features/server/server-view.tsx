import {
  Badge,
  Body1,
  Button,
  Caption1,
  Link,
  makeStyles,
  mergeClasses,
  Subtitle1,
  Subtitle2,
  Text,
  Title3,
  tokens,
} from '@fluentui/react-components';
import {
  ArrowCircleRightRegular,
  ArrowLeftRegular,
  CheckmarkCircleFilled,
  CircleRegular,
  ErrorCircleFilled,
  ShieldErrorRegular,
} from '@fluentui/react-icons';
import { useState } from 'react';
import type { Command } from '../../../core/events/schema';
import { GATE_RULE_LABELS } from '../../../core/gate/gate';
import { wizardGuide } from '../../../core/guide/wizard';
import type { ServerSnapshot } from '../../../core/machines/server.machine';
import { cmsFrontEnds, ROLE_LABELS, findServer, roleNeedsOAuth } from '../../../core/model/deployment';
import { sameFqdn } from '../../../core/model/fqdn';
import { PRODUCTS, STEP_NUMBERS, stepTitle, type StepNumber } from '../../../core/model/product';
import type { Host } from '../../../host/host';
import type { NoticeState } from '../../components/notice';
import { step1TimeMatters } from '../../components/finished-at';
import { TimeText } from '../../components/time-text';
import { poolStartOfServer } from '../../../core/machines/pool-start';
import { serverStatus } from '../../../core/machines/status';
import { useServerSnapshot, useSession } from '../../hooks';
import type { Workspace } from '../../workspace/workspace';
import { GatePanel } from './gate-panel';
import { MarkDone } from './mark-done';
import { PoolStartPanel } from './pool-start-panel';
import { Scripts } from './scripts';
import type { ServerPanelProps } from './server-panel';
import { RecordedCertificates } from './step3-certificates';
import { keptKey } from '../../kept-text';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '1100px' },
  head: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  mono: { fontFamily: tokens.fontFamilyMonospace },
  steps: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  step: {
    display: 'grid',
    gridTemplateColumns: '28px minmax(0, 1fr)',
    gap: tokens.spacingHorizontalM,
    padding: tokens.spacingHorizontalL,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  current: { border: `2px solid ${tokens.colorBrandStroke1}` },
  blockedStep: { border: `2px solid ${tokens.colorPaletteRedBorder2}` },
  icon: { fontSize: '24px' },
  done: { color: tokens.colorPaletteGreenForeground1 },
  next: { color: tokens.colorBrandForeground1 },
  blocked: { color: tokens.colorPaletteRedForeground1 },
  override: { color: tokens.colorPaletteMarigoldForeground2 },
  pending: { color: tokens.colorNeutralForeground3 },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  meta: { color: tokens.colorNeutralForeground2 },
  guide: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
});

/** One server: its four steps as a checklist in the wizard's words, and Step 3's gate with the way out. */
export function ServerView({
  workspace,
  host,
  fqdn,
  onBack,
  setNotice,
}: {
  workspace: Workspace;
  host: Host;
  fqdn: string;
  onBack: () => void;
  /** Says what an action did where the panel that did it may no longer be shown. */
  setNotice?: (notice: NoticeState | null) => void;
}) {
  const snapshot = useServerSnapshot(workspace, fqdn);
  const styles = useStyles();
  if (snapshot === undefined) {
    return (
      <div className={styles.page}>
        <Text>There is no server {fqdn} in this deployment.</Text>
        <Link onClick={onBack}>Back to the dashboard</Link>
      </div>
    );
  }
  return (
    <ServerChecklist
      workspace={workspace}
      host={host}
      fqdn={fqdn}
      snapshot={snapshot}
      onBack={onBack}
      setNotice={setNotice}
    />
  );
}

function ServerChecklist({
  workspace,
  host,
  fqdn,
  snapshot,
  onBack,
  setNotice,
}: {
  workspace: Workspace;
  host: Host;
  fqdn: string;
  snapshot: ServerSnapshot;
  onBack: () => void;
  setNotice?: (notice: NoticeState | null) => void;
}) {
  const styles = useStyles();
  const status = serverStatus(snapshot);
  const deployment = useSession(workspace, (v) => v.snapshot.context.deployment);
  const server = deployment ? findServer(deployment, fqdn) : undefined;
  const record = (command: Command): string | null => {
    const result = workspace.record(command);
    return result.ok ? null : result.message;
  };
  if (deployment === null || server === undefined) return null;
  const product = PRODUCTS[deployment.product];

  return (
    <article className={styles.page} aria-labelledby="server-title">
      <div className={styles.head}>
        <div>
          <Button appearance="subtle" icon={<ArrowLeftRegular />} onClick={onBack}>
            Dashboard
          </Button>
        </div>
        <Title3 as="h2" id="server-title" className={styles.mono}>
          {fqdn}
        </Title3>
        <Body1 className={styles.meta}>
          {ROLE_LABELS[server.role]}, pool <span className={styles.mono}>{server.pool}</span> · {product.name} · run
          scripts in the {product.shell}
          {!roleNeedsOAuth(server.role) && ' · no OAuth gate for this role'}
        </Body1>
      </div>
      <ol className={styles.steps}>
        {STEP_NUMBERS.map((step) => (
          <StepItem
            key={step}
            step={step}
            workspace={workspace}
            host={host}
            status={status}
            snapshot={snapshot}
            record={record}
            setNotice={setNotice}
          />
        ))}
      </ol>
    </article>
  );
}

function StepItem({
  step,
  workspace,
  host,
  status,
  snapshot,
  record,
  setNotice,
}: ServerPanelProps & { step: StepNumber }) {
  const styles = useStyles();
  const ctx = snapshot.context;
  const done = ctx.steps[step];
  const timeZone = host.timeZone();
  const nextStep = status.nextStep;
  const isNext = nextStep === step;
  const isBlocked = step === 3 && status.phase === 'blocked';
  const rerunnable = done !== undefined && (step === 1 || step === 3);
  const [showRerun, setShowRerun] = useState(false);
  // For a blocked Step 3 the way out matters first; the wizard's own instructions stay one click away.
  const [showGuide, setShowGuide] = useState(isNext && !isBlocked);
  const guide = wizardGuide(ctx.product, ctx.role, step);
  const overridden = step === 3 && done?.rule === 'override';
  // The server whose Step 3 is to assign the certificate is told so, not to wait for the assignment.
  const deployment = workspace.session.deployment();
  const assignsFirst = deployment !== null && sameFqdn(cmsFrontEnds(deployment)[0]?.fqdn ?? '', ctx.fqdn);
  const Icon = done
    ? overridden
      ? ShieldErrorRegular
      : CheckmarkCircleFilled
    : isBlocked
      ? ErrorCircleFilled
      : isNext
        ? ArrowCircleRightRegular
        : CircleRegular;
  const iconClass = done
    ? overridden
      ? styles.override
      : styles.done
    : isBlocked
      ? styles.blocked
      : isNext
        ? styles.next
        : styles.pending;
  const assigns = step === 3 && ctx.oauth === null && status.gate.allowed && status.gate.rule === 'assigns-oauth';
  const titleId = `step-${step}-title`;
  // A member of an Enterprise pool that has not started: its Step 4 is the pool's first start.
  const pool = useSession(
    workspace,
    (v) => (step === 4 ? poolStartOfServer(v.snapshot.context, ctx.fqdn) : null),
    (a, b) => JSON.stringify(a) === JSON.stringify(b),
  );
  const waitsForPool = pool !== null && pool.started === null ? pool : null;

  return (
    <li
      className={mergeClasses(styles.step, isNext && !isBlocked && styles.current, isBlocked && styles.blockedStep)}
      aria-labelledby={titleId}
    >
      <Icon className={mergeClasses(styles.icon, iconClass)} aria-hidden />
      <div className={styles.body}>
        <Subtitle1 as="h3" id={titleId}>
          {stepTitle(ctx.product, step)}
        </Subtitle1>
        {done ? (
          <Text className={styles.meta}>
            Done <TimeText iso={done.at} timeZone={timeZone} /> · {done.operator}
            {done.runs > 1 && ` · run ${done.runs} times`}
            {step === 3 && done.rule && (
              <> · gate: {overridden ? <Badge color="warning">override</Badge> : GATE_RULE_LABELS[done.rule]}</>
            )}
          </Text>
        ) : (
          <Text className={styles.meta}>{isBlocked ? 'Blocked' : isNext ? 'Next' : 'Not started'}</Text>
        )}
        {step === 3 && done && <RecordedCertificates workspace={workspace} server={ctx.fqdn} timeZone={timeZone} />}
        {overridden && ctx.override && (
          <Text>
            <strong>Override:</strong> {ctx.override.reason} ({ctx.override.operator},{' '}
            <TimeText iso={ctx.override.at} timeZone={timeZone} />)
          </Text>
        )}
        {step === 3 && !done && status.stepsDone >= 2 && (
          <GatePanel
            workspace={workspace}
            host={host}
            status={status}
            snapshot={snapshot}
            record={record}
            setNotice={setNotice}
          />
        )}
        {isNext && step === 4 && waitsForPool !== null && (
          <PoolStartPanel
            workspace={workspace}
            host={host}
            server={ctx.fqdn}
            product={ctx.product}
            pool={waitsForPool}
            record={record}
          />
        )}
        {(isNext || showRerun) && !(step === 4 && waitsForPool !== null) && (
          <>
            <div className={styles.row}>
              <Link as="button" onClick={() => setShowGuide((v) => !v)} aria-expanded={showGuide}>
                {showGuide ? 'Hide' : 'Show'} what to do in the wizard and in PowerShell
              </Link>
            </div>
            {showGuide && (
              <>
                <ol className={styles.guide}>
                  {guide.actions.map((a) => (
                    <li key={a}>{a}</li>
                  ))}
                </ol>
                <Caption1>Success: {guide.success}</Caption1>
                {/* Steps 2 and 3 have no safe command-line equivalent: their script checks the wizard's work. */}
                <Subtitle2 as="h4">
                  {step === 2 || step === 3 ? 'Check it in PowerShell' : 'Or do it in PowerShell'}
                </Subtitle2>
                <Scripts workspace={workspace} host={host} server={ctx.fqdn} request={{ kind: 'step', step }} />
              </>
            )}
            {!isBlocked && (
              <MarkDone
                // A new OAuth assignment changes whether Step 1's time must be asked: start the form afresh.
                key={`${step}-${done?.runs ?? 0}-${ctx.oauth?.at ?? 'none'}`}
                label={done ? `Record Step ${step} run again` : `Mark Step ${step} done`}
                timeZone={timeZone}
                askThumbprint={assigns}
                askHow={step === 1 && done !== undefined}
                timeMatters={step === 1 ? step1TimeMatters(ctx) : undefined}
                certificates={
                  step === 3
                    ? {
                        server: ctx.fqdn,
                        oauth: ctx.oauth,
                        needsOAuth: roleNeedsOAuth(ctx.role),
                        preferences: host.preferences,
                        keptAs: keptKey(workspace, ctx.fqdn, 'step3-certificates'),
                      }
                    : undefined
                }
                record={(extra) => {
                  const refusal = record({ type: 'step.completed', server: ctx.fqdn, step, ...extra });
                  // A re-run recorded: the form closes, so it does not invite the same one again.
                  if (refusal === null) setShowRerun(false);
                  return refusal;
                }}
              />
            )}
          </>
        )}
        {rerunnable && !isNext && (
          <div>
            <Link as="button" onClick={() => setShowRerun((v) => !v)} aria-expanded={showRerun}>
              {showRerun ? 'Cancel the re-run' : `Record a re-run of Step ${step}`}
            </Link>
          </div>
        )}
        {step === 1 && !done && isBlocked === false && ctx.oauth === null && roleNeedsOAuth(ctx.role) && (
          <Caption1>
            {assignsFirst
              ? "Tip: this is the CMS pool's first Front End. Its Step 3 assigns the OAuthTokenIssuer certificate for the whole deployment: run Steps 1 to 3 here first, and Step 1 on the other servers after that, or their local stores will be stale."
              : "Tip: assign the OAuthTokenIssuer certificate first (Step 3 on the CMS pool's first Front End); a Step 1 taken before that leaves this server with a stale local store."}
          </Caption1>
        )}
      </div>
    </li>
  );
}
