import { describe, expect, it } from 'vitest';
import { buildScripts } from '../../../renderer/core/powershell/scripts';
import type { ScriptContext } from '../../../renderer/core/powershell/script';
import { FIELD_REPORT_OAUTH, fieldReport } from './fixtures/deployments';

describe('refusing to build', () => {
  const base: ScriptContext = { deployment: fieldReport(), oauth: FIELD_REPORT_OAUTH };
  const errorsOf = (context: ScriptContext, server = 'fe02.contoso.local') => {
    const result = buildScripts(context, server, { kind: 'remediation', path: 'A', item: 'export' });
    return result.ok ? [] : result.errors;
  };

  it('returns every problem and no script', () => {
    const errors = errorsOf({
      ...base,
      options: { exportPath: 'config.zip', waitMinutes: 0, route: 'disk' as 'file' },
    });
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(/^The export route "disk" is not one the app knows/);
    expect(errors[1]).toMatch(/^The export file "config\.zip" is a relative path/);
    expect(errors[2]).toBe('The wait for event 3038 (0 minutes) must be a whole number of minutes from 1 to 120.');
  });

  it('refuses an invalid deployment with its own messages', () => {
    const deployment = { ...fieldReport(), sipDomain: 'contoso' };
    expect(errorsOf({ ...base, deployment })).toEqual([
      'The SIP domain "contoso" is a single name; give the full name with its domain (for example contoso.com).',
    ]);
  });

  it('refuses a bad OAuth record, an unknown server and an Edge Server as the export source', () => {
    expect(errorsOf({ ...base, oauth: { ...FIELD_REPORT_OAUTH, thumbprint: 'not-a-thumbprint' } })[0]).toMatch(
      /^The OAuthTokenIssuer thumbprint "not-a-thumbprint" contains "n"/,
    );
    expect(errorsOf({ ...base, oauth: { ...FIELD_REPORT_OAUTH, at: 'yesterday' } })[0]).toMatch(
      /^The time the OAuthTokenIssuer certificate was assigned "yesterday" is not an ISO 8601/,
    );
    expect(errorsOf(base, 'fe09.contoso.local')).toEqual([
      'Server "fe09.contoso.local" is not in this deployment; pick one of its servers.',
    ]);
    expect(errorsOf(base, "fe02.contoso.local'; x")[0]).toMatch(/^The server "fe02\.contoso\.local'; x"/);
    expect(errorsOf({ ...base, options: { sourceServer: 'edge01.perimeter.contoso.com' } })).toEqual([
      'The server to export from, edge01.perimeter.contoso.com, is an Edge Server, which has no access to the Central Management Store; pick an internal server.',
    ]);
  });
});
