// Over random histories with typed times in random order (issue 14): in every history the session
// accepted, no Step 3 precedes what allowed it, judged from the history alone (not by the gate's own
// code), and the runbook's timeline is in the order things happened.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../../renderer/core/events/schema';
import { roleNeedsOAuth } from '../../../renderer/core/model/deployment';
import { buildRunbook } from '../../../renderer/core/runbook';
import { play, scenarioArb } from '../support/arbitraries';

/** The start of an ISO time's minute, in ms (typed times have whole minutes). */
const minuteOf = (iso: string) => Math.floor(Date.parse(iso) / 60_000) * 60_000;

/** When an accepted evidence event shows the store current: the master's last update when up to date, else when it was pasted. */
function provenAt(e: Extract<DomainEvent, { type: 'evidence.accepted' }>): string {
  return e.proof.upToDate === true && e.proof.lastUpdate !== undefined ? e.proof.lastUpdate : e.at;
}

describe('gates hold in time, for any history', () => {
  it('no Step 3 is dated before what opened its gate, and the runbook reads in the order things happened', () => {
    let checked = 0;
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const session = play(scenario);
        const history = session.history;
        const facts = session.facts;
        const roles = new Map(scenario.deployment.servers.map((s) => [s.fqdn.toLowerCase(), s.role]));
        let assignment: { server: string; at: string } | null = null;
        history.forEach((event, i) => {
          if (assignment === null && (event.type === 'oauth.assigned' || facts[i]?.assignedOAuth)) {
            assignment = { server: (event as { server: string }).server, at: event.at };
            return;
          }
          if (event.type !== 'step.completed' || event.step !== 3 || assignment === null) return;
          const a: { server: string; at: string } = assignment;
          if (event.server === a.server || !roleNeedsOAuth(roles.get(event.server)!)) return;
          const step3 = Date.parse(event.at);
          const earlier = history.slice(0, i).filter((e) => 'server' in e && e.server === event.server);
          const opened = earlier.some(
            (e) =>
              (e.type === 'step.completed' &&
                e.step === 1 &&
                Date.parse(e.at) > Date.parse(a.at) &&
                minuteOf(e.at) <= step3) ||
              (e.type === 'evidence.accepted' && minuteOf(provenAt(e)) <= step3) ||
              (e.type === 'override.recorded' && e.reason.trim() !== '' && minuteOf(e.at) <= step3),
          );
          expect(opened, `event ${i + 1}: Step 3 on ${event.server} at ${event.at}`).toBe(true);
          checked += 1;
        });
        const timeline = buildRunbook(session, {}).timeline;
        for (let k = 1; k < timeline.length; k++) {
          const [a, b] = [timeline[k - 1]!, timeline[k]!];
          expect(Date.parse(a.at) < Date.parse(b.at) || (a.at === b.at && a.seq < b.seq)).toBe(true);
        }
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 200) },
    );
    // Step 3 behind a closed gate happened often enough for the property to mean something.
    expect(checked).toBeGreaterThan(20);
    console.info(`gates in time: ${checked} gated Step 3 entries checked`);
  });
});
