/**
 * Version 3 → 4: evidence weighs what each source can prove (replication-and-pools D3, D4). Version 3
 * accepted a proof whose only support was an event 3038; version 4 takes event 3038 as corroboration
 * only, so such a proof no longer opens the Step 3 gate and its history would not replay. It is kept
 * for what it was: the paste as a rejected evidence event (when one was recorded), and the gate it
 * opened as an override whose reason says so, with the time and operator of the original entry.
 * Everything else version 4 accepts as version 3 did, or more (UpToDate False after the assignment
 * with the server's own view of the certificate is now a warning), so nothing else changes.
 */
import type { EvidenceProof } from '../events/schema';
import { proofCoversAssignment, type OAuthAssignment } from '../gate/gate';
import { roleNeedsOAuth, type ServerRole } from '../model/deployment';
import { normalizeFqdn } from '../model/fqdn';

type Raw = Record<string, unknown>;

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The reason of the override that replaces a proof version 4 no longer takes. */
export function migratedOverrideReason(server: string, at: string, event3038At: string | null): string {
  const event = event3038At === null ? 'no support version 4 accepts' : `only event 3038 at ${event3038At}`;
  return `Migrated from file version 3: evidence recorded at ${at} showed ${event}. Event 3038 no longer proves a local store current (no Microsoft source documents what it means), so this entry is kept as an override of the gate. Check ${server}'s own view (its verification script) before relying on it.`;
}

function withThumbprint(oauth: OAuthAssignment | null, thumbprint: string | null): OAuthAssignment | null {
  return oauth === null ? null : { ...oauth, thumbprint };
}

function migrateHistory(history: readonly Raw[]): Raw[] {
  let oauth: OAuthAssignment | null = null;
  let roles = new Map<string, ServerRole>();
  const out: Raw[] = [];
  for (const event of history) {
    const server = text(event.server);
    const at = text(event.at) ?? '';
    const operator = text(event.operator) ?? '';
    switch (event.type) {
      case 'deployment.created':
      case 'topology.updated': {
        const servers = (event.deployment as { servers?: Raw[] } | undefined)?.servers ?? [];
        roles = new Map(servers.map((s) => [normalizeFqdn(String(s.fqdn)), s.role as ServerRole]));
        break;
      }
      case 'oauth.assigned':
        if (oauth === null && server !== null) oauth = { server, thumbprint: text(event.thumbprint), at, operator };
        break;
      case 'step.completed':
        // The first Step 3 on a server whose role needs the certificate assigns it (as the machines record it).
        if (oauth === null && server !== null && event.step === 3) {
          const role = roles.get(normalizeFqdn(server));
          if (role !== undefined && roleNeedsOAuth(role))
            oauth = { server, thumbprint: text(event.thumbprint), at, operator };
        }
        break;
      case 'oauth.thumbprint.recorded':
        oauth = withThumbprint(oauth, text(event.thumbprint));
        break;
      case 'evidence.accepted': {
        const proof = event.proof as EvidenceProof | undefined;
        if (oauth === null || server === null || proof === undefined || proofCoversAssignment(proof, server, oauth))
          break;
        const reason = migratedOverrideReason(server, at, text(proof.event3038At));
        if (event.input !== undefined)
          out.push({ type: 'evidence.rejected', server, input: event.input, reason, at, operator });
        out.push({ type: 'override.recorded', server, reason, at, operator });
        continue;
      }
    }
    out.push(event);
  }
  return out;
}

/** The migration of a whole version 3 document to version 4. */
export function migrateToV4(doc: Raw): Raw {
  const history = Array.isArray(doc.history) ? (doc.history as Raw[]) : [];
  return { ...doc, history: migrateHistory(history), schemaVersion: 4 };
}
