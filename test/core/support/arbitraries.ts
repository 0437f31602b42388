import fc from 'fast-check';
import type { Command } from '../../../renderer/core/events/schema';
import type { Deployment, ServerRole } from '../../../renderer/core/model/deployment';
import { DeploymentSession } from '../../../renderer/core/session/session';
import { ManualClock } from './deployments';
import { pastedEvidence, replicationPaste, verifiedEvidence } from './evidence';

const BASE = Date.parse('2013-03-13T08:00:00.000Z');
/** A time `minutes` after the start of the test window. */
export const minute = (minutes: number) => new Date(BASE + minutes * 60_000).toISOString();
const THUMBS = ['A'.repeat(40), 'B'.repeat(40)];

/** A deployment of 2–8 Front Ends in the CMS pool, plus optionally a Director and an Edge Server. */
export const deploymentArb = fc
  .record({ frontEnds: fc.integer({ min: 2, max: 8 }), director: fc.boolean(), edge: fc.boolean() })
  .map(({ frontEnds, director, edge }): Deployment => {
    const servers: { fqdn: string; pool: string; role: ServerRole }[] = Array.from({ length: frontEnds }, (_, i) => ({
      fqdn: `fe${String(i + 1).padStart(2, '0')}.contoso.local`,
      pool: 'fepool.contoso.local',
      role: 'front-end',
    }));
    const pools: Deployment['pools'][number][] = [{ fqdn: 'fepool.contoso.local', kind: 'enterprise-front-end' }];
    if (director) {
      pools.push({ fqdn: 'dirpool.contoso.local', kind: 'director' });
      servers.push({ fqdn: 'dir01.contoso.local', pool: 'dirpool.contoso.local', role: 'director' });
    }
    if (edge) {
      pools.push({ fqdn: 'edgepool.contoso.com', kind: 'edge' });
      servers.push({ fqdn: 'edge01.contoso.com', pool: 'edgepool.contoso.com', role: 'edge' });
    }
    return {
      name: 'Generated',
      product: 'sfb2015',
      sipDomain: 'contoso.com',
      cmsPool: 'fepool.contoso.local',
      pools,
      servers,
    };
  });

/** A command, built when it is played: it may look at the session (to advance a server to its next step). */
type Draft = (servers: readonly string[], session: DeploymentSession, now: string) => Command;

const idx = fc.nat();
const pick = (servers: readonly string[], i: number) => servers[i % servers.length]!;
const when = fc.option(fc.integer({ min: 0, max: 3 * 24 * 60 }), { freq: 5 });

/** The time of a command: usually the running clock, sometimes an earlier or later time typed by the admin. */
const timeOf = (typed: number | null, now: string) => (typed === null ? now : minute(typed));

