import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportRunbook, type RunbookFormat } from '../../../renderer/core/runbook';
import { EXPORTED_AT, fieldReportRunbookSession } from './field-report-runbook';

// Byte-for-byte goldens of the field report's runbook. Regenerate after an intended change with
// UPDATE_GOLDEN=1 npx vitest run --project core test/core/runbook, and read the diff before committing.
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const FILES: Readonly<Record<RunbookFormat, string>> = {
  md: 'field-report.md',
  html: 'field-report.html',
  json: 'field-report.lyncrunbook',
};

function golden(name: string): URL {
  return new URL(`./golden/${name}`, import.meta.url);
}

describe('the field report runbook matches its golden file', () => {
  for (const format of ['md', 'html', 'json'] as const) {
    it(`in ${format}`, () => {
      const actual = exportRunbook(fieldReportRunbookSession(), format, EXPORTED_AT);
      const file = golden(FILES[format]);
      if (UPDATE || !existsSync(file)) {
        mkdirSync(new URL('./golden/', import.meta.url), { recursive: true });
        writeFileSync(file, actual, 'utf8');
        if (!UPDATE) throw new Error(`No golden file ${FILES[format]} yet: written now; check it and run again.`);
      }
      const expected = readFileSync(file, 'utf8');
      // Compare lines first for a readable diff, then the exact bytes.
      expect(actual.split('\n')).toEqual(expected.split('\n'));
      expect(Buffer.from(actual, 'utf8').equals(readFileSync(file))).toBe(true);
    });
  }

  it('is the same every time it is built', () => {
    const a = fieldReportRunbookSession();
    const b = fieldReportRunbookSession();
    for (const format of ['md', 'html', 'json'] as const)
      expect(exportRunbook(a, format, EXPORTED_AT)).toBe(exportRunbook(b, format, EXPORTED_AT));
  });
});
