import { Body1, makeStyles, Subtitle1, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Deployment } from '../../../core/model/deployment';
import type { NoticeState } from '../../components/notice';
import { recordedServers } from '../../../core/machines/deployment.context';
import { useSession } from '../../hooks';
import type { Workspace } from '../../workspace/workspace';
import { DeploymentForm } from '../setup/deployment-form';

const useStyles = makeStyles({
  page: { maxWidth: '1040px', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** The deployment's topology, editable: each change is recorded as one topology update in the history. */
export function TopologyView({
  workspace,
  setNotice,
}: {
  workspace: Workspace;
  setNotice: (n: NoticeState | null) => void;
}) {
  const styles = useStyles();
  const deployment = useSession(workspace, (v) => v.snapshot.context.deployment);
  const recorded = useSession(workspace, (v) => v.snapshot.context.recorded);
  const [formKey, setFormKey] = useState(0);
  if (deployment === null) return null;
  // Servers with recorded steps stay: their history is part of the runbook.
  const locked = recordedServers(recorded);
  const submit = (next: Deployment): string | null => {
    const result = workspace.record({ type: 'topology.updated', deployment: next });
    if (!result.ok) return result.message;
    setNotice({
      intent: 'success',
      title: 'Topology updated',
      text: 'The change is recorded in the timeline.',
      transient: true,
    });
    setFormKey((k) => k + 1);
    return null;
  };
  return (
    <section className={styles.page} aria-labelledby="topology-title">
      <Subtitle1 as="h2" id="topology-title">
        Topology
      </Subtitle1>
      <Body1 className={styles.muted}>
        Add the servers Topology Builder has; servers with recorded steps cannot be removed or renamed.
      </Body1>
      <DeploymentForm
        key={formKey}
        initial={deployment}
        lockedServers={locked}
        submitLabel="Save the topology"
        onSubmit={submit}
        onCancel={() => setFormKey((k) => k + 1)}
      />
    </section>
  );
}
