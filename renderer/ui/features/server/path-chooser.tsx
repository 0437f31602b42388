import { Button, makeStyles, Radio, RadioGroup, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { replicationCannotGoFirst } from '../../../core/machines/checklist';
import type { ServerContext } from '../../../core/machines/server.context';
import { REMEDIATION_PATHS, REMEDIATIONS, type RemediationPath } from '../../../core/model/remediation';
import { ErrorBar } from '../../components/error-bar';
import { useSession } from '../../hooks';
import { usePanelStyles, type ServerPanelProps } from './server-panel';

const PATH_HINTS: Record<RemediationPath, (context: ServerContext) => string> = {
  A: () => 'fastest; needs access to the CMS; works before the CMS pool has started',
  B: (context) =>
    replicationCannotGoFirst(context)
      ? 'cannot go first: this server is one of the members the CMS pool needs for its first start'
      : context.cms.startedAt !== null
        ? 'the CMS pool has started; its replication services bring the configuration'
        : 'waits for the CMS pool to start',
  C: () => 'the wizard again: Step 1 → Run Again, after checking the CMS holds the assignment',
};

const useStyles = makeStyles({
  // Fluent greys the label of an option not chosen, which reads as disabled: every option can be chosen.
  label: { color: tokens.colorNeutralForeground1 },
});

/** The path recommended for this server: A when replication cannot reach it first, else none. */
function recommended(context: ServerContext): RemediationPath | null {
  return replicationCannotGoFirst(context) ? 'A' : null;
}

/**
 * The three ways out, and the one chosen. Choosing is two actions (pick, then start) so that moving
 * through the options with the arrow keys records nothing.
 */
export function PathChooser({
  workspace,
  snapshot,
  record,
}: Pick<ServerPanelProps, 'workspace' | 'snapshot' | 'record'>) {
  // The CMS pool's state as the deployment holds it (a server is told it only when it waits for it).
  const cms = useSession(workspace, (v) => v.snapshot.context.cms);
  const panel = usePanelStyles();
  const styles = useStyles();
  const ctx = snapshot.context;
  const current = { ...ctx, cms };
  const advised = recommended(current);
  const path = ctx.path;
  const [selected, setSelected] = useState<RemediationPath | null>(path ?? advised);
  const [error, setError] = useState<string | null>(null);
  return (
    <>
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
            label={{
              className: styles.label,
              children: `${p}  ${REMEDIATIONS[p].title} (${PATH_HINTS[p](current)})${p === advised ? ' — recommended' : ''}${p === path ? ' — chosen' : ''}`,
            }}
          />
        ))}
      </RadioGroup>
      {selected !== null && selected !== path && (
        <div className={panel.row}>
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
            <Text className={panel.muted}>
              The switch is recorded; what was done on path {path} stays in the runbook.
            </Text>
          )}
        </div>
      )}
      {ctx.switches.length > 1 && (
        <Text className={panel.muted}>
          Path changed:{' '}
          {ctx.switches
            .filter((s) => s.from !== null)
            .map((s) => `${s.from} → ${s.to}`)
            .join(', ')}{' '}
          (recorded).
        </Text>
      )}
      <ErrorBar message={error} />
    </>
  );
}
