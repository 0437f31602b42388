import { beforeAll, describe, expect, it } from 'vitest';
import { check, loadParser } from './injection-kit';
import { INPUTS } from './injection-inputs';
import { DANGER } from './injection-values';

beforeAll(loadParser);

describe('adversarial values in every input that reaches a script', () => {
  it('are refused with a message or stay inside single-quoted literals (every dangerous piece, every input)', () => {
    const outcomes = { refused: 0, accepted: 0 };
    for (const input of INPUTS) {
      for (const piece of DANGER) outcomes[check(input, input.around(piece))] += 1;
    }
    // Both outcomes occur, so both halves of the property are exercised.
    expect(outcomes.refused).toBeGreaterThan(0);
    expect(outcomes.accepted).toBeGreaterThan(0);
  });
});
