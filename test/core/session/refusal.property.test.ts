import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { refusalOf } from '../../../renderer/core/session/refusal';
import { DeploymentSession } from '../../../renderer/core/session/session';
import { ManualClock } from '../support/deployments';
import { scenarioArb } from '../support/arbitraries';

/** What an event can change: the deployment machine and the machine of the server it is for. */
function observed(session: DeploymentSession, server: string | undefined): string {
  const snapshot = session.snapshot();
  const child = server === undefined ? undefined : session.server(server);
  return JSON.stringify([snapshot.value, snapshot.context, child?.value, child?.context]);
}

describe('the refusal of an event', () => {
  it('is null exactly when the event changes the deployment or its server (over random histories)', () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const clock = new ManualClock();
        const created = DeploymentSession.create(scenario.deployment, { clock, operator: 'prop' });
        if (!created.ok) throw new Error(created.message);
        const session = created.session;
        const servers = scenario.deployment.servers.map((s) => s.fqdn);
        for (const move of scenario.moves) {
          const prepared = session.prepare(move.draft(servers, session, clock.advance(move.advance)));
          if (!prepared.ok) continue;
          const event = prepared.event;
          const server = 'server' in event ? event.server : undefined;
          const before = observed(session, server);
          const refusal = refusalOf(session.snapshot(), event);
          const applied = session.replayOne(event) === null;
          expect(applied).toBe(refusal === null);
          const changed = observed(session, server) !== before;
          // Kept in the history for the runbook only: accepted, and they change no machine.
          if (event.type === 'script.copied' || event.type === 'evidence.rejected') expect(changed).toBe(false);
          else expect(changed, `${event.type}: ${refusal ?? 'accepted'}`).toBe(refusal === null);
          if (refusal === null) accepted += 1;
          else refused += 1;
        }
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) },
    );
    // Both sides are walked.
    expect(accepted).toBeGreaterThan(1000);
    expect(refused).toBeGreaterThan(1000);
  });
});
