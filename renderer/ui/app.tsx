import { FluentProvider, makeStyles, tokens } from '@fluentui/react-components';
import { useActorRef, useSelector } from '@xstate/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import sampleText from '../../assets/sample/contoso-hq.lyncrunbook?raw';
import type { Deployment } from '../core/model/deployment';
import type { Host, HostCommand } from '../host/host';
import { Notice, type NoticeState } from './components/notice';
import { DeploymentScreen } from './features/deployment-screen';
import { ConfirmDiscard, preloadViews, SetupScreen, StartScreen, ViewLoading } from './features/views';
import { useOsTheme } from './theme';
import { documentMachineFor } from './workspace/document.actors';
import type { HeldRecovery, ShellRequest } from './workspace/document.machine';
import { OperatorProvider, useOperator } from './workspace/operator';
import { loadRoute, saveRoute, type Route } from './workspace/route';
import { installFocusRescue } from './focus-rescue';
import { ShellProvider } from './workspace/shell';
import { Workspace, type DocumentSource } from './workspace/workspace';

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
    display: 'flex',
    flexDirection: 'column',
  },
});

/** The app: picks the theme from the OS and hands the host to the screens. */
export function App({ host }: { host: Host }) {
  const { theme } = useOsTheme();
  const styles = useStyles();
  return (
    // The layout sits on a div inside the provider, not on the provider: Fluent gives every portal
    // (popover, dropdown list) a mount node with the provider's classes, and a full-height
    // background there would blank the screen behind an open popover.
    <FluentProvider theme={theme}>
      <div className={styles.root}>
        <OperatorProvider host={host}>
          <Main host={host} />
        </OperatorProvider>
      </div>
    </FluentProvider>
  );
}

const SAMPLE: DocumentSource = {
  handle: null,
  name: 'Contoso HQ (sample)',
  location: 'bundled sample',
  text: sampleText,
};

