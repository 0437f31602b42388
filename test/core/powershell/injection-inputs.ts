// Every input that reaches a script, for the script-injection tests: how a value gets in, and its normal form.
import type fc from 'fast-check';
import type { OAuthAssignment } from '../../../renderer/core/gate/gate';
import type { Deployment } from '../../../renderer/core/model/deployment';
import type { ChecklistItemId } from '../../../renderer/core/model/remediation';
import type { ScriptContext, ScriptOptions } from '../../../renderer/core/powershell/script';
import type { ScriptRequest } from '../../../renderer/core/powershell/scripts';
import { validateFqdn, validateIsoDate, validateThumbprint } from '../../../renderer/core/powershell/validators';
import { FIELD_REPORT_OAUTH, fieldReport } from './fixtures/deployments';
import { dateish, existingOrAdversarial, fqdnish, pathish, thumbprintish } from './injection-values';

/** One input that reaches a script: how to put a value into it, which scripts show it, its normal form. */
export interface Input {
  readonly name: string;
  readonly values: fc.Arbitrary<string>;
  /** A value of this input with `inject` placed where it is most likely to get through validation. */
  readonly around: (inject: string) => string;
  readonly build: (value: string) => { context: ScriptContext; server: string; requests: readonly ScriptRequest[] };
  /** The form the value takes in scripts once accepted. */
  readonly normal: (value: string) => string;
  /** What a refusal must mention, so the admin knows which field is wrong. */
  readonly mentions: RegExp;
}

export const base = fieldReport('lync2013');
export const withDeployment = (
  deployment: Deployment,
  oauth: OAuthAssignment | null = FIELD_REPORT_OAUTH,
  options: ScriptOptions = {},
): ScriptContext => ({ deployment, oauth, options });
const rename = (from: string, to: string) => (fqdn: string) => (fqdn === from ? to : fqdn);
const lower = (value: string) => {
  const checked = validateFqdn(value, 'x');
  return checked.ok ? checked.value : value;
};
export const A = (item: ChecklistItemId): ScriptRequest => ({ kind: 'remediation', path: 'A', item });
export const B = (item: ChecklistItemId): ScriptRequest => ({ kind: 'remediation', path: 'B', item });
const C = (item: ChecklistItemId): ScriptRequest => ({ kind: 'remediation', path: 'C', item });

