import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { check, loadParser, RUNS } from './injection-kit';
import { INPUTS } from './injection-inputs';

beforeAll(loadParser);

describe('adversarial values in every input that reaches a script', () => {
  it(
    `hold for ${RUNS} random values spread over every input`,
    () => {
      const outcomes = { refused: 0, accepted: 0 };
      const started = performance.now();
      fc.assert(
        fc.property(
          fc
            .integer({ min: 0, max: INPUTS.length - 1 })
            .chain((i) => fc.tuple(fc.constant(INPUTS[i]!.name), INPUTS[i]!.values)),
          ([name, value]) => {
            outcomes[
              check(
                INPUTS.find((input) => input.name === name)!,
                value,
              )
            ] += 1;
          },
        ),
        {
          numRuns: RUNS,
          // Values that collide with a name already in the deployment: refused as duplicates, and the
          // refusal must still name the field (the 100,000-run fuzz found the first). Last, a short value that
          // is also part of a script's fixed text ("k.ve" in "lync-runbook.verify").
          examples: [
            [['member to start', 'fe02.contoso.local']],
            [['server FQDN', 'fe01.contoso.local']],
            [['pool FQDN', 'dirpool.contoso.local']],
            // A pool renamed to a member's FQDN: refused naming the pool (the 100,000-run fuzz found it).
            [['pool FQDN', 'fe02.contoso.local']],
            [['server FQDN', 'k.ve']],
          ],
        },
      );
      expect(outcomes.accepted).toBeGreaterThan(RUNS / 20);
      console.info(
        `injection property: ${RUNS} runs (${outcomes.accepted} accepted, ${outcomes.refused} refused) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    },
    120_000 + RUNS * 25,
  );
});
