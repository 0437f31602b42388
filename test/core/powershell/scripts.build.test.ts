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
      'A.start-agent',
      'A.verify',
      'B.cms-started',
      'B.replication-services',
      'B.start-agent',
      'B.event-3038',
      'B.verify',
      'C.cms-holds-assignment',
      'C.rerun-step1',
      'verify',
      'pool-start',
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

  it('starts an Enterprise pool with Start-CsPool on Skype for Business (three or more), the members together otherwise', () => {
    const three = buildScripts({ deployment: fieldReport('sfb2015'), oauth: null }, 'fe01.contoso.local', {
      kind: 'pool-start',
      servers: ['fe01.contoso.local', 'fe02.contoso.local'],
    });
    if (!three.ok) throw new Error(three.errors.join(' '));
    const text = three.scripts[0]!.text;
    // The member not ready is skipped; every member started is read back.
    expect(text).toContain("$Skip = @('fe03.contoso.local')\nStart-CsPool -PoolFqdn $Pool -SkipServer $Skip");
    expect(text).toContain("$Members = @('fe01.contoso.local', 'fe02.contoso.local')");
    expect(text).toContain('Get-CsWindowsService -ComputerName $FrontEnd');
    const lync = buildScripts({ deployment: fieldReport('lync2013'), oauth: null }, 'fe01.contoso.local', {
      kind: 'pool-start',
    });
    expect(lync.ok && lync.scripts[0]!.text).toContain('Start-CsWindowsService -ComputerName $FrontEnd -NoWait');
    expect(lync.ok && lync.scripts[0]!.text).not.toContain('Start-CsPool -PoolFqdn');
    const two = buildScripts({ deployment: twoFrontEnds('sfb2015'), oauth: null }, 'fe1.tailspin.example', {
      kind: 'pool-start',
    });
    expect(two.ok && two.scripts[0]!.text).not.toContain('Start-CsPool -PoolFqdn');
    // A member that joins a started pool, and a Standard Edition server, start their own services.
    const member = buildScripts({ deployment: fieldReport('sfb2015'), oauth: null }, 'fe01.contoso.local', {
      kind: 'step',
      step: 4,
    });
    expect(member.ok && member.scripts[0]!.text).toContain('\nStart-CsWindowsService\n');
    const standard = buildScripts({ deployment: standardEdition('sfb2019'), oauth: null }, 'se01.fabrikam.local', {
      kind: 'step',
      step: 4,
    });
    expect(standard.ok && standard.scripts[0]!.text).not.toContain('Start-CsPool');
    const none = buildScripts({ deployment: standardEdition('sfb2019'), oauth: null }, 'se01.fabrikam.local', {
      kind: 'pool-start',
    });
    expect(none.ok && none.scripts).toEqual([]);
    const stranger = buildScripts({ deployment: fieldReport('sfb2015'), oauth: null }, 'fe01.contoso.local', {
      kind: 'pool-start',
      servers: ['dir01.contoso.local'],
    });
    expect(!stranger.ok && stranger.errors).toEqual(['dir01.contoso.local is not a member of fepool.contoso.local.']);
  });

  it('never assigns the global OAuthTokenIssuer certificate: Step 3 only reads it (D5)', () => {
    for (const oauth of [null, FIELD_REPORT_OAUTH]) {
      for (const server of ['fe01.contoso.local', 'fe02.contoso.local']) {
        const built = buildScripts({ deployment: fieldReport(), oauth }, server, { kind: 'step', step: 3 });
        if (!built.ok) throw new Error(built.errors.join(' '));
        expect(built.scripts[0]!.text).not.toContain('Set-CsCertificate');
        expect(built.scripts[0]!.text).toContain('HasPrivateKey');
      }
    }
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
