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
        { numRuns: RUNS },
      );
      expect(outcomes.accepted).toBeGreaterThan(RUNS / 20);
      console.info(
        `injection property: ${RUNS} runs (${outcomes.accepted} accepted, ${outcomes.refused} refused) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    },
    120_000 + RUNS * 25,
  );
});
