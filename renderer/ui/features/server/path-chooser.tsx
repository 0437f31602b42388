import { Button, Radio, RadioGroup, Subtitle2, Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { CmsStatus } from '../../../core/machines/server.context';
import { shortName } from '../../../core/model/fqdn';
import { REMEDIATION_PATHS, REMEDIATIONS, type RemediationPath } from '../../../core/model/remediation';
import { ErrorBar } from '../../components/error-bar';
import { useSession } from '../../hooks';
import { usePanelStyles, type ServerPanelProps } from './server-panel';

const PATH_HINTS: Record<RemediationPath, (cms: CmsStatus) => string> = {
  A: () => 'fastest; needs access to the CMS',
  B: (cms) =>
    cms.running.length > 0
      ? `needs a CMS-pool Front End running — ${cms.running.map(shortName).join(', ')} is`
      : 'needs a CMS-pool Front End running — none is yet',
  C: () => 'once CMS replication has completed',
};

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
  const ctx = snapshot.context;
  const path = ctx.path;
  const [selected, setSelected] = useState<RemediationPath | null>(path);
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
            label={`${p}  ${REMEDIATIONS[p].title} (${PATH_HINTS[p](cms)})${p === path ? ' — chosen' : ''}`}
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
