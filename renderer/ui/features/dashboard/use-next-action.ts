import { useMemo, useSyncExternalStore } from 'react';
import type { ServerSnapshot } from '../../../core/machines/deployment.machine';
import { nextAction, type NextAction } from '../../../core/machines/next-action';
import { serverStatus } from '../../../core/machines/status';
import { serverSnapshotOf } from '../../../core/session/refusal';
import type { Workspace } from '../../workspace/workspace';

/** The deployment's next recommended action, recomputed after every recorded event. */
export function useNextAction(workspace: Workspace): NextAction | null {
  const version = useSyncExternalStore(workspace.subscribe, () => workspace.session.history.length);
  return useMemo(() => {
    void version;
    const snapshot = workspace.session.snapshot();
    const deployment = snapshot.context.deployment;
    if (deployment === null) return null;
    const views = deployment.servers
      .map((s) => serverSnapshotOf(snapshot, s.fqdn))
      .filter((s): s is ServerSnapshot => s !== undefined)
      .map((s) => ({ status: serverStatus(s.value, s.context), context: s.context }));
    return nextAction(deployment, snapshot.context.oauth, views);
  }, [workspace, version]);
}
