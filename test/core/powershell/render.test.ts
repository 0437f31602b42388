import { describe, expect, it } from 'vitest';
import { cmd, comment, concat, lines, ps, renderCommand, v } from '../../../renderer/core/powershell/render';

describe('renderCommand', () => {
  it('renders switches, quoted strings, numbers, variables, sub-commands and arrays', () => {
    const command = cmd(
      'Import-CsConfiguration',
      { ByteInput: cmd('Export-CsConfiguration', { AsBytes: true }, 'AsBytes'), LocalStore: true },
      'ByteInput',
    );
    expect(renderCommand(command)).toBe(
      'Import-CsConfiguration -ByteInput (Export-CsConfiguration -AsBytes) -LocalStore',
    );
    expect(renderCommand(cmd('Start-Sleep', { Seconds: 15 }))).toBe('Start-Sleep -Seconds 15');
    expect(renderCommand(cmd('Get-CsCertificate', { Type: ['Default', "O'Auth"] }))).toBe(
      "Get-CsCertificate -Type @('Default', 'O''Auth')",
    );
    expect(renderCommand(cmd('Export-CsConfiguration', { FileName: v('ExportFile') }))).toBe(
      'Export-CsConfiguration -FileName $ExportFile',
    );
    expect(renderCommand(cmd('Write-Host', { Object: concat('Run it on ', v('Server')) }))).toBe(
      "Write-Host -Object ('Run it on ' + $Server)",
    );
  });

  it('renders a string that looks like a parameter or code as a literal', () => {
    expect(renderCommand(cmd('Get-Service', { Name: '-Force; Remove-Item C:\\' }))).toBe(
      "Get-Service -Name '-Force; Remove-Item C:\\'",
    );
  });

  it('refuses names that are not a cmdlet, parameter or variable', () => {
    expect(() => renderCommand(cmd('Get-X; Remove-Item', {}))).toThrow(/cmdlet/);
    expect(() => renderCommand(cmd('Get-Service', { 'Name $x': 'a' }))).toThrow(/parameter/);
    expect(() => v('x; Remove-Item')).toThrow(/variable/);
    expect(() => renderCommand(cmd('Start-Sleep', { Seconds: 1.5 }))).toThrow(/integers/);
  });
});

describe('ps templates', () => {
  it('quote every interpolated string and keep the commands they contain', () => {
    const fragment = ps`$Server = ${"fe'01"}; ${cmd('Get-Service', { Name: 'REPLICA' })}`;
    expect(fragment.text).toBe("$Server = 'fe''01'; Get-Service -Name 'REPLICA'");
    expect(fragment.commands.map((c) => c.cmdlet)).toEqual(['Get-Service']);
  });

  it('collect nested commands (sub-expressions) for the catalog check', () => {
    const fragment = lines(
      ps`${cmd('Write-Output', { InputObject: cmd('ConvertTo-Json', { InputObject: v('R') }) })}`,
      ps`x`,
    );
    expect(fragment.commands.map((c) => c.cmdlet)).toEqual(['Write-Output', 'ConvertTo-Json']);
    expect(fragment.text).toBe('Write-Output -InputObject (ConvertTo-Json -InputObject $R)\nx');
  });

  it('comments refuse line breaks of every kind', () => {
    expect(comment('Run as administrator').text).toBe('# Run as administrator');
    for (const br of ['\n', '\r', '\u2028', '\u2029', '\u0085']) expect(() => comment(`a${br}b`)).toThrow();
  });

  it('concat starts with a string so numbers do not add up', () => {
    expect(concat(v('Count'), ' bytes').text).toBe("'' + $Count + ' bytes'");
  });
});

describe('fragments', () => {
  it('cannot be forged from plain objects or plain arrays', () => {
    const forged = { kind: 'fragment', text: "'; Remove-Item C:\\ #", commands: [] } as const;
    expect(() => ps`${forged}`).toThrow(/never be built by hand/);
    expect(() => lines(forged)).toThrow(/never be built by hand/);
    expect(() => renderCommand(cmd('Write-Host', { Object: forged }))).toThrow(/never be built by hand/);
    expect(() => ps(['$x = 1; evil'] as unknown as TemplateStringsArray)).toThrow(/template tag/);
  });
});
