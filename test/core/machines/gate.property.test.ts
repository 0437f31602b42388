import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../../renderer/core/events/schema';
import { gateOf } from '../../../renderer/core/machines/server.context';
import { roleNeedsOAuth } from '../../../renderer/core/model/deployment';
import { play, scenarioArb } from '../support/arbitraries';

/**
 * The plain rule of the issue, computed from the accepted history alone (not from the machines):
 * blocked = needs OAuth ∧ assigned ∧ its last refresh is older than the assignment ∧ no accepted
 * evidence ∧ no override — where the server the certificate was assigned on is current, and a
 * refresh at the very instant of the assignment counts as older (which came first is unknown).
 */
function plainBlocked(history: readonly DomainEvent[], server: string, needsOAuth: boolean): boolean {
  if (!needsOAuth) return false;
  const roleOf = new Map<string, string>();
  const created = history[0];
  if (created?.type === 'deployment.created') for (const s of created.deployment.servers) roleOf.set(s.fqdn, s.role);
  // The assignment: the first oauth.assigned, or the first Step 3 on a server that needs the certificate.
  const assignment = history.find(
    (e) =>
      e.type === 'oauth.assigned' ||
      (e.type === 'step.completed' && e.step === 3 && roleNeedsOAuth(roleOf.get(e.server) as never)),
  ) as Extract<DomainEvent, { server: string }> | undefined;
  if (assignment === undefined || assignment.server === server) return false;
  const refreshes = history
    .filter((e) => e.type === 'step.completed' && e.step === 1 && e.server === server)
    .map((e) => Date.parse(e.at));
  const lastRefresh = refreshes.length === 0 ? -Infinity : Math.max(...refreshes);
  const older = lastRefresh <= Date.parse(assignment.at);
  const evidence = history.some((e) => e.type === 'evidence.accepted' && e.server === server);
  const override = history.some((e) => e.type === 'override.recorded' && e.server === server);
  return older && !evidence && !override;
}

describe('the Step 3 gate over random interleavings', () => {
  it('equals the plain rule for every server', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const session = play(scenario);
        for (const server of scenario.deployment.servers) {
          const snap = session.server(server.fqdn)!;
          const expected = plainBlocked(session.history, server.fqdn, roleNeedsOAuth(server.role));
          expect(gateOf(snap.context).allowed).toBe(!expected);
          // Step 3 is never on record for a server whose gate was closed when it was recorded.
          if (expected && snap.matches('awaitingStep3')) expect(snap.matches({ awaitingStep3: 'blocked' })).toBe(true);
        }
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) },
    );
  });

  it('never records Step 3 on a server while its plain rule says blocked', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const session = play(scenario);
        // Re-walk the accepted history: at every Step 3, the prefix before it must not block that server.
        session.history.forEach((event, i) => {
          if (event.type !== 'step.completed' || event.step !== 3) return;
          const role = scenario.deployment.servers.find((s) => s.fqdn === event.server)!.role;
          expect(plainBlocked(session.history.slice(0, i), event.server, roleNeedsOAuth(role))).toBe(false);
        });
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) },
    );
  });
});
