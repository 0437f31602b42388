import { FluentProvider, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import sampleText from '../../assets/sample/contoso-hq.lyncrunbook?raw';
import type { Deployment } from '../core/model/deployment';
import type { Host, HostCommand } from '../host/host';
import { ConfirmDiscard, type DiscardChoice } from './components/confirm-discard';
import { Notice, type NoticeState } from './components/notice';
import { DeploymentScreen } from './features/deployment-screen';
import { SetupScreen } from './features/setup/setup-screen';
import { StartScreen } from './features/start/start-screen';
import { useOsTheme } from './theme';
import { Workspace, type DocumentSource } from './workspace/workspace';
import { OperatorProvider, useOperator } from './workspace/operator';
import { loadRoute, saveRoute, type Route } from './workspace/route';

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

function Main({ host }: { host: Host }) {
  const { operator } = useOperator();
  const [workspace, setWorkspace] = useState<Workspace | null>(null);
  const [route, setRoute] = useState<Route>({ screen: 'start' });
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const [pendingDiscard, setPendingDiscard] = useState<{ resolve: (choice: DiscardChoice) => void } | null>(null);
  const [booted, setBooted] = useState(false);
  const workspaceRef = useRef<Workspace | null>(null);
  workspaceRef.current = workspace;
  // Unsaved work from last time that could not be opened, kept in the single recovery slot until
  // the admin saves or discards it; meanwhile other documents do not autosave over it.
  const [heldRecovery, setHeldRecovery] = useState<{
    readonly name: string;
    readonly text: string;
    readonly message: string;
  } | null>(null);
  const holding = useRef(false);
  const documentHost = useMemo<Host>(
    () => ({
      ...host,
      autosave: (doc) =>
        holding.current
          ? Promise.reject(
              new Error(
                'Unsaved work from last time is waiting in the recovery copy: save it as a file or discard it (the message at the top), then changes here are kept for recovery again.',
              ),
            )
          : host.autosave(doc),
      clearAutosave: () => (holding.current ? Promise.resolve() : host.clearAutosave()),
    }),
    [host],
  );
  const releaseRecovery = useCallback(() => {
    holding.current = false;
    setHeldRecovery(null);
    workspaceRef.current?.resumeAutosave();
  }, []);

  const navigate = useCallback(
    (next: Route) => {
      setRoute(next);
      saveRoute(host.preferences, next);
    },
    [host],
  );

  const adopt = useCallback(
    (next: Workspace, nextRoute: Route = { screen: 'deployment', tab: 'dashboard', server: null }) => {
      const previous = workspaceRef.current;
      previous?.discard();
      // The single recovery slot now belongs to the new document: a clean one needs none.
      if (previous !== null && !next.getState().dirty) void documentHost.clearAutosave().catch(() => undefined);
      setWorkspace(next);
      navigate(nextRoute);
    },
    [documentHost, navigate],
  );

  /** Asks what to do with unsaved changes before they would be lost; false means stop. */
  const settleUnsaved = useCallback(async (): Promise<boolean> => {
    const current = workspaceRef.current;
    if (current === null || !current.getState().dirty) return true;
    const choice = await new Promise<DiscardChoice>((resolve) => setPendingDiscard({ resolve }));
    setPendingDiscard(null);
    if (choice === 'cancel') return false;
    if (choice === 'save') {
      const saved = await current.save(false);
      if (saved === null) return false;
      if (!saved.ok) {
        setNotice({ intent: 'error', title: 'Not saved', text: saved.message });
        return false;
      }
    }
    // The recovery copy goes only when another document replaces this one (see adopt).
    return true;
  }, []);

  const openText = useCallback(
    (opened: DocumentSource, options: { dirty?: boolean; route?: Route; notice?: NoticeState } = {}) => {
      const result = Workspace.open(documentHost, opened, operator, options.dirty ?? false);
      if (!result.ok) {
        setNotice({ intent: 'error', title: 'This file was not opened', text: result.message });
        return false;
      }
      adopt(result.workspace, options.route);
      setNotice(options.notice ?? null);
      return true;
    },
    [adopt, documentHost, operator],
  );

  const openSample = useCallback(() => {
    const result = Workspace.open(documentHost, SAMPLE, operator, false);
    if (!result.ok) {
      setNotice({ intent: 'error', title: 'The sample did not open', text: result.message });
      return;
    }
    adopt(result.workspace);
    setNotice({
      intent: 'info',
      title: 'Sample deployment',
      text: 'This is the bundled sample: fe01 assigned the OAuthTokenIssuer certificate after fe02 and fe03 took their local stores, so both are blocked. Save it under another name to keep your changes.',
    });
  }, [adopt, documentHost, operator]);

  const commands = useRef<Record<HostCommand['type'], (command: HostCommand) => void>>(null as never);
  commands.current = {
    new: () =>
      void settleUnsaved().then((go) => {
        if (!go) return;
        setNotice(null);
        navigate({ screen: 'setup' });
      }),
    open: () =>
      void settleUnsaved().then(async (go) => {
        if (!go) return;
        try {
          const opened = await host.openDocument();
          if (opened) openText(opened);
        } catch (error) {
          setNotice({
            intent: 'error',
            title: 'Could not open',
            text: error instanceof Error ? error.message : String(error),
          });
        }
      }),
    save: () => void saveCurrent(false),
    'save-as': () => void saveCurrent(true),
    export: () => {
      if (workspaceRef.current) navigate({ screen: 'deployment', tab: 'export', server: null });
    },
    opened: (command) => {
      if (command.type !== 'opened') return;
      void settleUnsaved().then((go) => go && openText(command.document));
    },
    about: () =>
      setNotice({
        intent: 'info',
        title: 'lync-runbook',
        text: 'A runbook assistant for Lync Server 2013 and Skype for Business Server 2015 and 2019 deployments.',
      }),
  };

  async function saveCurrent(saveAs: boolean) {
    const current = workspaceRef.current;
    if (current === null) return;
    const result = await current.save(saveAs);
    if (result === null) return;
    setNotice(
      result.ok
        ? {
            intent: 'success',
            title: 'Saved',
            text: `${current.getState().name} (${current.getState().location})`,
            transient: true,
          }
        : { intent: 'error', title: 'Not saved', text: result.message },
    );
  }

  useEffect(() => host.onCommand((command) => commands.current[command.type](command)), [host]);

  // Start: recover work in progress if any; otherwise the sample on the very first start.
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      try {
        const recovered = await host.findRecovery();
        if (cancelled) return;
        if (recovered !== null) {
          const route = loadRoute(host.preferences);
          const opened = Workspace.open(
            documentHost,
            {
              handle: recovered.handle,
              name: recovered.name,
              location: recovered.handle === null ? 'not saved yet' : 'recovered',
              text: recovered.text,
            },
            operator,
            true,
          );
          if (opened.ok) {
            adopt(opened.workspace, route.screen === 'deployment' ? route : undefined);
          } else {
            // Never thrown away unasked: it may be the only copy of unsaved work. Until the admin
            // decides, no other document may take the recovery slot.
            holding.current = true;
            setHeldRecovery({ name: recovered.name, text: recovered.text, message: opened.message });
          }
        } else if (host.preferences.get('first-start-done') === null) {
          host.preferences.set('first-start-done', 'yes');
          openSample();
        }
      } catch (error) {
        setNotice({
          intent: 'error',
          title: 'Could not check for work in progress',
          text: error instanceof Error ? error.message : String(error),
        });
      } finally {
        if (!cancelled) setBooted(true);
      }
    })();
    return () => {
      cancelled = true;
    };
    // Runs once, at start.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const flush = () => workspaceRef.current?.flushAutosave();
    window.addEventListener('pagehide', flush);
    return () => window.removeEventListener('pagehide', flush);
  }, []);

  const createDeployment = (deployment: Deployment): string | null => {
    const result = Workspace.create(documentHost, deployment, operator);
    if (!result.ok) return result.message;
    adopt(result.workspace);
    setNotice(null);
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
        host={host}
        onNew={() => commands.current.new({ type: 'new' })}
        onOpen={() => commands.current.open({ type: 'open' })}
        onOpenSample={() => void settleUnsaved().then((go) => go && openSample())}
        onOpenRecent={async (handle) => {
          if (!(await settleUnsaved())) return;
          try {
            openText(await host.openRecent(handle));
          } catch (error) {
            setNotice({
              intent: 'error',
              title: 'Could not open',
              text: error instanceof Error ? error.message : String(error),
            });
          }
        }}
        onImported={(draft) => navigate({ screen: 'setup', draft })}
      />
    );

  return (
    <>
      {heldRecovery && (
        <Notice
          notice={{
            intent: 'error',
            title: 'Unsaved work from last time could not be opened',
            text: `${heldRecovery.message} It is kept until you decide; until then, changes to other deployments are not kept for recovery.`,
            actions: [
              {
                label: 'Save it as a file…',
                onClick: () =>
                  void host
                    .exportFile({
                      suggestedName: `${heldRecovery.name} recovered`,
                      format: 'json',
                      content: heldRecovery.text,
                    })
                    .then(
                      (saved) => {
                        if (saved === null) return;
                        void host.clearAutosave().catch(() => undefined);
                        releaseRecovery();
                        setNotice({
                          intent: 'success',
                          title: 'Saved',
                          text: `The unsaved work from last time is in ${saved.name}.`,
                          transient: true,
                        });
                      },
                      (error: unknown) =>
                        setNotice({
                          intent: 'error',
                          title: 'Not saved',
                          text: error instanceof Error ? error.message : String(error),
                        }),
                    ),
              },
              { label: 'Discard it', onClick: () => void host.clearAutosave().then(releaseRecovery, () => undefined) },
            ],
          }}
        />
      )}
      {notice && <Notice notice={notice} onDismiss={() => setNotice(null)} />}
      {screen}
      {pendingDiscard && (
        <ConfirmDiscard name={workspace?.getState().name ?? 'this deployment'} onChoose={pendingDiscard.resolve} />
      )}
    </>
  );
}
