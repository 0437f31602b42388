import { serverSnapshotOf, type DeploymentSnapshot } from '../machines/deployment.machine';
import { serverStatus, waitsForEvidence } from '../machines/status';

/** The servers whose Step 3 waits for proof that their local store is current, in topology order. */
export function serversWaitingForEvidence(snapshot: DeploymentSnapshot): string[] {
  const deployment = snapshot.context.deployment;
  if (deployment === null) return [];
  return deployment.servers.flatMap((s) => {
    const server = serverSnapshotOf(snapshot, s.fqdn);
    return server !== undefined && waitsForEvidence(serverStatus(server)) ? [s.fqdn] : [];
  });
}
