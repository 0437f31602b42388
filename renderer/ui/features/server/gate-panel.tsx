import {
  Body1,
  Button,
  Field,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  mergeClasses,
  Radio,
  RadioGroup,
  Subtitle2,
  Switch,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { CheckmarkCircleFilled, CircleRegular, ArrowCircleRightRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { Command, RemediationPath } from '../../../core/events/schema';
import { GATE_RULE_LABELS } from '../../../core/gate/gate';
import type { ServerSnapshot } from '../../../core/machines/deployment.machine';
import { REMEDIATIONS, type ChecklistItem } from '../../../core/machines/remediation';
import type { ServerStatus } from '../../../core/machines/status';
import { shortName } from '../../../core/model/fqdn';
import type { Host } from '../../../host/host';
import { TimeText } from '../../components/time-text';
import type { Workspace } from '../../workspace/workspace';
import { EvidenceBox } from './evidence-box';
import { Scripts } from './scripts';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  items: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
  },
  item: { display: 'grid', gridTemplateColumns: '24px minmax(0, 1fr)', gap: tokens.spacingHorizontalS },
  itemBody: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  icon: { fontSize: '20px', marginTop: '2px' },
  done: { color: tokens.colorPaletteGreenForeground1 },
  current: { color: tokens.colorBrandForeground1 },
  pending: { color: tokens.colorNeutralForeground3 },
  muted: { color: tokens.colorNeutralForeground2 },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  override: {
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalM,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
});

const PATH_HINTS: Record<RemediationPath, (status: ServerStatus, snapshot: ServerSnapshot) => string> = {
  A: () => 'fastest; needs access to the CMS',
  B: (_s, snap) =>
    snap.context.cms.running.length > 0
      ? `needs a CMS-pool Front End running — ${snap.context.cms.running.map(shortName).join(', ')} is`
      : 'needs a CMS-pool Front End running — none is yet',
  C: () => 'once CMS replication has completed',
};

/** Step 3's gate: why it is open, or why it is blocked (with both times), and the way out. */
export function GatePanel(props: {
  workspace: Workspace;
  host: Host;
  status: ServerStatus;
  snapshot: ServerSnapshot;
  record: (command: Command) => string | null;
}) {
  const styles = useStyles();
  const { status, snapshot, host } = props;
  const ctx = snapshot.context;
  const timeZone = host.timeZone();
  const gate = status.gate;

  if (gate.allowed) {
    const intent = gate.rule === 'override' ? 'warning' : 'success';
    return (
      <MessageBar intent={intent} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{gate.rule === 'override' ? 'Gate overridden' : 'Step 3 may go ahead'}</MessageBarTitle>
          {gate.rule === 'override' ? gate.explanation : `${GATE_RULE_LABELS[gate.rule]}: ${gate.explanation}`}
        </MessageBarBody>
      </MessageBar>
    );
  }

  return (
    <div className={styles.panel}>
      <MessageBar intent="error" layout="multiline" role="status">
        <MessageBarBody>
          <MessageBarTitle>Blocked: stale local replica</MessageBarTitle>
          This server&apos;s local configuration store was{' '}
          {gate.step1At === null ? (
            'never taken'
          ) : (
            <>
              copied at <TimeText iso={gate.step1At} timeZone={timeZone} withSeconds />
            </>
          )}
          , before the OAuthTokenIssuer certificate was assigned on {shortName(gate.assignedOn)} at{' '}
          <TimeText iso={gate.assignedAt} timeZone={timeZone} withSeconds />. Step 3 here would not show it.
        </MessageBarBody>
      </MessageBar>
      <Remediation {...props} />
      <Override server={ctx.fqdn} record={props.record} />
    </div>
  );
}

function Remediation({
  workspace,
  host,
  status,
  snapshot,
  record,
}: {
  workspace: Workspace;
  host: Host;
  status: ServerStatus;
  snapshot: ServerSnapshot;
  record: (command: Command) => string | null;
}) {
  const styles = useStyles();
  const ctx = snapshot.context;
  const [error, setError] = useState<string | null>(null);
  const [fileRoute, setFileRoute] = useState(false);
  const path = ctx.path;
  // Choosing is two actions (pick, then start) so that moving through the options with the arrow keys records nothing.
  const [selected, setSelected] = useState<RemediationPath | null>(path);
  const [showVerify, setShowVerify] = useState(false);
  const done = new Set(ctx.items.filter((i) => i.path === path).map((i) => i.item));
  const next = status.remediation?.next ?? null;

  return (
    <section className={styles.panel} aria-label="Remediation">
      <Subtitle2 as="h4">Choose how to bring the local store up to date</Subtitle2>
      <RadioGroup
        value={selected ?? ''}
        aria-label="Remediation path"
        onChange={(_, d) => setSelected(d.value as RemediationPath)}
      >
        {(['A', 'B', 'C'] as const).map((p) => (
          <Radio
            key={p}
            value={p}
            label={`${p}  ${REMEDIATIONS[p].title} (${PATH_HINTS[p](status, snapshot)})${p === path ? ' — chosen' : ''}`}
          />
        ))}
      </RadioGroup>
      {selected !== null && selected !== path && (
        <div className={styles.row}>
          <Button
            appearance="primary"
            onClick={() => {
              const refusal = record({ type: 'remediation.chosen', server: ctx.fqdn, path: selected });
              setError(refusal);
            }}
          >
            {path === null ? `Start path ${selected}` : `Switch to path ${selected}`}
          </Button>
          {path !== null && (
            <Text className={styles.muted}>
              The switch is recorded; what was done on path {path} stays in the runbook.
            </Text>
          )}
        </div>
      )}
      {ctx.switches.length > 1 && (
        <Text className={styles.muted}>
          Path changed:{' '}
          {ctx.switches
            .filter((s) => s.from !== null)
            .map((s) => `${s.from} → ${s.to}`)
            .join(', ')}{' '}
          (recorded).
        </Text>
      )}
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {path === null ? (
        <Body1 className={styles.muted}>Or paste evidence below if replication already caught up by itself.</Body1>
      ) : (
        <>
          <Body1>{REMEDIATIONS[path].summary}</Body1>
          {path === 'A' && (
            <Switch
              checked={fileRoute}
              onChange={(_, d) => setFileRoute(d.checked)}
              label="Go through a file (export on another server, copy, import here)"
            />
          )}
          <ol className={styles.items}>
            {REMEDIATIONS[path].items.map((item, index) => (
              <ChecklistRow
                key={item.id}
                workspace={workspace}
                host={host}
                label={`${path}.${index + 1}`}
                item={item}
                state={done.has(item.id) ? 'done' : next?.id === item.id ? 'current' : 'pending'}
                waitingFor={next?.id === item.id ? (status.remediation?.waitingFor ?? null) : null}
                server={ctx.fqdn}
                path={path}
                fileRoute={fileRoute}
                record={record}
              />
            ))}
          </ol>
        </>
      )}
      {next?.id !== 'verify' && (
        <div>
          <Link as="button" onClick={() => setShowVerify((v) => !v)} aria-expanded={showVerify}>
            {showVerify
              ? 'Hide the verification script'
              : 'Show the verification script (its output is the best evidence)'}
          </Link>
        </div>
      )}
      {showVerify && next?.id !== 'verify' && (
        <Scripts workspace={workspace} host={host} server={ctx.fqdn} request={{ kind: 'verify' }} />
      )}
      <EvidenceBox
        server={ctx.fqdn}
        oauth={ctx.oauth}
        timeZone={host.timeZone()}
        preferences={host.preferences}
        record={record}
      />
    </section>
  );
}

