// The pools and servers of an accepted import, one line each, for the topology import tests to compare.
import type { expectImported } from './support';

export const serversOf = (r: ReturnType<typeof expectImported>) =>
  r.deployment.servers.map((s) => `${s.fqdn} ${s.pool} ${s.role}`);
export const poolsOf = (r: ReturnType<typeof expectImported>) => r.deployment.pools.map((p) => `${p.fqdn} ${p.kind}`);
