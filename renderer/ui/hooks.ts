import { useSelector } from '@xstate/react';
import { useEffect, useState, useSyncExternalStore } from 'react';
import {
  serverActorId,
  type DeploymentSnapshot,
  type ServerActor,
  type ServerSnapshot,
} from '../core/machines/deployment.machine';
import { serverStatus, type ServerStatus } from '../core/machines/status';
import type { DomainEvent } from '../core/events/schema';
import type { Workspace, WorkspaceState } from './workspace/workspace';

/** The open document's state for the shell (name, dirty, saved). */
export function useWorkspaceState(workspace: Workspace): WorkspaceState {
  return useSyncExternalStore(workspace.subscribe, workspace.getState);
}

/** A narrow read of the deployment machine: re-renders only when the selected value changes. */
export function useDeployment<T>(
  workspace: Workspace,
  select: (snapshot: DeploymentSnapshot) => T,
  compare?: (a: T, b: T) => boolean,
): T {
  return useSelector(workspace.session.actor, select, compare);
}

/** The actor of one server (stable while the server is in the topology). */
export function useServerActor(workspace: Workspace, fqdn: string): ServerActor | undefined {
  return useDeployment(workspace, (s) => s.children[serverActorId(fqdn)] as ServerActor | undefined);
}

/** A narrow read of one server's machine. */
export function useServer<T>(
  actor: ServerActor,
  select: (snapshot: ServerSnapshot) => T,
  compare?: (a: T, b: T) => boolean,
): T {
  return useSelector(actor, select, compare);
}

/** A server's status; recomputed only when its snapshot changes. */
export function useServerStatus(actor: ServerActor): { status: ServerStatus; snapshot: ServerSnapshot } {
  const snapshot = useSelector(actor, (s) => s);
  return { status: serverStatus(snapshot.value, snapshot.context), snapshot };
}

/** The history, re-read whenever an event is recorded. */
export function useHistory(workspace: Workspace): readonly DomainEvent[] {
  const length = useSyncExternalStore(workspace.subscribe, () => workspace.session.history.length);
  const [history, setHistory] = useState(() => workspace.session.history.slice());
  useEffect(() => setHistory(workspace.session.history.slice()), [workspace, length]);
  return history;
}

/** Shallow equality of arrays (for selectors that return lists). */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
