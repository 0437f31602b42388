import { Body1, Field, Input, makeStyles, Title2, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Deployment } from '../../../core/model/deployment';
import type { Host } from '../../../host/host';
import { useOperator } from '../../workspace/operator';
import { DeploymentForm, emptyDeployment } from './deployment-form';

const useStyles = makeStyles({
  page: {
    maxWidth: '1040px',
    width: '100%',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXL}`,
    boxSizing: 'border-box',
  },
  lead: {
    display: 'block',
    margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalL}`,
    color: tokens.colorNeutralForeground2,
  },
  operator: { maxWidth: '320px', marginBottom: tokens.spacingVerticalL },
});

const OPERATOR_MISSING = 'Enter your name in "Your name (operator)": the runbook records who did each thing.';

/** A new deployment: what is deployed, where the CMS lives, and which servers run the wizard. */
export function SetupScreen(props: {
  host: Host;
  initial?: Deployment;
  onCreate: (deployment: Deployment) => string | null;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const { operator, setOperator } = useOperator();
  const [tried, setTried] = useState(false);
  const operatorError = tried && operator.trim() === '' ? OPERATOR_MISSING : null;
  return (
    <main className={styles.page} aria-labelledby="setup-title">
      <Title2 as="h1" id="setup-title">
        New deployment
      </Title2>
      <Body1 className={styles.lead}>
        List the pools and servers as Topology Builder has them. Each server gets a row on the dashboard and its own
        Steps 1–4.
      </Body1>
      <Field
        className={styles.operator}
        label="Your name (operator)"
        required
        validationState={operatorError ? 'error' : 'none'}
        validationMessage={operatorError ?? undefined}
      >
        <Input value={operator} onChange={(_, d) => setOperator(d.value)} placeholder="j.smith" />
      </Field>
      <DeploymentForm
        initial={props.initial ?? emptyDeployment()}
        submitLabel="Create the deployment"
        onSubmit={props.onCreate}
        onCancel={props.onCancel}
        otherProblems={operator.trim() === '' ? [OPERATOR_MISSING] : []}
        onTry={() => setTried(true)}
      />
    </main>
  );
}
