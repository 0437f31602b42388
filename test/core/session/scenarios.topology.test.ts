import { describe, expect, it } from 'vitest';
import { fieldReportSession, must } from '../support/deployments';
import { assignedOnFe01, DIR, FE1, FE2, FE3, phase } from './support';

describe('the Step 3 gate in other situations', () => {
  it('refuses events for servers that are not in the deployment', () => {
    const { session } = fieldReportSession();
    const r = session.record({ type: 'step.completed', server: 'fe09.contoso.local', step: 1 });
    expect(r).toEqual({ ok: false, message: 'There is no server fe09.contoso.local in this deployment.' });
  });

  it('keeps servers with recorded steps in the topology, in their pool and role', () => {
    const { session } = assignedOnFe01();
    const d = session.deployment()!;
    const removed = session.record({
      type: 'topology.updated',
      deployment: { ...d, servers: d.servers.filter((s) => s.fqdn !== FE2) },
    });
    expect(!removed.ok && removed.message).toBe(
      'fe02.contoso.local has recorded steps, so it cannot be removed from the topology.',
    );
    const moved = session.record({
      type: 'topology.updated',
      deployment: {
        ...d,
        pools: [...d.pools, { fqdn: 'fepool2.contoso.local', kind: 'enterprise-front-end' }],
        servers: d.servers.map((s) => (s.fqdn === FE3 ? { ...s, pool: 'fepool2.contoso.local' } : s)),
      },
    });
    expect(!moved.ok && moved.message).toBe(
      'fe03.contoso.local has recorded steps, so its pool and role cannot change.',
    );
  });

  it('spawns and stops server machines when the topology changes', () => {
    const { session, clock } = assignedOnFe01();
    clock.set('2013-03-14T10:30:00.000Z');
    const d = session.deployment()!;
    must(session, {
      type: 'topology.updated',
      deployment: {
        ...d,
        servers: [
          ...d.servers.filter((s) => s.fqdn !== DIR),
          { fqdn: 'fe04.contoso.local', pool: 'fepool.contoso.local', role: 'front-end' },
        ],
      },
    });
    expect(session.server(DIR)).toBeUndefined();
    expect(session.server('fe04.contoso.local')!.context.oauth?.server).toBe(FE1);
    expect(phase(session, FE2)).toBe('blocked');
    must(session, { type: 'step.completed', server: 'fe04.contoso.local', step: 1 });
    must(session, { type: 'step.completed', server: 'fe04.contoso.local', step: 2 });
    expect(phase(session, 'fe04.contoso.local')).toBe('ready-for-step3');
  });
});
