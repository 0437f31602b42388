import { describe, expect, it } from 'vitest';
import { buildScripts, type ScriptRequest } from '../../../renderer/core/powershell/scripts';
import type { Script, ScriptContext } from '../../../renderer/core/powershell/script';
import { FIELD_REPORT_OAUTH, fieldReport } from './fixtures/deployments';

/**
 * The exact scripts for the field report's situation: Lync Server 2013, the OAuthTokenIssuer certificate
 * assigned on fe01, fe02 stale. Paths A, B and C, verification, and the Edge Server's file route.
 */
const context: ScriptContext = { deployment: fieldReport('lync2013'), oauth: FIELD_REPORT_OAUTH };

function scripts(server: string, request: ScriptRequest, ctx: ScriptContext = context): readonly Script[] {
  const result = buildScripts(ctx, server, request);
  if (!result.ok) throw new Error(result.errors.join(' '));
  return result.scripts;
}

const REQUESTS: readonly (readonly [string, ScriptRequest])[] = [
  ['A-export', { kind: 'remediation', path: 'A', item: 'export' }],
  ['A-import', { kind: 'remediation', path: 'A', item: 'import' }],
  ['A-start-agent', { kind: 'remediation', path: 'A', item: 'start-agent' }],
  ['B-replication-services', { kind: 'remediation', path: 'B', item: 'replication-services' }],
  ['B-start-agent', { kind: 'remediation', path: 'B', item: 'start-agent' }],
  ['B-event-3038', { kind: 'remediation', path: 'B', item: 'event-3038' }],
  ['C-cms-holds-assignment', { kind: 'remediation', path: 'C', item: 'cms-holds-assignment' }],
  ['pool-start', { kind: 'pool-start' }],
  ['C-rerun-step1', { kind: 'remediation', path: 'C', item: 'rerun-step1' }],
  ['verify', { kind: 'verify' }],
  ['step-3', { kind: 'step', step: 3 }],
];

describe('the field report, Lync Server 2013, fe02 stale', () => {
  for (const [name, request] of REQUESTS) {
    it(`fe02: ${name}`, async () => {
      const [script] = scripts('fe02.contoso.local', request);
      await expect(script!.text).toMatchFileSnapshot(`./__snapshots__/field-report/fe02-${name}.ps1`);
    });
  }

  it('path A and verification share one verification script', () => {
    const fromA = scripts('fe02.contoso.local', { kind: 'remediation', path: 'A', item: 'verify' });
    const fromB = scripts('fe02.contoso.local', { kind: 'remediation', path: 'B', item: 'verify' });
    expect(fromA.map((s) => s.text)).toEqual(fromB.map((s) => s.text));
    expect(fromA[0]!.id).toBe('verify');
  });

  it('fe02 through a file: export on fe01, import on fe02', async () => {
    const ctx: ScriptContext = { ...context, options: { route: 'file' } };
    const [exported] = scripts('fe02.contoso.local', { kind: 'remediation', path: 'A', item: 'export' }, ctx);
    const [imported] = scripts('fe02.contoso.local', { kind: 'remediation', path: 'A', item: 'import' }, ctx);
    expect([exported!.server, imported!.server]).toEqual(['fe01.contoso.local', 'fe02.contoso.local']);
    await expect(exported!.text).toMatchFileSnapshot('./__snapshots__/field-report/fe02-file-A-export.ps1');
    await expect(imported!.text).toMatchFileSnapshot('./__snapshots__/field-report/fe02-file-A-import.ps1');
    // The import refuses a file written before the assignment, and a domain-joined server's wizard reads the CMS.
    expect(imported!.text).toContain(`$AssignedAtText = '${context.oauth!.at}'`);
    expect(imported!.text).toContain('if ($Written -le $AssignedAt) {');
    expect(imported!.text).toContain('"Retrieve directly from the Central Management store"');
    const none = scripts(
      'fe02.contoso.local',
      { kind: 'remediation', path: 'A', item: 'import' },
      { ...ctx, oauth: null },
    );
    expect(none[0]!.text).not.toContain('$AssignedAt');
  });

  it('edge01, Step 1: export on an internal server, copy, import from the file', async () => {
    const parts = scripts('edge01.perimeter.contoso.com', { kind: 'step', step: 1 });
    expect(parts.map((s) => [s.id, s.server])).toEqual([
      ['step-1-export', 'fe01.contoso.local'],
      ['step-1-import', 'edge01.perimeter.contoso.com'],
    ]);
    await expect(parts[0]!.text).toMatchFileSnapshot('./__snapshots__/field-report/edge01-step-1-export.ps1');
    await expect(parts[1]!.text).toMatchFileSnapshot('./__snapshots__/field-report/edge01-step-1-import.ps1');
  });
});
