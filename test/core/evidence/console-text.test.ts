import { describe, expect, it } from 'vitest';
import {
  consoleLines,
  errorHeads,
  noiseSummary,
  promptHosts,
  shown,
} from '../../../renderer/core/evidence/console-text';
import { fixture } from './evidence-kit';

describe('console lines', () => {
  it('marks prompts and the lines of a PowerShell error record, and nothing else', () => {
    const lines = consoleLines(fixture('replication-status/cut-off-with-errors.txt'));
    const noise = lines.filter((l) => l.noise !== null).map((l) => `${l.no}:${l.noise}`);
    expect(noise).toEqual(['1:prompt', '2:error', '4:error', '5:error', '6:error', '7:error', '8:error', '10:prompt']);
    expect(errorHeads(lines)).toHaveLength(1);
    expect(noiseSummary(lines)).toBe('Stepped over 2 prompt lines and 1 PowerShell error.');
    expect(lines.find((l) => l.text.startsWith('UpToDate'))?.noise).toBeNull();
  });

  it('splits on any line ending', () => {
    expect(consoleLines('a\r\nb\rc\nd').map((l) => l.text)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('names the machine of a remoting prompt', () => {
    expect(promptHosts(consoleLines('[fe01.contoso.local]: PS C:\\> Get-CsCertificate\nPS C:\\>'))).toEqual([
      'fe01.contoso.local',
    ]);
  });

  it('makes pasted values safe to show: no control or bidi characters, bounded length', () => {
    expect(shown('fe02\u202e.contoso\u0000.local')).toBe('fe02?.contoso?.local');
    expect(shown('x'.repeat(10_000), 50)).toHaveLength(50);
  });
});