/** Routing and rendering; the open document's life is the document shell's (workspace/document.machine.ts). */
function Main({ host }: { host: Host }) {
  const { operator } = useOperator();
  const operatorRef = useRef(operator);
  operatorRef.current = operator;
  const machine = useMemo(() => documentMachineFor(host), [host]);
  const shell = useActorRef(machine, { input: { sample: SAMPLE, operator: () => operatorRef.current } });
  const workspace = useSelector(shell, (s) => s.context.document?.workspace ?? null);
  const booted = useSelector(shell, (s) => !s.matches('booting'));
  const confirming = useSelector(shell, (s) => s.matches({ ready: { request: 'confirming' } }));
  const documentName = useSelector(shell, (s) => s.context.document?.meta.name ?? 'this deployment');
  const held = useSelector(shell, (s) => s.context.held);
  const [route, setRoute] = useState<Route>({ screen: 'start' });
  const [notice, setNotice] = useState<NoticeState | null>(null);

  const navigate = useCallback(
    (next: Route) => {
      setRoute(next);
      saveRoute(host.preferences, next);
    },
    [host],
  );

  useEffect(() => {
    const subscriptions = [
      shell.on('notice', (e) => setNotice(e.notice)),
      shell.on('setup', () => navigate({ screen: 'setup' })),
      shell.on('closed', () => navigate({ screen: 'start' })),
      shell.on('opened', (e) => {
        const remembered = loadRoute(host.preferences);
        // Unsaved work from last time comes back where it was.
        navigate(
          e.recovered && remembered.screen === 'deployment'
            ? remembered
            : { screen: 'deployment', tab: 'dashboard', server: null },
        );
      }),
    ];
    return () => subscriptions.forEach((s) => s.unsubscribe());
  }, [shell, host, navigate]);

  const request = useCallback((r: ShellRequest) => shell.send({ type: 'request', request: r }), [shell]);
  const commands = useRef<Record<HostCommand['type'], (command: HostCommand) => void>>(null as never);
  commands.current = {
    new: () => request({ kind: 'new' }),
    open: () => request({ kind: 'open' }),
    // Not over a half-filled setup form; an open deployment stays open until a new one replaces it.
    'import-topology': () => {
      if (route.screen !== 'setup') navigate({ screen: 'start', importing: true });
    },
    save: () => shell.send({ type: 'save' }),
    'save-as': () => shell.send({ type: 'save', as: true }),
    // Only a deployment on screen is closed: on the setup form, Close would throw away what is typed.
    close: () => {
      if (route.screen === 'deployment') request({ kind: 'close' });
    },
    export: () => {
      if (workspace !== null) navigate({ screen: 'deployment', tab: 'export', server: null });
    },
    opened: (command) => command.type === 'opened' && request({ kind: 'opened', document: command.document }),
    about: () =>
      setNotice({
        intent: 'info',
        title: 'lync-runbook',
        text: 'A runbook assistant for Lync Server 2013 and Skype for Business Server 2015 and 2019 deployments.',
      }),
  };
  useEffect(() => host.onCommand((command) => commands.current[command.type](command)), [host]);

  // The views the first screen does not show are fetched once it is up.
  useEffect(() => {
    if (booted) preloadViews();
  }, [booted]);

  // A main action that replaces the part of the screen holding its button keeps the focus near it.
  useEffect(() => installFocusRescue(document), []);

  useEffect(() => {
    const flush = () => shell.send({ type: 'flush' });
    window.addEventListener('pagehide', flush);
    return () => window.removeEventListener('pagehide', flush);
  }, [shell]);

  const createDeployment = (deployment: Deployment): string | null => {
    const created = Workspace.create(deployment, operator);
    if (!created.ok) return created.message;
    const meta = { handle: null, name: deployment.name, location: 'not saved yet' };
    request({ kind: 'create', document: { workspace: created.workspace, meta } });
    return null;
  };

  let screen: React.ReactNode;
  if (!booted) screen = null;
  else if (route.screen === 'setup')
    screen = (
      <SetupScreen
        host={host}
        initial={route.draft}
        onCancel={() =>
          navigate(workspace ? { screen: 'deployment', tab: 'dashboard', server: null } : { screen: 'start' })
        }
        onCreate={createDeployment}
      />
    );
  else if (route.screen === 'deployment' && workspace !== null)
    screen = (
      <DeploymentScreen
        host={host}
        workspace={workspace}
        route={route}
        navigate={navigate}
        onCommand={(type) => commands.current[type]({ type } as HostCommand)}
        setNotice={setNotice}
      />
    );
  else
    screen = (
      <StartScreen
        key={route.screen === 'start' && route.importing === true ? 'importing' : 'start'}
        host={host}
        importing={route.screen === 'start' && route.importing === true}
        back={
          workspace === null
            ? null
            : { name: documentName, onBack: () => navigate({ screen: 'deployment', tab: 'dashboard', server: null }) }
        }
        onNew={() => request({ kind: 'new' })}
        onOpen={() => request({ kind: 'open' })}
        onOpenSample={() => request({ kind: 'open-sample' })}
        onOpenRecent={(handle) => request({ kind: 'open-recent', handle })}
        onImported={(draft) => navigate({ screen: 'setup', draft })}
      />
    );

  return (
    <ShellProvider shell={shell}>
      {held && (
        <HeldRecoveryNotice
          held={held}
          onExport={() => shell.send({ type: 'recovery.export' })}
          onDiscard={() => shell.send({ type: 'recovery.discard' })}
        />
      )}
      {notice && <Notice notice={notice} onDismiss={() => setNotice(null)} />}
      <ViewLoading label="the screen">{screen}</ViewLoading>
      {confirming && (
        <ViewLoading label="the question">
          <ConfirmDiscard name={documentName} onChoose={(choice) => shell.send({ type: 'choose', choice })} />
        </ViewLoading>
      )}
    </ShellProvider>
  );
}

/** Unsaved work from last time that could not be opened: no way to wave it away unread, only the two decisions. */
function HeldRecoveryNotice({
  held,
  onExport,
  onDiscard,
}: {
  held: HeldRecovery;
  onExport: () => void;
  onDiscard: () => void;
}) {
  return (
    <Notice
      notice={{
        intent: 'error',
        title: 'Unsaved work from last time could not be opened',
        text: `${held.message} It is kept until you decide; until then, changes to other deployments are not kept for recovery.`,
        actions: [
          { label: 'Save it as a file…', onClick: onExport },
          { label: 'Discard it', onClick: onDiscard },
        ],
      }}
    />
  );
}
