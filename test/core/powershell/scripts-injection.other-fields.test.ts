import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildScripts } from '../../../renderer/core/powershell/scripts';
import { FIELD_REPORT_OAUTH } from './fixtures/deployments';
import { RUNS } from './injection-kit';
import { A, B, base, withDeployment } from './injection-inputs';
import { adversarial } from './injection-values';

describe('adversarial values in every input that reaches a script', () => {
  it('keep numbers out of strings: the wait is a whole number of minutes or refused', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer(), fc.double(), fc.constantFrom(Number.NaN, Infinity, -Infinity, 0, 1, 120, 121, 1e21, -0)),
        (minutes) => {
          const result = buildScripts(
            withDeployment(base, FIELD_REPORT_OAUTH, { waitMinutes: minutes }),
            'fe02.contoso.local',
            B('event-3038'),
          );
          if (!result.ok) {
            expect(result.errors).toEqual([
              `The wait for event 3038 (${String(minutes)} minutes) must be a whole number of minutes from 1 to 120.`,
            ]);
            return;
          }
          expect(Number.isInteger(minutes) && minutes >= 1 && minutes <= 120).toBe(true);
          expect(result.scripts[0]!.text).toContain(`\n$TimeoutMinutes = ${minutes}\n`);
        },
      ),
      { numRuns: Math.min(RUNS, 2000) },
    );
  });

  it('refuse any export route but the two the app knows', () => {
    fc.assert(
      fc.property(adversarial(['bytes', 'file', ' ', 'FILE']), (route) => {
        const result = buildScripts(
          withDeployment(base, FIELD_REPORT_OAUTH, { route: route as 'file' }),
          'fe02.contoso.local',
          A('import'),
        );
        expect(result.ok).toBe(route === 'bytes' || route === 'file');
      }),
      { numRuns: Math.min(RUNS, 2000) },
    );
  });

  it('never put the deployment name or the operator into a script', () => {
    fc.assert(
      fc.property(adversarial(['Contoso', ' ', 'HQ']), (text) => {
        const marker = `QQ${text}QQ`;
        const deployment = { ...base, name: `Name ${marker}` };
        for (const request of [
          { kind: 'verify' } as const,
          A('import'),
          B('event-3038'),
          { kind: 'step', step: 3 } as const,
        ]) {
          const result = buildScripts(
            withDeployment(deployment, { ...FIELD_REPORT_OAUTH, operator: marker }),
            'fe02.contoso.local',
            request,
          );
          expect(result.ok).toBe(true);
          if (result.ok) for (const script of result.scripts) expect(script.text.includes('QQ')).toBe(false);
        }
      }),
      { numRuns: Math.min(RUNS, 500) },
    );
  });
});
