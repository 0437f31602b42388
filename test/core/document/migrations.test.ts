import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION } from '../../../renderer/core/document/document';
import { parseDocument } from '../../../renderer/core/document/load';
import { serializeDocument, toDocument } from '../../../renderer/core/document/save';

/** The field report's runbook as version 1 saved it: with the machines' snapshot, which version 2 drops. */
const V1 = readFileSync(new URL('./fixtures/v1-field-report.lyncrunbook', import.meta.url), 'utf8');

describe('documents of older versions', () => {
  it('opens a version 1 document: the same deployment and history, without the stored snapshot', () => {
    const raw = JSON.parse(V1) as { schemaVersion: number; snapshot: unknown; history: unknown[]; deployment: unknown };
    expect(raw.schemaVersion).toBe(1);
    expect(raw.snapshot).not.toBeNull();
    const opened = parseDocument(V1);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.migratedFrom).toBe(1);
    expect(opened.document.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect('snapshot' in opened.document).toBe(false);
    expect(opened.document.history).toEqual(raw.history);
    expect(opened.document.deployment).toEqual(raw.deployment);
    // Saved again, it is a current document that opens as it is.
    const text = serializeDocument(toDocument(opened.session, '2013-03-15T09:00:00.000Z'));
    expect(text).not.toContain('"snapshot"');
    const again = parseDocument(text);
    expect(again.ok && again.migratedFrom).toBeNull();
  });
});
