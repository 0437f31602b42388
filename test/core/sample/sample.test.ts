import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../renderer/core/document/load';
import { serverStatus } from '../../../renderer/core/machines/status';
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
    const phases = result.document.deployment.servers.map((s) => [
      s.fqdn,
      serverStatus(result.session.server(s.fqdn)!).phase,
    ]);
    expect(phases).toEqual([
      ['fe01.contoso.local', 'awaiting-step4'],
      ['fe02.contoso.local', 'blocked'],
      ['fe03.contoso.local', 'blocked'],
      ['dir01.contoso.local', 'awaiting-step1'],
      ['edge01.perimeter.contoso.com', 'awaiting-step1'],
    ]);
    // Blocked by a stale local replica: Step 1 before the assignment on fe01, with both times.
    for (const fe of ['fe02.contoso.local', 'fe03.contoso.local']) {
      expect(serverStatus(result.session.server(fe)!).gate).toEqual({
        allowed: false,
        server: fe,
        reason: 'stale-replica',
        step1At: '2026-03-13T09:00:00.000Z',
        assignedOn: 'fe01.contoso.local',
        assignedAt: '2026-03-14T10:00:00.000Z',
      });
    }
  });
});
