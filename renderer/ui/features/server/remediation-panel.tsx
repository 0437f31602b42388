import { Body1, Link, makeStyles, Switch, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { checklistOf, REMEDIATIONS, type ChecklistItemId } from '../../../core/model/remediation';
import { serversWaitingForEvidence } from '../../../core/session/waiting';
import { ChecklistRow } from './checklist-row';
import { PathChooser } from './path-chooser';
import { keptKey } from '../../kept-text';
import { EvidenceBox } from './evidence-box';
import { usePanelStyles, type ServerPanelProps } from './server-panel';
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
});

/** The way out of a blocked gate: the three paths, the chosen path's checklist, and the evidence box. */
export function RemediationPanel({ workspace, host, status, snapshot, record, setNotice }: ServerPanelProps) {
  const styles = useStyles();
  const panel = usePanelStyles();
  const ctx = snapshot.context;
  const [fileRoute, setFileRoute] = useState(false);
  const path = ctx.path;
  const [showVerify, setShowVerify] = useState(false);
  // Worked out again only when something is recorded (judging a paste for each of them is not free).
  const deployment = workspace.session.view().snapshot;
  const waiting = useMemo(() => serversWaitingForEvidence(deployment), [deployment]);
  const done = new Set(ctx.items.filter((i) => i.path === path).map((i) => i.item));
  const next = status.remediation?.next ?? null;
  // The items before the one to do now are done, those the admin marked and the automatic ones the
  // machine went past once their condition held (the CMS pool's start): they are never "later".
  const checklist = path === null ? [] : checklistOf(path);
  const nextIndex = next === null ? checklist.length : checklist.findIndex((i) => i.id === next.id);
  const stateOf = (id: ChecklistItemId, index: number): 'done' | 'current' | 'pending' =>
    done.has(id) || index < nextIndex ? 'done' : index === nextIndex ? 'current' : 'pending';

  return (
    <section className={styles.panel} aria-label="Remediation">
      <PathChooser workspace={workspace} snapshot={snapshot} record={record} />
      {path === null ? (
        <Body1 className={panel.muted}>Or paste evidence below if replication already caught up by itself.</Body1>
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
            {checklist.map((item, index) => (
              <ChecklistRow
                key={item.id}
                workspace={workspace}
                host={host}
                label={`${path}.${index + 1}`}
                item={item}
                state={stateOf(item.id, index)}
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
        keptAs={keptKey(workspace, ctx.fqdn, 'evidence')}
        record={record}
        wouldRefuse={(command) => workspace.wouldRefuse(command)}
        waiting={waiting}
        setNotice={setNotice}
      />
    </section>
  );
}