function ChecklistRow(props: {
  workspace: Workspace;
  host: Host;
  label: string;
  item: ChecklistItem;
  state: 'done' | 'current' | 'pending';
  waitingFor: string | null;
  server: string;
  path: RemediationPath;
  fileRoute: boolean;
  record: (command: Command) => string | null;
}) {
  const styles = useStyles();
  const [error, setError] = useState<string | null>(null);
  const { item, state } = props;
  const Icon = state === 'done' ? CheckmarkCircleFilled : state === 'current' ? ArrowCircleRightRegular : CircleRegular;
  const showScripts = item.kind !== 'step1' || state !== 'done';
  return (
    <li className={styles.item}>
      <Icon
        className={mergeClasses(
          styles.icon,
          state === 'done' ? styles.done : state === 'current' ? styles.current : styles.pending,
        )}
        aria-hidden
      />
      <div className={styles.itemBody}>
        <Text weight="semibold">
          {props.label} {item.title}{' '}
          <span className="visually-hidden">
            ({state === 'done' ? 'done' : state === 'current' ? 'to do now' : 'later'})
          </span>
        </Text>
        {state === 'done' && <Text className={styles.muted}>Done.</Text>}
        {props.waitingFor && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Path B cannot go on yet</MessageBarTitle>
              {props.waitingFor}
            </MessageBarBody>
          </MessageBar>
        )}
        {state === 'pending' && <Text className={styles.muted}>Later: {item.success}</Text>}
        {item.kind !== 'evidence' && showScripts && state === 'current' && (
          <Scripts
            workspace={props.workspace}
            host={props.host}
            server={props.server}
            request={{ kind: 'remediation', path: props.path, item: item.id }}
            options={props.path === 'A' ? { route: props.fileRoute ? 'file' : 'bytes' } : undefined}
          />
        )}
        {item.kind === 'evidence' && state === 'current' && (
          <>
            <Text className={styles.muted}>
              Run the verification script on {props.server}, then paste its one line of output in the evidence box
              below.
            </Text>
            <Scripts workspace={props.workspace} host={props.host} server={props.server} request={{ kind: 'verify' }} />
          </>
        )}
        {item.kind === 'mark' && state === 'current' && (
          <div className={styles.row}>
            <Button
              appearance="primary"
              onClick={() =>
                setError(
                  props.record({
                    type: 'remediation.item.completed',
                    server: props.server,
                    path: props.path,
                    item: item.id,
                  }),
                )
              }
            >
              Mark {props.label} done
            </Button>
            <Text className={styles.muted}>Success: {item.success}</Text>
          </div>
        )}
        {item.kind === 'step1' && state === 'current' && (
          <Text className={styles.muted}>
            Then record Step 1 again in the checklist above (Step 1 → Record a re-run).
          </Text>
        )}
        {error && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        )}
      </div>
    </li>
  );
}

function Override({ server, record }: { server: string; record: (command: Command) => string | null }) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <section className={styles.override} aria-label="Override">
      {!open ? (
        <div>
          <Button appearance="subtle" onClick={() => setOpen(true)}>
            … or override the gate with a reason
          </Button>
        </div>
      ) : (
        <>
          <Field
            label="Why may Step 3 go ahead on this server anyway?"
            hint="The override and this reason appear everywhere the step is shown, and in the runbook."
            required
            validationState={error ? 'error' : 'none'}
            validationMessage={error ?? undefined}
          >
            <Textarea value={reason} onChange={(_, d) => setReason(d.value)} resize="vertical" />
          </Field>
          <div className={styles.row}>
            <Button
              appearance="primary"
              onClick={() => setError(record({ type: 'override.recorded', server, reason }))}
            >
              Override the gate
            </Button>
            <Button
              onClick={() => {
                setOpen(false);
                setError(null);
              }}
            >
              Cancel
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
