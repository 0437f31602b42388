import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { GATE_RULE_LABELS } from '../../../core/gate/gate';
import { gateExplanation, STALE_REPLICA } from '../../../core/gate/gate-words';
import { BlockedTimes } from '../../components/blocked-times';
import { TimeText } from '../../components/time-text';
import { keptKey } from '../../kept-text';
import { OverrideForm, WithdrawOverride } from './override-form';
import { RemediationPanel } from './remediation-panel';
import type { ServerPanelProps } from './server-panel';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** Step 3's gate: why it is open, or why it is blocked (with both times), and the way out. */
export function GatePanel(props: ServerPanelProps) {
  const styles = useStyles();
  const { status, snapshot, host } = props;
  const ctx = snapshot.context;
  const timeZone = host.timeZone();
  const gate = status.gate;

  if (gate.allowed) {
    const intent = gate.rule === 'override' ? 'warning' : 'success';
    const bar = (
      <MessageBar intent={intent} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{gate.rule === 'override' ? 'Gate overridden' : 'Step 3 may go ahead'}</MessageBarTitle>
          {gate.rule !== 'override' && `${GATE_RULE_LABELS[gate.rule]}: `}
          {gate.rule === 'replica-current' ? (
            <>
              This server&apos;s local configuration store was taken at{' '}
              <TimeText iso={gate.step1At} timeZone={timeZone} withSeconds />, after the OAuthTokenIssuer certificate
              was assigned on {gate.assignedOn} at <TimeText iso={gate.assignedAt} timeZone={timeZone} withSeconds />.
            </>
          ) : (
            gateExplanation(gate)
          )}
        </MessageBarBody>
      </MessageBar>
    );
    if (gate.rule !== 'override') return bar;
    return (
      <div className={styles.panel}>
        {bar}
        <WithdrawOverride server={ctx.fqdn} record={props.record} />
      </div>
    );
  }

  return (
    <div className={styles.panel}>
      <MessageBar intent="error" layout="multiline" role="status">
        <MessageBarBody>
          <MessageBarTitle>{STALE_REPLICA}</MessageBarTitle>
          <BlockedTimes gate={gate} timeZone={timeZone} />
          Step 3 here would not show the certificate: bring this server&apos;s local store up to date first.
        </MessageBarBody>
      </MessageBar>
      <RemediationPanel {...props} />
      <OverrideForm
        server={ctx.fqdn}
        record={props.record}
        preferences={props.host.preferences}
        keptAs={keptKey(props.workspace, ctx.fqdn, 'override')}
      />
    </div>
  );
}
