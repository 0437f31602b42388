import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { poolStartStatus } from '../../../renderer/core/machines/pool-start';
import type { Deployment } from '../../../renderer/core/model/deployment';
import { firstStartNeed } from '../../../renderer/core/model/pool-start';
import type { ProductVersion } from '../../../renderer/core/model/product';
import { DeploymentSession } from '../../../renderer/core/session/session';
import { ManualClock } from '../support/deployments';

const POOL = 'fepool.contoso.local';

/** One Enterprise pool of `size` Front Ends (it hosts the CMS), with no OAuth gate in the way. */
function poolDeployment(product: ProductVersion, size: number): Deployment {
  return {
    name: 'Pool test',
    product,
    sipDomain: 'contoso.com',
    pools: [{ fqdn: POOL, kind: 'enterprise-front-end' }],
    cmsPool: POOL,
    servers: Array.from({ length: size }, (_, i) => ({
      fqdn: `fe${String(i + 1).padStart(2, '0')}.contoso.local`,
      pool: POOL,
      role: 'front-end' as const,
    })),
  };
}

/** Pools each product allows (Skype for Business Server 2019 refuses two Front Ends). */
const poolArb = fc.oneof(
  fc.record({ product: fc.constantFrom<ProductVersion>('lync2013', 'sfb2015'), size: fc.integer({ min: 2, max: 12 }) }),
  fc.record({ product: fc.constant<ProductVersion>('sfb2019'), size: fc.integer({ min: 3, max: 16 }) }),
);

/** Microsoft's first-start table, as printed, for the sizes it lists. */
const TABLE: Record<number, number> = { 2: 1, 3: 3, 4: 3, 5: 4, 6: 5, 7: 5, 8: 6, 9: 7, 10: 8, 11: 9, 12: 10, 16: 12 };

describe("an Enterprise pool's first start", () => {
  it('follows the table for every documented size', () => {
    for (const [size, needed] of Object.entries(TABLE)) {
      const product = Number(size) > 12 ? 'sfb2019' : 'sfb2015';
      expect(firstStartNeed(product, Number(size))).toEqual({ needed, documented: true });
    }
    // 13–15 in Skype for Business Server 2019 are not in the table: the safe number, said to be undocumented.
    expect(firstStartNeed('sfb2019', 14)).toEqual({ needed: 12, documented: false });
  });

  it('is offered exactly when enough members have Step 3 done, and records Step 4 only on the members it started', () => {
    const seen = { started: 0, refused: 0 };
    fc.assert(
      fc.property(
        poolArb,
        fc.array(fc.nat(), { minLength: 1, maxLength: 40 }),
        fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
        ({ product, size }, order, include) => {
          const clock = new ManualClock('2013-03-13T08:00:00.000Z');
          const created = DeploymentSession.create(poolDeployment(product, size), { clock, operator: 'j.smith' });
          if (!created.ok) throw new Error(created.message);
          const session = created.session;
          const members = session.deployment()!.servers.map((s) => s.fqdn);
          const need = firstStartNeed(product, size).needed;
          // Steps 1–3 in a random order; Step 3 only after the OAuth assignment by the first Step 3 (fresh Step 1s).
          for (const pick of order) {
            const fqdn = members[pick % size]!;
            const done = [1, 2, 3].filter(
              (step) => session.server(fqdn)!.context.steps[step as 1] !== undefined,
            ).length;
            if (done === 3) continue;
            clock.advance(1);
            const step = (done + 1) as 1 | 2 | 3;
            const r = session.record({
              type: 'step.completed',
              server: fqdn,
              step,
              ...(step === 3 ? { thumbprint: '0123456789ABCDEF0123456789ABCDEF01234567' } : {}),
            });
            // A member whose Step 1 predates the assignment is blocked at Step 3: it simply stays not ready.
            if (!r.ok && step !== 3) throw new Error(r.message);
          }
          const ready = members.filter((m) => session.server(m)!.context.steps[3] !== undefined);
          const status = poolStartStatus(session.snapshot().context, POOL)!;
          expect(status.canStart).toBe(ready.length >= need);
          expect(status.ready).toEqual(ready);
          // A member's own Step 4 is refused before the pool has started.
          if (ready[0] !== undefined) {
            clock.advance(1);
            expect(session.record({ type: 'step.completed', server: ready[0], step: 4 }).ok).toBe(false);
          }
          // A start of some of the ready members is accepted exactly when it names enough of them.
          const chosen = ready.filter((_, i) => include[i]);
          clock.advance(1);
          const started = session.record({ type: 'pool.started', pool: POOL, servers: chosen });
          expect(started.ok).toBe(chosen.length >= need && chosen.length > 0);
          seen[started.ok ? 'started' : 'refused'] += 1;
          for (const m of members) {
            const step4 = session.server(m)!.context.steps[4] !== undefined;
            expect(step4).toBe(started.ok && chosen.includes(m));
          }
          // A member not ready is never part of a start.
          const notReady = members.find((m) => !ready.includes(m));
          if (notReady !== undefined && !started.ok) {
            expect(session.record({ type: 'pool.started', pool: POOL, servers: [...ready, notReady] }).ok).toBe(false);
          }
        },
      ),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 200) },
    );
    // Both outcomes happen, so neither half of the property is vacuous.
    expect(seen.started).toBeGreaterThan(0);
    expect(seen.refused).toBeGreaterThan(0);
  });
});
