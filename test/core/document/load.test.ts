import { CURRENT_SCHEMA_VERSION } from '../../../renderer/core/document/document';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../renderer/core/document/load';
import { serializeDocument, toDocument } from '../../../renderer/core/document/save';
import { fieldReportSession, ManualClock, must } from '../support/deployments';

const options = { clock: new ManualClock(), operator: 'reader' };

function goodText(): string {
  const { session } = fieldReportSession();
  must(session, { type: 'step.completed', server: 'fe01.contoso.local', step: 1 });
  return serializeDocument(toDocument(session, '2013-03-14T00:00:00.000Z'));
}

function mutate(change: (doc: Record<string, unknown>) => void): string {
  const doc = JSON.parse(goodText()) as Record<string, unknown>;
  change(doc);
  return JSON.stringify(doc);
}

describe('opening a document', () => {
  it('reads a document it wrote', () => {
    const result = parseDocument(goodText(), options);
    expect(result.ok).toBe(true);
  });

  it.each([
    ['not JSON', 'hello', /not valid JSON/],
    ['cut short', goodText().slice(0, 200), /not valid JSON .* damaged or cut short/],
    ['another JSON file', '{"name":"package"}', /not a lync-runbook deployment/],
    ['an array', '[]', /not a lync-runbook deployment/],
    [
      'a newer version',
      mutate((d) => (d.schemaVersion = CURRENT_SCHEMA_VERSION + 1)),
      new RegExp(
        `saved by a newer version of lync-runbook \\(schema version ${CURRENT_SCHEMA_VERSION + 1}\\); this version reads up to ${CURRENT_SCHEMA_VERSION}\\. Update lync-runbook`,
      ),
    ],
    ['an unknown version', mutate((d) => (d.schemaVersion = 'one')), /unknown schema version \("one"\)/],
    ['no version', mutate((d) => delete d.schemaVersion), /unknown schema version \(none\)/],
    ['a wrong type', mutate((d) => (d.history = 'lots')), /does not validate: history: /],
    [
      'a bad event',
      mutate(
        (d) =>
          ((d.history as object[])[1] = {
            type: 'step.completed',
            server: 'fe01.contoso.local',
            step: 7,
            at: 'x',
            operator: 'y',
          }),
      ),
      /does not validate: history\.1/,
    ],
    [
      'a history that does not start with the deployment',
      mutate((d) => (d.history as object[]).shift()),
      /does not validate|does not start with the creation/,
    ],
    [
      'a history that does not replay',
      mutate((d) => ((d.history as Record<string, unknown>[])[1]!.step = 3)),
      /history is inconsistent at event 2 \(step.completed\): Step 3: Request, Install or Assign Certificates on fe01.contoso.local needs Step 1/,
    ],
    [
      'a topology that does not match the history',
      mutate((d) => ((d.deployment as Record<string, unknown>).name = 'Other')),
      /topology does not match its history/,
    ],
  ])('refuses %s with a message', (_name, text, message) => {
    const result = parseDocument(text, options);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
    expect(!result.ok && result.message).toMatch(/The file was left as it is\.$/);
  });
});