/** Step completions (mostly the server's next step, sometimes any), the OAuth assignment, remediation, evidence and overrides, in any order. */
export const draftArb: fc.Arbitrary<Draft> = fc.oneof(
  {
    weight: 3,
    // The first start of a server's Enterprise pool, of its members with Step 3 done (sometimes one fewer).
    arbitrary: fc.record({ s: idx, fewer: fc.boolean(), w: when }).map((d): Draft => (servers, session, now) => {
      const deployment = session.deployment();
      const server = deployment?.servers.find((x) => x.fqdn === pick(servers, d.s));
      const pool = server?.pool ?? 'none.invalid';
      const ready = (deployment?.servers ?? [])
        .filter((x) => x.pool === pool && session.server(x.fqdn)?.context.steps[3] !== undefined)
        .map((x) => x.fqdn);
      const named = d.fewer ? ready.slice(1) : ready;
      return {
        type: 'pool.started',
        pool,
        servers: named.length > 0 ? named : [pick(servers, d.s)],
        at: timeOf(d.w, now),
      };
    }),
  },
  {
    weight: 14,
    // A Step 3 sometimes without the thumbprint (t = 2), as an admin may record it.
    arbitrary: fc.record({ s: idx, w: when, t: fc.nat(2) }).map((d): Draft => (servers, session, now) => {
      const server = pick(servers, d.s);
      const done = ([4, 3, 2, 1] as const).find((n) => session.server(server)?.context.steps[n] !== undefined) ?? 0;
      const step = Math.min(4, done + 1) as 1 | 2 | 3 | 4;
      const thumbprint = THUMBS[d.t];
      return {
        type: 'step.completed',
        server,
        step,
        at: timeOf(d.w, now),
        ...(step === 3 && thumbprint !== undefined ? { thumbprint } : {}),
      };
    }),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({ s: idx, step: fc.constantFrom(1, 1, 3, 4) as fc.Arbitrary<1 | 3 | 4>, w: when })
      .map((d): Draft => (servers, _s, now) => ({
        type: 'step.completed',
        server: pick(servers, d.s),
        step: d.step,
        at: timeOf(d.w, now),
      })),
  },
  {
    weight: 1,
    arbitrary: fc.record({ s: idx, w: when, t: fc.nat(1) }).map((d): Draft => (servers, _s, now) => ({
      type: 'oauth.assigned',
      server: pick(servers, d.s),
      thumbprint: THUMBS[d.t],
      at: timeOf(d.w, now),
    })),
  },
  {
    weight: 1,
    arbitrary: fc.record({ s: idx, w: when, t: fc.nat(1) }).map((d): Draft => (servers, _s, now) => ({
      type: 'oauth.thumbprint.recorded',
      server: pick(servers, d.s),
      thumbprint: THUMBS[d.t]!,
      at: timeOf(d.w, now),
    })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({ s: idx, p: fc.constantFrom('A', 'B', 'C') as fc.Arbitrary<'A' | 'B' | 'C'>, w: when })
      .map((d): Draft => (servers, _s, now) => ({
        type: 'remediation.chosen',
        server: pick(servers, d.s),
        path: d.p,
        at: timeOf(d.w, now),
      })),
  },
  {
    weight: 3,
    arbitrary: fc
      .record({
        s: idx,
        item: fc.constantFrom(
          'export',
          'import',
          'start-agent',
          'replication-services',
          'event-3038',
          'cms-holds-assignment',
        ),
        a: fc.boolean(),
        w: when,
      })
      .map((d): Draft => (servers, _s, now) => {
        const path =
          d.item === 'export' || d.item === 'import' || (d.item === 'start-agent' && d.a)
            ? 'A'
            : d.item === 'cms-holds-assignment'
              ? 'C'
              : 'B';
        return {
          type: 'remediation.item.completed',
          server: pick(servers, d.s),
          path,
          item: d.item,
          at: timeOf(d.w, now),
        };
      }),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ s: idx, w: when, u: fc.integer({ min: 0, max: 3 * 24 * 60 }), up: fc.boolean() })
      .map((d): Draft => (servers, session, now) => ({
        ...pastedEvidence(
          session,
          pick(servers, d.s),
          replicationPaste(pick(servers, d.s), { upToDate: d.up, lastUpdate: minute(d.u) }),
        ),
        at: timeOf(d.w, now),
      })),
  },
  {
    weight: 1,
    arbitrary: fc.record({ s: idx, w: when, t: fc.nat(1) }).map((d): Draft => (servers, session, now) => ({
      ...verifiedEvidence(session, pick(servers, d.s), { thumbprints: [THUMBS[d.t]!] }),
      at: timeOf(d.w, now),
    })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ s: idx, w: when, reason: fc.constantFrom('', '  ', 'hand-imported (CHG-1)') })
      .map((d): Draft => (servers, _s, now) => ({
        type: 'override.recorded',
        change: 'CHG-0001',
        server: pick(servers, d.s),
        reason: d.reason,
        at: timeOf(d.w, now),
      })),
  },
  {
    weight: 1,
    arbitrary: fc.record({ s: idx }).map((d): Draft => (servers) => ({
      type: 'script.copied',
      server: pick(servers, d.s),
      scriptId: 'verify',
      title: 'Verify',
      text: "Write-Output 'x'",
    })),
  },
);

/** A draft and how far the clock moves before it (minutes). */
const moveArb = fc.record({ draft: draftArb, advance: fc.integer({ min: 0, max: 240 }) });

/** A deployment and the commands tried on it (refused ones leave no trace in the history). */
export const scenarioArb = fc.record({
  deployment: deploymentArb,
  moves: fc.array(moveArb, { minLength: 10, maxLength: 120, size: 'large' }),
});

/** Plays a scenario: every command is tried; the session records those the machines accept. */
export function play(scenario: {
  deployment: Deployment;
  moves: readonly { draft: Draft; advance: number }[];
}): DeploymentSession {
  const clock = new ManualClock();
  const created = DeploymentSession.create(scenario.deployment, { clock, operator: 'prop' });
  if (!created.ok) throw new Error(created.message);
  const session = created.session;
  const servers = scenario.deployment.servers.map((s) => s.fqdn);
  for (const move of scenario.moves) {
    const now = clock.advance(move.advance);
    session.record(move.draft(servers, session, now));
  }
  return session;
}

/** When a played session could be saved: at its newest event (no event of a saved history postdates its saving). */
export function savedAtOf(session: DeploymentSession): string {
  return session.history.flatMap((e) => [e.at, e.recordedAt]).reduce((a, b) => (a > b ? a : b));
}
