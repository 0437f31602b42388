import { poolStartOfServer, poolStartStatus } from '../../renderer/core/machines/pool-start';
/**
 * Deployments for the benchmark, made through the core's own API (every event recorded by a
 * session, as the app records it), deterministic for a seed: Front Ends in Enterprise pools of 12
 * (the first pool hosts the CMS), Directors and Edge Servers in pools of 2, and the field report's
 * story on half of the Front Ends and Directors: a stale local store, path A with its scripts copied,
 * a rejected paste, accepted evidence, then Steps 3 and 4. The others run Step 1 again after the
 * assignment and go straight through.
 */
import type { Command } from '../../renderer/core/events/schema';
import type { Deployment, Pool, Server } from '../../renderer/core/model/deployment';
import { buildScripts, type ScriptRequest } from '../../renderer/core/powershell';
import { DeploymentSession } from '../../renderer/core/session/session';
import { verifiedEvidence } from '../core/support/evidence';

/** A small, fast, seeded generator (mulberry32): the same seed always gives the same deployment. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const THUMBPRINT = '0123456789ABCDEF0123456789ABCDEF01234567';

/** The topology: about 80% Front Ends in pools of 12, 10% Directors and 10% Edge Servers in pools of 2. */
export function benchDeployment(servers: number): Deployment {
  const pools: Pool[] = [];
  const list: Server[] = [];
  const add = (kind: Pool['kind'], role: Server['role'], prefix: string, count: number, size: number) => {
    for (let p = 0; list.length < servers && p * size < count; p++) {
      const pool = `${prefix}pool${String(p + 1).padStart(3, '0')}.contoso.local`;
      pools.push({ fqdn: pool, kind });
      for (let i = 0; i < size && list.length < servers && p * size + i < count; i++) {
        list.push({
          fqdn: `${prefix}${String(p + 1).padStart(3, '0')}-${String(i + 1).padStart(2, '0')}.contoso.local`,
          pool,
          role,
        });
      }
    }
  };
  const frontEnds = Math.max(12, Math.round(servers * 0.8));
  const directors = Math.round((servers - frontEnds) / 2);
  add('enterprise-front-end', 'front-end', 'fe', frontEnds, 12);
  add('director', 'director', 'dir', directors, 2);
  add('edge', 'edge', 'edge', servers - list.length, 2);
  return {
    name: `Bench ${servers}`,
    product: 'sfb2015',
    sipDomain: 'contoso.com',
    cmsPool: pools[0]!.fqdn,
    pools,
    servers: list,
  };
}

/**
 * The schema's largest deployment as issue 13 sizes it: 400 Enterprise pools of 12 Front Ends (the
 * first hosts the CMS), 50 Director pools and 50 Edge pools of 2: 5,000 servers.
 */
export function largestDeployment(): Deployment {
  return pooledDeployment(400, 50, 50);
}

/** The same shape at 500 servers (40 Enterprise pools of 12, 5 Director and 5 Edge pools of 2). */
export function largestAt500(): Deployment {
  return pooledDeployment(40, 5, 5);
}

function pooledDeployment(enterprise: number, director: number, edge: number): Deployment {
  const pools: Pool[] = [];
  const servers: Server[] = [];
  const add = (kind: Pool['kind'], role: Server['role'], prefix: string, count: number, size: number) => {
    for (let p = 1; p <= count; p++) {
      const pool = `${prefix}pool${String(p).padStart(3, '0')}.contoso.local`;
      pools.push({ fqdn: pool, kind });
      for (let i = 1; i <= size; i++)
        servers.push({
          fqdn: `${prefix}${String(p).padStart(3, '0')}-${String(i).padStart(2, '0')}.contoso.local`,
          pool,
          role,
        });
    }
  };
  add('enterprise-front-end', 'front-end', 'fe', enterprise, 12);
  add('director', 'director', 'dir', director, 2);
  add('edge', 'edge', 'edge', edge, 2);
  return {
    name: `Bench ${servers.length}`,
    product: 'sfb2015',
    sipDomain: 'contoso.com',
    cmsPool: pools[0]!.fqdn,
    pools,
    servers,
  };
}

