import { serverStatus, waitsForEvidence } from '../machines/status';
import type { DeploymentSession } from './session';

/** The servers whose Step 3 waits for proof that their local store is current, in topology order. */
export function serversWaitingForEvidence(session: DeploymentSession): string[] {
  const deployment = session.deployment();
  if (deployment === null) return [];
  return deployment.servers.flatMap((s) => {
    const snapshot = session.server(s.fqdn);
    return snapshot !== undefined && waitsForEvidence(serverStatus(snapshot)) ? [s.fqdn] : [];
  });
}
