import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../renderer/core/document/load';
import { sampleDocumentText } from '../../../renderer/core/sample/sample';
import { ManualClock } from '../support/deployments';

const ASSET = new URL('../../../assets/sample/contoso-hq.lyncrunbook', import.meta.url);

describe('the bundled sample deployment', () => {
  it('is what the sample builder writes (regenerate with UPDATE_SAMPLE=1)', () => {
    if (process.env.UPDATE_SAMPLE) writeFileSync(ASSET, sampleDocumentText());
    expect(readFileSync(ASSET, 'utf8')).toBe(sampleDocumentText());
  });

  it('opens, with fe02 and fe03 blocked by a stale local replica', () => {
    const result = parseDocument(readFileSync(ASSET, 'utf8'), { clock: new ManualClock(), operator: 'x' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.document.deployment.servers.map((s) => s.fqdn)).toEqual([
      'fe01.contoso.local',
      'fe02.contoso.local',
      'fe03.contoso.local',
      'dir01.contoso.local',
      'edge01.perimeter.contoso.com',
    ]);
  });
});
