import { describe, expect, it } from 'vitest';
import { checkCommand, findCmdlet } from '../../../renderer/core/powershell/catalog';
import { CMDLET_CATALOG } from '../../../renderer/core/powershell/catalog-data';
import { BUILTIN_CMDLETS } from '../../../renderer/core/powershell/builtins';
import { cmd, v } from '../../../renderer/core/powershell/render';

const codes = (problems: ReturnType<typeof checkCommand>) => problems.map((p) => p.code);

describe('the catalog data', () => {
  it('holds the cmdlets the scripts rely on, with their official parameter sets', () => {
    const names = CMDLET_CATALOG.map((c) => c.cmdlet);
    for (const name of [
      'Export-CsConfiguration',
      'Import-CsConfiguration',
      'Get-CsManagementStoreReplicationStatus',
      'Invoke-CsManagementStoreReplication',
      'Get-CsCertificate',
      'Set-CsCertificate',
      'Start-CsPool',
      'Start-CsWindowsService',
      'Get-CsWindowsService',
    ]) {
      expect(names).toContain(name);
    }
    expect(findCmdlet('Export-CsConfiguration')!.sets.map((s) => s.name)).toEqual(['FileName', 'AsBytes']);
    expect(findCmdlet('Import-CsConfiguration')!.sets.map((s) => s.name)).toEqual(['ByteInput', 'FileName']);
  });

  it('keeps the product facts: Start-CsPool is Skype for Business only, -Identity of Get-CsCertificate is 2013 and later', () => {
    expect(findCmdlet('Start-CsPool')!.products).toEqual(['sfb2015', 'sfb2019']);
    const getCert = findCmdlet('Get-CsCertificate')!.sets[0]!;
    expect(getCert.parameters.find((p) => p.name === 'NetportId')!.products).toEqual([]);
    expect(
      getCert.parameters.find((p) => p.name === 'Identity')!.products ?? findCmdlet('Get-CsCertificate')!.products,
    ).toContain('lync2013');
  });

  it('does not let a built-in shadow a Lync cmdlet or repeat one', () => {
    const all = [...CMDLET_CATALOG, ...BUILTIN_CMDLETS].map((c) => c.cmdlet.toLowerCase());
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('checkCommand', () => {
  it('passes commands that match a parameter set in that product', () => {
    expect(
      checkCommand(
        cmd(
          'Import-CsConfiguration',
          { ByteInput: cmd('Export-CsConfiguration', { AsBytes: true }, 'AsBytes'), LocalStore: true },
          'ByteInput',
        ),
        'lync2013',
      ),
    ).toEqual([]);
    expect(
      checkCommand(cmd('Get-CsManagementStoreReplicationStatus', { ReplicaFqdn: 'fe02.contoso.local' }), 'sfb2019'),
    ).toEqual([]);
    expect(checkCommand(cmd('Start-CsPool', { PoolFqdn: 'fepool.contoso.local' }), 'sfb2015')).toEqual([]);
    expect(
      checkCommand(cmd('Get-Service', { Name: 'MSSQL$RTCLOCAL', ErrorAction: 'SilentlyContinue' }), 'lync2013'),
    ).toEqual([]);
  });

  it('refuses Start-CsPool on Lync Server 2013', () => {
    const problems = checkCommand(cmd('Start-CsPool', { PoolFqdn: 'fepool.contoso.local' }), 'lync2013');
    expect(codes(problems)).toEqual(['cmdlet-not-in-product']);
    expect(problems[0]!.message).toBe(
      'Start-CsPool does not exist in Lync Server 2013; it exists in Skype for Business Server 2015, Skype for Business Server 2019.',
    );
  });

  it('reports a missing mandatory parameter', () => {
    const problems = checkCommand(cmd('Export-CsConfiguration', { Force: true }, 'FileName'), 'sfb2015');
    expect(problems).toEqual([
      { code: 'missing-mandatory', message: 'Export-CsConfiguration needs -FileName in its FileName parameter set.' },
    ]);
    expect(codes(checkCommand(cmd('Start-CsPool', {}), 'sfb2019'))).toEqual(['missing-mandatory']);
  });

  it('reports an unknown parameter, and one from another parameter set', () => {
    expect(
      checkCommand(
        cmd('Import-CsConfiguration', { ByteInput: v('x'), LocalStore: true, Path: 'C:\\a.zip' }, 'ByteInput'),
        'lync2013',
      ),
    ).toEqual([
      {
        code: 'unknown-parameter',
        message: 'Import-CsConfiguration has no parameter -Path in its ByteInput parameter set.',
      },
    ]);
    expect(
      codes(
        checkCommand(cmd('Export-CsConfiguration', { AsBytes: true, FileName: 'C:\\a.zip' }, 'AsBytes'), 'lync2013'),
      ),
    ).toEqual(['unknown-parameter']);
  });

  it('reports a parameter the product does not have', () => {
    const problems = checkCommand(cmd('Get-CsCertificate', { NetportId: 'np1' }), 'lync2013');
    expect(codes(problems)).toEqual(['parameter-not-in-product']);
    expect(problems[0]!.message).toMatch(/-NetportId of Get-CsCertificate does not apply to Lync Server 2013/);
    expect(codes(checkCommand(cmd('Get-CsService', { VideoGateway: true }, 'VideoGateway'), 'lync2013'))).toEqual([
      'parameter-not-in-product',
    ]);
  });

  it('reports unknown cmdlets and parameter sets, and a set left out where there are several', () => {
    expect(codes(checkCommand(cmd('Invoke-Expression', { Command: 'x' }), 'sfb2019'))).toEqual(['unknown-cmdlet']);
    expect(checkCommand(cmd('Export-CsConfiguration', { AsBytes: true }, 'Bytes'), 'sfb2019')).toEqual([
      {
        code: 'unknown-parameter-set',
        message: 'Export-CsConfiguration has no parameter set "Bytes"; its sets are FileName, AsBytes.',
      },
    ]);
    expect(codes(checkCommand(cmd('Export-CsConfiguration', { AsBytes: true }), 'sfb2019'))).toEqual([
      'parameter-set-required',
    ]);
  });

  it('tells switches from parameters that take a value', () => {
    expect(
      codes(
        checkCommand(
          cmd('Import-CsConfiguration', { FileName: 'C:\\a.zip', LocalStore: 'yes' }, 'FileName'),
          'lync2013',
        ),
      ),
    ).toEqual(['switch-given-value']);
    expect(codes(checkCommand(cmd('Import-CsConfiguration', { FileName: true }, 'FileName'), 'lync2013'))).toEqual([
      'value-missing',
    ]);
  });

  it('accepts aliases and the PowerShell 3.0 common parameters, not later ones', () => {
    expect(
      checkCommand(
        cmd(
          'Set-CsCertificate',
          { Type: 'OAuthTokenIssuer', Thumbprint: 'AB', EffectiveTime: v('t'), Roll: true },
          'Thumbprint',
        ),
        'sfb2015',
      ),
    ).toEqual([]);
    expect(checkCommand(cmd('Get-CsWindowsService', { Verbose: true, ErrorAction: 'Stop' }), 'lync2013')).toEqual([]);
    expect(codes(checkCommand(cmd('Get-CsWindowsService', { InformationAction: 'Stop' }), 'lync2013'))).toEqual([
      'unknown-parameter',
    ]);
  });

  it('refuses Exchange cmdlets in a Lync or Skype for Business shell', () => {
    expect(
      codes(
        checkCommand(
          cmd('Set-PartnerApplication', { Identity: 'Lync', RefreshAuthMetadata: true }, 'RefreshAuthMetadata'),
          'sfb2015',
        ),
      ),
    ).toContain('cmdlet-not-in-product');
    expect(
      checkCommand(
        cmd('Set-PartnerApplication', { Identity: 'Lync', RefreshAuthMetadata: true }, 'RefreshAuthMetadata'),
        'exchange2013',
      ),
    ).toEqual([]);
  });
});
