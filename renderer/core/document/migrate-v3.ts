/**
 * Version 2 → 3: the pool, not the server (replication-and-pools D1, D2, D4, D7). Events keep their
 * times and operators; what version 2 recorded in shapes version 3 no longer accepts is rewritten, and
 * each rewrite says so in the event itself, so the record never claims more than happened:
 * - the first Step 4 recorded on a member of an Enterprise pool becomes that pool's start, marked as
 *   recorded on one server (version 2 knew no pool starts, so the first-start rule is not applied to it);
 * - path B's first item was "a CMS-pool Front End is running"; version 3 splits it into the CMS pool's
 *   start (automatic) and a check of its replication services, which is added as done by the migration;
 * - path C's first item, "replication has completed", is now "the CMS holds the assignment".
 */

type Raw = Record<string, unknown>;

/** The operator named on an item the migration adds. */
export const MIGRATION_OPERATOR = 'lync-runbook (migrated from file version 2)';

function topologyOf(event: Raw): { kinds: Map<string, string>; poolOf: Map<string, string> } | null {
  const deployment = event.deployment as { pools?: Raw[]; servers?: Raw[] } | undefined;
  if (deployment === undefined) return null;
  const lower = (x: unknown) => String(x).trim().toLowerCase();
  return {
    kinds: new Map((deployment.pools ?? []).map((p) => [lower(p.fqdn), String(p.kind)])),
    poolOf: new Map((deployment.servers ?? []).map((s) => [lower(s.fqdn), lower(s.pool)])),
  };
}

function migrateHistory(history: readonly Raw[]): Raw[] {
  let topology: ReturnType<typeof topologyOf> = null;
  const started = new Set<string>();
  /** Servers on path B whose replication-services item is accounted for, since they last chose B. */
  const checked = new Set<string>();
  const out: Raw[] = [];
  for (const event of history) {
    const server = typeof event.server === 'string' ? event.server.trim().toLowerCase() : null;
    switch (event.type) {
      case 'deployment.created':
      case 'topology.updated':
        topology = topologyOf(event) ?? topology;
        break;
      case 'remediation.chosen':
        if (server !== null) checked.delete(server);
        break;
      case 'step.completed': {
        const pool = server === null ? undefined : topology?.poolOf.get(server);
        if (event.step === 4 && pool !== undefined && topology?.kinds.get(pool) === 'enterprise-front-end') {
          if (!started.has(pool)) {
            started.add(pool);
            out.push({
              type: 'pool.started',
              pool,
              servers: [server],
              recordedAs: 'server-step-4',
              at: event.at,
              operator: event.operator,
            });
            continue;
          }
        }
        break;
      }
      case 'remediation.item.completed':
        if (event.path === 'C' && event.item === 'replication-complete') {
          out.push({ ...event, item: 'cms-holds-assignment' });
          continue;
        }
        if (event.path === 'B' && server !== null && !checked.has(server)) {
          checked.add(server);
          out.push({ ...event, item: 'replication-services', operator: MIGRATION_OPERATOR });
        }
        break;
    }
    out.push(event);
  }
  return out;
}

/** The migration of a whole version 2 document to version 3. */
export function migrateToV3(doc: Raw): Raw {
  const history = Array.isArray(doc.history) ? (doc.history as Raw[]) : [];
  return { ...doc, history: migrateHistory(history), schemaVersion: 3 };
}
