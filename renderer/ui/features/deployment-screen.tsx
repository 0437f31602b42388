import {
  Badge,
  Button,
  Caption1,
  Input,
  Label,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Tab,
  TabList,
  Text,
  tokens,
} from '@fluentui/react-components';
import {
  AddRegular,
  ArrowExportRegular,
  DismissRegular,
  FolderOpenRegular,
  SaveEditRegular,
  SaveRegular,
} from '@fluentui/react-icons';
import { useEffect, useId, useMemo } from 'react';
import { PRODUCTS } from '../../core/model/product';
import { INTEGRITY_TITLE, integrityWarning } from '../../core/session/integrity';
import type { Host, HostCommand } from '../../host/host';
import type { NoticeState } from '../components/notice';
import { useSession } from '../hooks';
import { useDocumentView } from '../workspace/shell';
import { useOperator } from '../workspace/operator';
import type { DeploymentTab, Route } from '../workspace/route';
import type { Workspace } from '../workspace/workspace';
import { Dashboard } from './dashboard/dashboard';
import { GlobalFacts } from './dashboard/global-facts';
import { ExportView, ServerView, Timeline, TopologyView, ViewLoading } from './views';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  titles: { display: 'flex', flexDirection: 'column', minWidth: 0, flexGrow: 1 },
  app: { color: tokens.colorBrandForeground1, fontWeight: tokens.fontWeightSemibold },
  name: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  status: { color: tokens.colorNeutralForeground2 },
  operator: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  nav: {
    padding: `0 ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  main: { padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`, flexGrow: 1, minWidth: 0 },
});

/** The open deployment: the shell (title, operator, actions, tabs, global facts) around the current view. */
export function DeploymentScreen(props: {
  host: Host;
  workspace: Workspace;
  route: Extract<Route, { screen: 'deployment' }>;
  navigate: (route: Route) => void;
  onCommand: (type: HostCommand['type']) => void;
  setNotice: (notice: NoticeState | null) => void;
}) {
  const { workspace, route, navigate, host } = props;
  const styles = useStyles();
  const state = useDocumentView();
  const { operator, setOperator } = useOperator();
  const operatorId = useId();
  const product = useSession(workspace, (v) => v.snapshot.context.deployment?.product ?? 'lync2013');
  const deploymentName = useSession(workspace, (v) => v.snapshot.context.deployment?.name ?? '');

  useEffect(() => workspace.setOperator(operator), [workspace, operator]);
  // Read once: a history that does not match its chain opens read-only, so it never changes.
  const integrity = useMemo(
    () => integrityWarning(workspace.session.history, workspace.session.integrity()),
    [workspace],
  );

  if (state === null) return null;
  const open = (tab: DeploymentTab, server: string | null = null) => navigate({ screen: 'deployment', tab, server });
  const saveState =
    state.location === 'not saved yet' || state.handle === null
      ? 'Not saved yet'
      : state.dirty
        ? 'Unsaved changes (kept in the recovery copy)'
        : 'Saved';

  let view: React.ReactNode;
  if (route.tab === 'timeline')
    view = <Timeline workspace={workspace} host={host} onOpenServer={(fqdn) => open('dashboard', fqdn)} />;
  else if (route.tab === 'topology') view = <TopologyView workspace={workspace} setNotice={props.setNotice} />;
  else if (route.tab === 'export') view = <ExportView workspace={workspace} host={host} setNotice={props.setNotice} />;
  else if (route.server !== null)
    view = (
      <ServerView
        key={route.server}
        workspace={workspace}
        host={host}
        fqdn={route.server}
        onBack={() => open('dashboard')}
        setNotice={props.setNotice}
      />
    );
  else view = <Dashboard workspace={workspace} host={host} onOpenServer={(fqdn) => open('dashboard', fqdn)} />;

  return (
    <>
      <header className={styles.header}>
        <div className={styles.titles}>
          <Caption1 className={styles.app}>lync-runbook</Caption1>
          <Text as="h1" className={styles.name}>
            {deploymentName}{' '}
            <Badge appearance="tint" color="brand">
              {PRODUCTS[product].name}
            </Badge>
          </Text>
          <Caption1 className={styles.status}>
            {state.name} · {saveState}
          </Caption1>
        </div>
        <div className={styles.operator}>
          <Label htmlFor={operatorId} required>
            Operator
          </Label>
          <Input
            id={operatorId}
            value={operator}
            onChange={(_, d) => setOperator(d.value)}
            placeholder="Your name"
            size="small"
          />
        </div>
        <div className={styles.actions}>
          <Button icon={<AddRegular />} onClick={() => props.onCommand('new')}>
            New
          </Button>
          <Button icon={<FolderOpenRegular />} onClick={() => props.onCommand('open')}>
            Open…
          </Button>
          <Button
            icon={<SaveRegular />}
            appearance={state.dirty ? 'primary' : 'secondary'}
            onClick={() => props.onCommand('save')}
          >
            Save
          </Button>
          <Button icon={<SaveEditRegular />} onClick={() => props.onCommand('save-as')}>
            Save as…
          </Button>
          <Button icon={<ArrowExportRegular />} onClick={() => open('export')}>
            Export runbook
          </Button>
          <Button
            icon={<DismissRegular />}
            onClick={() => props.onCommand('close')}
            title="Close this deployment and go back to the start screen (import a topology, recent deployments)"
          >
            Close
          </Button>
        </div>
      </header>
      <nav className={styles.nav} aria-label="Deployment views">
        <TabList selectedValue={route.tab} onTabSelect={(_, d) => open(d.value as DeploymentTab)}>
          <Tab value="dashboard">Dashboard</Tab>
          <Tab value="timeline">Timeline</Tab>
          <Tab value="topology">Topology</Tab>
          <Tab value="export">Export</Tab>
        </TabList>
      </nav>
      {integrity !== null && (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{INTEGRITY_TITLE}</MessageBarTitle>
            {integrity}
          </MessageBarBody>
        </MessageBar>
      )}
      {state.autosaveError && (
        <MessageBar intent="warning" role="alert" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>The recovery copy could not be written</MessageBarTitle>
            {state.autosaveError} Save the deployment now so that nothing is lost if the app closes.
          </MessageBarBody>
        </MessageBar>
      )}
      <GlobalFacts workspace={workspace} host={host} onOpenServer={(fqdn) => open('dashboard', fqdn)} />
      <main className={styles.main}>
        <ViewLoading label="the view">{view}</ViewLoading>
      </main>
    </>
  );
}
