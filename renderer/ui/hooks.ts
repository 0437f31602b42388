import { useSyncExternalStoreWithSelector } from 'use-sync-external-store/with-selector';
import { serverSnapshotOf } from '../core/machines/deployment.machine';
import type { ServerSnapshot } from '../core/machines/server.machine';
import type { SessionView } from '../core/session/session';
import type { Workspace } from './workspace/workspace';

/**
 * The one way the UI hears of a change to the deployment: a narrow read of the session (its machines
 * and its history after the latest event), re-rendering only when the selected value changes
 * (`isEqual`, else identity).
 */
export function useSession<T>(
  workspace: Workspace,
  select: (view: SessionView) => T,
  isEqual?: (a: T, b: T) => boolean,
): T {
  const session = workspace.session;
  return useSyncExternalStoreWithSelector(session.subscribe, () => session.view(), null, select, isEqual);
}

/** One server's machine snapshot (undefined when the server is not in the topology); a new one only when it changes. */
export function useServerSnapshot(workspace: Workspace, fqdn: string): ServerSnapshot | undefined {
  return useSession(workspace, (view) => serverSnapshotOf(view.snapshot, fqdn));
}
