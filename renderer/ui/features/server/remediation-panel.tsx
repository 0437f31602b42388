import {
  Body1,
  Button,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Subtitle2,
  Switch,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { ServerSnapshot } from '../../../core/machines/server.machine';
import type { ServerStatus } from '../../../core/machines/status';
import { shortName } from '../../../core/model/fqdn';
import { checklistOf, REMEDIATION_PATHS, REMEDIATIONS, type RemediationPath } from '../../../core/model/remediation';
import { ChecklistRow } from './checklist-row';
import { EvidenceBox } from './evidence-box';
import type { ServerPanelProps } from './server-panel';
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
  muted: { color: tokens.colorNeutralForeground2 },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
});

const PATH_HINTS: Record<RemediationPath, (status: ServerStatus, snapshot: ServerSnapshot) => string> = {
  A: () => 'fastest; needs access to the CMS',
  B: (_s, snap) =>
    snap.context.cms.running.length > 0
      ? `needs a CMS-pool Front End running — ${snap.context.cms.running.map(shortName).join(', ')} is`
      : 'needs a CMS-pool Front End running — none is yet',
  C: () => 'once CMS replication has completed',
};

/** The way out of a blocked gate: the three paths, the chosen path's checklist, and the evidence box. */
export function RemediationPanel({ workspace, host, status, snapshot, record }: ServerPanelProps) {
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
        {REMEDIATION_PATHS.map((p) => (
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
            {checklistOf(path).map((item, index) => (
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
