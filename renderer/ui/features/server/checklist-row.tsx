import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  mergeClasses,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ErrorBar } from '../../components/error-bar';
import { ArrowCircleRightRegular, CheckmarkCircleFilled, CircleRegular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import type { Command } from '../../../core/events/schema';
import { cmsPlaceOf } from '../../../core/evidence';
import type { ChecklistItem, RemediationPath } from '../../../core/model/remediation';
import type { Host } from '../../../host/host';
import type { Workspace } from '../../workspace/workspace';
import { CmsStatusPaste, useCmsStatus } from './cms-status-paste';
import { Scripts } from './scripts';
import { usePanelStyles } from './server-panel';

const useStyles = makeStyles({
  item: { display: 'grid', gridTemplateColumns: '24px minmax(0, 1fr)', gap: tokens.spacingHorizontalS },
  itemBody: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  icon: { fontSize: '20px', marginTop: '2px' },
  done: { color: tokens.colorPaletteGreenForeground1 },
  current: { color: tokens.colorBrandForeground1 },
  pending: { color: tokens.colorNeutralForeground3 },
});

/** One item of the chosen path: done, to do now (with its script and its button), or later. */
export function ChecklistRow(props: {
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
  const panel = usePanelStyles();
  const [error, setError] = useState<string | null>(null);
  const { item, state } = props;
  const Icon = state === 'done' ? CheckmarkCircleFilled : state === 'current' ? ArrowCircleRightRegular : CircleRegular;
  const showScripts = item.kind !== 'step1' || state !== 'done';
  // Path B's replication-services item takes the CMS status output as its proof.
  const takesOutput = props.path === 'B' && item.id === 'replication-services' && state === 'current';
  const deployment = props.workspace.session.snapshot().context.deployment;
  const cms = useMemo(() => cmsPlaceOf(deployment), [deployment]);
  const cmsPool = cms?.pool ?? null;
  const [output, setOutput] = useState('');
  const judged = useCmsStatus(takesOutput ? output : '', cms);
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
        {state === 'done' && <Text className={panel.muted}>Done.</Text>}
        {props.waitingFor && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Path {props.path} cannot go on yet</MessageBarTitle>
              {props.waitingFor}
            </MessageBarBody>
          </MessageBar>
        )}
        {state === 'pending' && <Text className={panel.muted}>Later: {item.success}</Text>}
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
            <Text className={panel.muted}>
              Run the verification script on {props.server}, then paste its one line of output in the evidence box
              below.
            </Text>
            <Scripts workspace={props.workspace} host={props.host} server={props.server} request={{ kind: 'verify' }} />
          </>
        )}
        {takesOutput && cmsPool !== null && (
          <CmsStatusPaste text={output} judgement={judged} cmsPool={cmsPool} onChange={setOutput} />
        )}
        {item.kind === 'mark' && state === 'current' && (
          <div className={panel.row}>
            <Button
              appearance="primary"
              onClick={() =>
                setError(
                  props.record({
                    type: 'remediation.item.completed',
                    server: props.server,
                    path: props.path,
                    item: item.id,
                    ...(takesOutput && output.trim() !== ''
                      ? { output: { text: output, read: [...(judged?.read ?? [])] } }
                      : {}),
                  }),
                )
              }
            >
              Mark {props.label} done
            </Button>
            <Text className={panel.muted}>Success: {item.success}</Text>
          </div>
        )}
        {item.kind === 'step1' && state === 'current' && (
          <Text className={panel.muted}>
            Run Step 1 again with the wizard (or the PowerShell equivalent shown here), then record it in the checklist
            above (Step 1 → Record a re-run), saying which you used.
          </Text>
        )}
        <ErrorBar message={error} />
      </div>
    </li>
  );
}
