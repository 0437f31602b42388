import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../renderer/core/document/load';
import { serializeDocument, toDocument } from '../../../renderer/core/document/save';
import { exportRunbook, renderJson } from '../../../renderer/core/runbook';
import { play, savedAtOf, scenarioArb } from '../support/arbitraries';
import { ManualClock } from '../support/deployments';
import { EXPORTED_AT, fieldReportRunbookSession } from './field-report-runbook';

const options = { clock: new ManualClock('2013-03-20T00:00:00.000Z'), operator: 'reader' };

describe('the JSON export', () => {
  it('is exactly the saved document, which opens again', () => {
    const session = fieldReportRunbookSession();
    const text = exportRunbook(session, 'json', EXPORTED_AT);
    expect(text).toBe(serializeDocument(toDocument(session, EXPORTED_AT)));
    const loaded = parseDocument(text, options);
    expect(loaded.ok).toBe(true);
  });

  it('export → import → export gives the identical document, for any history', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const session = play(scenario);
        const at = savedAtOf(session);
        const text = renderJson(session, at);
        const loaded = parseDocument(text, options);
        if (!loaded.ok) throw new Error(loaded.message);
        expect(loaded.migratedFrom).toBeNull();
        expect(loaded.document).toEqual(JSON.parse(text));
        // Opened (the history replayed: no state of the machines is stored), it exports to the same bytes.
        expect('snapshot' in loaded.document).toBe(false);
        expect(renderJson(loaded.session, at)).toBe(text);
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 150) },
    );
  });
});