/** Script texts are made once per request and carried over to each server by its name. */
function scriptTexts(deployment: Deployment) {
  const sample = deployment.servers[1]!.fqdn;
  const cache = new Map<string, { id: string; title: string; text: string }[]>();
  return (server: string, request: ScriptRequest) => {
    const key = JSON.stringify(request);
    let built = cache.get(key);
    if (built === undefined) {
      const oauth = {
        server: deployment.servers[0]!.fqdn,
        thumbprint: THUMBPRINT,
        at: '2013-03-14T10:00:00.000Z',
        operator: 'bench',
      };
      const result = buildScripts({ deployment, oauth }, sample, request);
      built = result.ok ? result.scripts.map((s) => ({ id: s.id, title: s.title, text: s.text })) : [];
      cache.set(key, built);
    }
    return built.map((s) => ({
      ...s,
      text: s.text.split(sample).join(server),
      title: s.title.split(sample).join(server),
    }));
  };
}

const STALE_PASTE = `PS C:\\Users\\admin> Get-CsManagementStoreReplicationStatus

UpToDate           : True
ReplicaFqdn        :
LastStatusReport   : 11/24/2012 8:15:36 PM
LastUpdateCreation : 11/24/2012 8:08:05 PM
ProductVersion     : 6.0.9319.0
`;

/**
 * A deployment of `servers` servers with its whole history, recorded through a session; the last
 * `untouched` servers have nothing recorded yet (for the step events the browser figures time).
 */
export function benchSession(servers: number | Deployment, seed = 1, untouched = 0): DeploymentSession {
  const deployment = typeof servers === 'number' ? benchDeployment(servers) : servers;
  const worked = deployment.servers.slice(0, deployment.servers.length - untouched);
  const roll = random(seed);
  let now = Date.parse('2013-03-13T08:00:00.000Z');
  const clock = { now: () => new Date(now).toISOString() };
  const session = DeploymentSession.empty({ clock, operator: 'bench' });
  const record = (command: Command) => {
    now += 1000;
    const result = session.record(command);
    if (!result.ok) throw new Error(`${command.type}: ${result.message}`);
  };
  const copy = (server: string, request: ScriptRequest) => {
    for (const s of scripts(server, request))
      record({ type: 'script.copied', server, scriptId: s.id, title: s.title, text: s.text });
  };
  const scripts = scriptTexts(deployment);
  record({ type: 'deployment.created', deployment });
  for (const s of worked) {
    copy(s.fqdn, { kind: 'step', step: 1 });
    record({ type: 'step.completed', server: s.fqdn, step: 1 });
    copy(s.fqdn, { kind: 'step', step: 2 });
    record({ type: 'step.completed', server: s.fqdn, step: 2 });
  }
  const [assigner, ...rest] = worked;
  copy(assigner!.fqdn, { kind: 'step', step: 3 });
  record({ type: 'step.completed', server: assigner!.fqdn, step: 3, thumbprint: THUMBPRINT });
  for (const s of rest) {
    const server = s.fqdn;
    if (s.role === 'edge') {
      copy(server, { kind: 'step', step: 3 });
    } else if (roll() < 0.5) {
      // The field report's story: path B first, then A, two rejected pastes, then accepted evidence.
      record({ type: 'remediation.chosen', server, path: 'B' });
      record({ type: 'remediation.chosen', server, path: 'A' });
      for (const item of ['export', 'import'] as const) {
        copy(server, { kind: 'remediation', path: 'A', item });
        record({ type: 'remediation.item.completed', server, path: 'A', item });
      }
      copy(server, { kind: 'verify' });
      const input = {
        kind: 'replication-status' as const,
        text: STALE_PASTE,
        locale: 'en-US',
        timeZone: 'UTC',
        read: ['UpToDate True'],
      };
      record({
        type: 'evidence.rejected',
        server,
        input,
        reason: 'The last update was created before the OAuth assignment.',
      });
      const lastUpdate = new Date(now).toISOString();
      record(verifiedEvidence(session, server, { thumbprints: [THUMBPRINT], upToDate: true, lastUpdate }));
      copy(server, { kind: 'step', step: 3 });
    } else {
      copy(server, { kind: 'step', step: 1 });
      record({ type: 'step.completed', server, step: 1 });
      copy(server, { kind: 'step', step: 3 });
    }
    record({ type: 'step.completed', server, step: 3 });
    if (poolStartOfServer(session.snapshot().context, server) !== null) continue;
    copy(server, { kind: 'step', step: 4 });
    record({ type: 'step.completed', server, step: 4 });
  }
  // Each Enterprise pool starts once, with its members that have Step 3 done (when they are enough).
  for (const pool of deployment.pools) {
    const start = poolStartStatus(session.snapshot().context, pool.fqdn);
    if (start === null || !start.canStart) continue;
    copy(start.ready[0]!, { kind: 'pool-start', servers: start.ready });
    record({ type: 'pool.started', pool: start.pool, servers: [...start.ready] });
  }
  return session;
}