export const INPUTS: readonly Input[] = [
  {
    name: 'server FQDN',
    values: fqdnish,
    around: (x) => `fe${x}02.contoso.local`,
    build: (value) => ({
      context: withDeployment({
        ...base,
        servers: base.servers.map((s) => ({ ...s, fqdn: rename('fe02.contoso.local', value)(s.fqdn) })),
      }),
      server: value,
      requests: [{ kind: 'verify' }, B('replication-services')],
    }),
    normal: lower,
    mentions: /^Server "|^Server \S+ is listed twice |^The server "|^Enter the FQDN of server /,
  },
  {
    name: 'pool FQDN',
    values: fqdnish,
    around: (x) => `fe${x}pool.contoso.local`,
    build: (value) => {
      const sfb = fieldReport('sfb2015');
      const to = rename('fepool.contoso.local', value);
      return {
        context: withDeployment({
          ...sfb,
          cmsPool: to(sfb.cmsPool!),
          pools: sfb.pools.map((p) => ({ ...p, fqdn: to(p.fqdn) })),
          servers: sfb.servers.map((s) => ({ ...s, pool: to(s.pool) })),
        }),
        server: 'fe01.contoso.local',
        requests: [{ kind: 'pool-start' }],
      };
    },
    normal: lower,
    mentions: /Pool "|pool "|CMS pool "|FQDN of pool |Choose the pool|^Pool \S+ is listed twice /,
  },
  {
    name: 'SIP domain',
    values: fqdnish,
    around: (x) => `con${x}toso.com`,
    build: (value) => ({
      context: withDeployment({ ...base, sipDomain: value }),
      server: 'fe02.contoso.local',
      requests: [{ kind: 'step', step: 3 }],
    }),
    normal: lower,
    mentions: /^The SIP domain "|^Enter the default SIP domain/,
  },
  {
    name: 'export path',
    values: pathish,
    around: (x) => `C:\\Cs${x}Config\\Cs${x}.zip`,
    build: (value) => ({
      context: withDeployment(base, FIELD_REPORT_OAUTH, { route: 'file', exportPath: value }),
      server: 'fe02.contoso.local',
      requests: [A('export'), A('import')],
    }),
    normal: (v) => v,
    mentions: /^The export file "/,
  },
  {
    name: 'import path',
    values: pathish,
    around: (x) => `\\\\srv\\share$\\${x}\\in${x}.zip`,
    build: (value) => ({
      context: withDeployment(base, FIELD_REPORT_OAUTH, { route: 'file', importPath: value }),
      server: 'edge01.perimeter.contoso.com',
      requests: [A('export'), A('import'), { kind: 'step', step: 1 }],
    }),
    normal: (v) => v,
    mentions: /^The file to import "/,
  },
  {
    name: 'copy destination',
    values: pathish,
    around: (x) => `\\\\edge01\\c$\\Drop${x}`,
    build: (value) => ({
      context: withDeployment(base, FIELD_REPORT_OAUTH, { route: 'file', copyTo: value }),
      server: 'edge01.perimeter.contoso.com',
      requests: [A('export')],
    }),
    normal: (v) => v,
    mentions: /^The folder to copy the export to "/,
  },
  {
    name: 'source server',
    values: existingOrAdversarial,
    around: (x) => `fe0${x}1.contoso.local`,
    build: (value) => ({
      context: withDeployment(base, FIELD_REPORT_OAUTH, { route: 'file', sourceServer: value }),
      server: 'edge01.perimeter.contoso.com',
      requests: [A('export'), { kind: 'step', step: 1 }],
    }),
    normal: lower,
    mentions: /^The server to export from/,
  },
  {
    name: 'OAuth server',
    values: existingOrAdversarial,
    around: (x) => `fe${x}01.contoso.local`,
    build: (value) => ({
      context: withDeployment(base, { ...FIELD_REPORT_OAUTH, server: value }),
      server: 'fe03.contoso.local',
      requests: [{ kind: 'step', step: 3 }, C('cms-holds-assignment')],
    }),
    normal: lower,
    mentions: /^The server where the OAuthTokenIssuer certificate was assigned "/,
  },
  {
    name: 'OAuth thumbprint',
    values: thumbprintish,
    around: (x) => `3A5F9C2E7B1D4E8F0A6C${x}3B9D2E5F7A1C4B8D0E6F`,
    build: (value) => ({
      context: withDeployment(base, { ...FIELD_REPORT_OAUTH, thumbprint: value }),
      server: 'fe02.contoso.local',
      requests: [{ kind: 'step', step: 3 }],
    }),
    normal: (v) => {
      const checked = validateThumbprint(v, 'x');
      return checked.ok ? checked.value : v;
    },
    mentions: /^The OAuthTokenIssuer thumbprint "/,
  },
  {
    name: 'OAuth time',
    values: dateish,
    around: (x) => `2012-11-24T19:40:00${x}Z`,
    build: (value) => ({
      context: withDeployment(base, { ...FIELD_REPORT_OAUTH, at: value }),
      server: 'fe02.contoso.local',
      requests: [B('event-3038'), C('cms-holds-assignment')],
    }),
    normal: (v) => {
      const checked = validateIsoDate(v, 'x');
      return checked.ok ? checked.value : v;
    },
    mentions: /^The time the OAuthTokenIssuer certificate was assigned "/,
  },
  {
    name: 'member to start',
    values: fqdnish,
    around: (x) => `fe${x}03.contoso.local`,
    build: (value) => ({
      context: withDeployment({
        ...base,
        servers: base.servers.map((s) => ({ ...s, fqdn: rename('fe03.contoso.local', value)(s.fqdn) })),
      }),
      server: 'fe01.contoso.local',
      requests: [{ kind: 'pool-start', servers: ['fe01.contoso.local', 'fe02.contoso.local', value] }],
    }),
    normal: lower,
    mentions: /^A member to start "|^Server "|^Server \S+ is listed twice |^Enter the FQDN of server /,
  },
  {
    name: 'target server',
    values: existingOrAdversarial,
    around: (x) => `fe0${x}2.contoso.local`,
    build: (value) => ({
      context: withDeployment(base),
      server: value,
      requests: [{ kind: 'verify' }, { kind: 'step', step: 1 }],
    }),
    normal: lower,
    mentions: /^The server "|^Server "/,
  },
];
