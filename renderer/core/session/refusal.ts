/** Why the deployment would refuse an event: the deployment's rules, then those of the server it is for. */
import type { DomainEvent } from '../events/schema';
import { isServerScoped } from '../machines/deployment.context';
import { serverSnapshotOf, type DeploymentSnapshot } from '../machines/deployment.machine';
import { deploymentRefusal } from '../machines/deployment.rules';
import { serverRefusal } from '../machines/server.rules';
import { currentItem } from '../machines/status';

/** Why the event would be refused now, in words an admin can act on; null when it would be recorded. */
export function refusalOf(snapshot: DeploymentSnapshot, event: DomainEvent): string | null {
  const refusal = deploymentRefusal(snapshot.context, event);
  if (refusal !== null || !isServerScoped(event)) return refusal;
  const server = serverSnapshotOf(snapshot, event.server);
  if (server === undefined) return `The server ${event.server} has no state yet; reopen the deployment.`;
  return serverRefusal(server.context, event, currentItem(server));
}
