/**
 * The screens and views the first screen does not show, each loaded when first wanted (its code, and
 * the core it alone uses: evidence reading, script generation, the runbook, topology import), so the
 * app starts on the dashboard having loaded only what the dashboard needs. Once the first screen is
 * up, the rest is fetched while the page is idle, so opening a view does not wait for it.
 */
import { lazy, Suspense, type ReactNode } from 'react';
import { Spinner } from '@fluentui/react-components';
import { whenIdle } from '../idle';

const loaders = {
  server: () => import('./server/server-view'),
  timeline: () => import('./timeline/timeline'),
  topology: () => import('./topology/topology-view'),
  export: () => import('./export/export-view'),
  setup: () => import('./setup/setup-screen'),
  start: () => import('./start/start-screen'),
  // Shown only on demand: the question before discarding unsaved work, and adding a thumbprint later.
  confirm: () => import('../components/confirm-discard'),
  thumbprint: () => import('./dashboard/record-thumbprint'),
};

export const ServerView = lazy(() => loaders.server().then((m) => ({ default: m.ServerView })));
export const Timeline = lazy(() => loaders.timeline().then((m) => ({ default: m.Timeline })));
export const TopologyView = lazy(() => loaders.topology().then((m) => ({ default: m.TopologyView })));
export const ExportView = lazy(() => loaders.export().then((m) => ({ default: m.ExportView })));
export const SetupScreen = lazy(() => loaders.setup().then((m) => ({ default: m.SetupScreen })));
export const StartScreen = lazy(() => loaders.start().then((m) => ({ default: m.StartScreen })));
export const ConfirmDiscard = lazy(() => loaders.confirm().then((m) => ({ default: m.ConfirmDiscard })));
export const RecordThumbprint = lazy(() => loaders.thumbprint().then((m) => ({ default: m.RecordThumbprint })));

/**
 * Fetches every view's code once the first screen has been painted, while the page is idle (not
 * before: the wait for the stored documents at start is idle time too, and the first screen would
 * wait for code it does not show).
 */
export function preloadViews(): void {
  const fetchAll = () =>
    whenIdle(() => {
      for (const load of Object.values(loaders)) void load();
    });
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(fetchAll, 0));
  else fetchAll();
}

/** Shows a view once its code is loaded; meanwhile, a spinner that says what is coming. */
export function ViewLoading({ children, label }: { children: ReactNode; label: string }) {
  return <Suspense fallback={<Spinner size="small" label={`Loading ${label}…`} />}>{children}</Suspense>;
}
