import { describe, expect, it } from 'vitest';
import { PRODUCT_VERSIONS, PRODUCTS } from '../../../renderer/core/model/product';
import { buildScripts, buildVerificationScript, scriptRequests } from '../../../renderer/core/powershell/scripts';
import type { ScriptContext } from '../../../renderer/core/powershell/script';
import { FIELD_REPORT_OAUTH, fieldReport, standardEdition, twoFrontEnds } from './fixtures/deployments';

describe('building scripts', () => {
  const context: ScriptContext = { deployment: fieldReport(), oauth: FIELD_REPORT_OAUTH };

  it('lists every request: four steps, the items of paths A, B and C, and verification', () => {
    expect(
      scriptRequests().map((r) =>
        r.kind === 'step' ? `step ${r.step}` : r.kind === 'remediation' ? `${r.path}.${r.item}` : r.kind,
      ),
    ).toEqual([
      'step 1',
      'step 2',
      'step 3',
      'step 4',
      'A.export',
      'A.import',
      'A.verify',
      'B.cms-running',
      'B.start-agent',
      'B.event-3038',
      'B.verify',
      'C.replication-complete',
      'C.rerun-step1',
      'verify',
    ]);
  });

  it('gives path A the one-step byte route on a domain-joined server and the file route when asked', () => {
    const bytes = buildScripts(context, 'fe02.contoso.local', { kind: 'remediation', path: 'A', item: 'import' });
    expect(bytes.ok && bytes.scripts[0]!.text).toContain(
      'Import-CsConfiguration -ByteInput (Export-CsConfiguration -AsBytes) -LocalStore',
    );
    const file = buildScripts({ ...context, options: { route: 'file' } }, 'fe02.contoso.local', {
      kind: 'remediation',
      path: 'A',
      item: 'import',
    });
    expect(file.ok && file.scripts[0]!.text).toContain('Import-CsConfiguration -FileName $ImportFile -LocalStore');
    const exported = buildScripts({ ...context, options: { route: 'file' } }, 'fe02.contoso.local', {
      kind: 'remediation',
      path: 'A',
      item: 'export',
    });
    expect(exported.ok && exported.scripts[0]!.server).toBe('fe01.contoso.local');
  });

  it('accepts the server FQDN in any case and finds the server', () => {
    const result = buildVerificationScript(context, 'FE02.Contoso.Local');
    expect(result.ok && result.script.target).toBe('fe02.contoso.local');
  });

  it('uses Start-CsPool for a Skype for Business pool of three and Start-CsWindowsService for two', () => {
    const three = buildScripts({ deployment: fieldReport('sfb2015'), oauth: null }, 'fe01.contoso.local', {
      kind: 'step',
      step: 4,
    });
    expect(three.ok && three.scripts[0]!.text).toContain(
      "$Pool = 'fepool.contoso.local'\nStart-CsPool -PoolFqdn $Pool",
    );
    const two = buildScripts({ deployment: twoFrontEnds('sfb2019'), oauth: null }, 'fe1.tailspin.example', {
      kind: 'step',
      step: 4,
    });
    expect(two.ok && two.scripts[0]!.text).toContain('\nStart-CsWindowsService\n');
    const standard = buildScripts({ deployment: standardEdition('sfb2019'), oauth: null }, 'se01.fabrikam.local', {
      kind: 'step',
      step: 4,
    });
    expect(standard.ok && standard.scripts[0]!.text).not.toContain('Start-CsPool');
  });

  it('assigns the OAuthTokenIssuer certificate in Step 3 only where none is assigned yet and a thumbprint is given', () => {
    const first = buildScripts(
      {
        deployment: fieldReport(),
        oauth: null,
        options: { oauthThumbprint: 'ab cd ef 01 23 45 67 89 ab cd ef 01 23 45 67 89 ab cd ef 01' },
      },
      'fe01.contoso.local',
      { kind: 'step', step: 3 },
    );
    expect(first.ok && first.scripts[0]!.text).toContain(
      "    $NewThumbprint = 'ABCDEF0123456789ABCDEF0123456789ABCDEF01'\n    Set-CsCertificate -Identity 'global' -Type 'OAuthTokenIssuer' -Thumbprint $NewThumbprint",
    );
    const later = buildScripts(
      {
        deployment: fieldReport(),
        oauth: FIELD_REPORT_OAUTH,
        options: { oauthThumbprint: 'ABCDEF0123456789ABCDEF0123456789ABCDEF01' },
      },
      'fe02.contoso.local',
      { kind: 'step', step: 3 },
    );
    expect(later.ok && later.scripts[0]!.text).not.toContain('Set-CsCertificate');
  });

  it('waits for event 3038 in a bounded loop with a clear message when time runs out', () => {
    const result = buildScripts({ ...context, options: { waitMinutes: 7 } }, 'fe02.contoso.local', {
      kind: 'remediation',
      path: 'B',
      item: 'event-3038',
    });
    if (!result.ok) throw new Error(result.errors.join(' '));
    const text = result.scripts[0]!.text;
    expect(text).toContain('$TimeoutMinutes = 7');
    expect(text).toContain("$AssignedAtText = '2012-11-24T19:40:00.000Z'");
    expect(text).toContain('$Deadline = (Get-Date).AddMinutes($TimeoutMinutes)');
    expect(text).toMatch(
      /if \(\(Get-Date\) -ge \$Deadline\) \{\n\s+throw \('No event 3038 in the Lync Server event log after ' \+ \$TimeoutMinutes/,
    );
    expect(text).toContain('Start-Sleep -Seconds 15');
    expect(text).toContain('Invoke-CsManagementStoreReplication -ReplicaFqdn $Server');
  });

  it('names the Replica Replicator Agent the way each product does', () => {
    for (const product of PRODUCT_VERSIONS) {
      const result = buildScripts({ deployment: fieldReport(product), oauth: null }, 'fe02.contoso.local', {
        kind: 'remediation',
        path: 'B',
        item: 'start-agent',
      });
      expect(result.ok && result.scripts[0]!.text).toContain(
        `Done: the ${PRODUCTS[product].replicaServiceDisplayName} (REPLICA) is Running.`,
      );
      expect(result.ok && result.scripts[0]!.text).toContain("Start-CsWindowsService -Name 'REPLICA'");
    }
  });
});
