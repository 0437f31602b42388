import { Body1, makeStyles, Title2, tokens } from '@fluentui/react-components';
import type { Deployment } from '../../../core/model/deployment';
import type { Host } from '../../../host/host';
import { DeploymentForm, emptyDeployment } from './deployment-form';

const useStyles = makeStyles({
  page: { maxWidth: '1040px', width: '100%', margin: '0 auto', padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXL}`, boxSizing: 'border-box' },
  lead: { display: 'block', margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXL}`, color: tokens.colorNeutralForeground2 },
});

/** A new deployment: what is deployed, where the CMS lives, and which servers run the wizard. */
export function SetupScreen(props: { host: Host; initial?: Deployment; onCreate: (deployment: Deployment) => string | null; onCancel: () => void }) {
  const styles = useStyles();
  return (
    <main className={styles.page} aria-labelledby="setup-title">
      <Title2 as="h1" id="setup-title">
        New deployment
      </Title2>
      <Body1 className={styles.lead}>List the pools and servers as Topology Builder has them. Each server gets a row on the dashboard and its own Steps 1–4.</Body1>
      <DeploymentForm initial={props.initial ?? emptyDeployment()} submitLabel="Create the deployment" onSubmit={props.onCreate} onCancel={props.onCancel} />
    </main>
  );
}
