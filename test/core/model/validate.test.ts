import { describe, expect, it } from 'vitest';
import type { Deployment } from '../../../renderer/core/model/deployment';
import { fqdnProblem } from '../../../renderer/core/model/fqdn';
import { deploymentErrors, validateDeployment } from '../../../renderer/core/model/validate';
import { fieldReportDeployment } from '../support/deployments';

const messages = (d: Deployment) => validateDeployment(d).map((p) => [p.path.join('.'), p.severity, p.message]);

describe('FQDN checks (RFC 1123)', () => {
  it.each([
    ['fe01.contoso.local', null],
    ['FE01.Contoso.Local', null],
    ['a-b.c-d.example', null],
    ['fe01', 'is a single name; give the full name with its domain (for example fe01.contoso.local)'],
    ['', 'is empty'],
    [' fe01.contoso.local', 'has spaces before or after it'],
    ['fe01.contoso.local.', 'ends with a dot; write it without the trailing dot'],
    ['fe01..contoso.local', 'has two dots in a row'],
    [
      '-fe01.contoso.local',
      'has a part "-fe01" that is not allowed: use letters, digits and hyphens, not starting or ending with a hyphen',
    ],
    [
      'fe_01.contoso.local',
      'has a part "fe_01" that is not allowed: use letters, digits and hyphens, not starting or ending with a hyphen',
    ],
    ['10.0.0.1', "looks like an IP address; give the server's name, not its address"],
    [`${'a'.repeat(64)}.contoso.local`, 'has a part of 64 characters ("aaaaaaaaaaaa…"); each part has at most 63'],
    [`${'a.'.repeat(127)}bb`, 'is 256 characters long; an FQDN has at most 253'],
  ])('%s', (value, problem) => {
    expect(fqdnProblem(value)).toBe(problem);
  });
  it('accepts exactly 253 characters', () => {
    const name = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`;
    expect(name.length).toBe(253);
    expect(fqdnProblem(name)).toBeNull();
  });
});

describe('deployment validation', () => {
  it('finds nothing wrong with the field-report deployment', () => {
    expect(validateDeployment(fieldReportDeployment())).toEqual([]);
  });

  it('refuses a server named as its Enterprise Edition pool; a single-server Director pool may share its name', () => {
    const d = fieldReportDeployment();
    const named: Deployment = {
      ...d,
      servers: d.servers.map((s, i) => (i === 0 ? { ...s, fqdn: 'FEPool.contoso.local' } : s)),
    };
    expect(messages(named)).toEqual([
      [
        'servers.0.fqdn',
        'error',
        'Server FEPool.contoso.local has the FQDN of its Enterprise Edition pool "fepool.contoso.local"; the pool\'s FQDN names the whole pool, so give the server its own (for example fe01.contoso.local).',
      ],
    ]);
    // The field report's Director pool of one is named as its server, as Topology Builder allows.
    expect(d.servers.some((s) => s.fqdn === s.pool && s.role === 'director')).toBe(true);
  });

  it('returns every problem at once, each at its field, in words', () => {
    const d = fieldReportDeployment();
    const broken: Deployment = {
      ...d,
      name: ' ',
      sipDomain: 'contoso',
      cmsPool: null,
      pools: [
        ...d.pools,
        { fqdn: 'FEPOOL.contoso.local', kind: 'enterprise-front-end' },
        { fqdn: 'med01.contoso.local', kind: 'mediation' },
      ],
      servers: [
        ...d.servers,
        { fqdn: 'FE01.contoso.local', pool: 'dir01.contoso.local', role: 'director' },
        { fqdn: 'fe02.contoso.local', pool: 'fepool.contoso.local', role: 'front-end' },
        { fqdn: 'fe_04.contoso.local', pool: 'fepool.contoso.local', role: 'front-end' },
        { fqdn: 'fe05.contoso.local', pool: 'nopool.contoso.local', role: 'front-end' },
        { fqdn: 'fe06.contoso.local', pool: 'fepool.contoso.local', role: 'edge' },
      ],
    };
    expect(messages(broken)).toEqual([
      ['name', 'error', 'Give the deployment a name, for example "Contoso HQ".'],
      [
        'sipDomain',
        'error',
        'The SIP domain "contoso" is a single name; give the full name with its domain (for example contoso.com).',
      ],
      ['pools.3.fqdn', 'error', 'Pool FEPOOL.contoso.local is listed twice (also as pool 1); remove one of them.'],
      [
        'servers.5.fqdn',
        'error',
        'Server FE01.contoso.local is in two pools (fepool.contoso.local and dir01.contoso.local); a server belongs to one pool only.',
      ],
      [
        'servers.6.fqdn',
        'error',
        'Server fe02.contoso.local is listed twice in pool fepool.contoso.local; remove one of them.',
      ],
      [
        'servers.7.fqdn',
        'error',
        'Server "fe_04.contoso.local" has a part "fe_04" that is not allowed: use letters, digits and hyphens, not starting or ending with a hyphen.',
      ],
      [
        'servers.8.pool',
        'error',
        'Server fe05.contoso.local belongs to pool "nopool.contoso.local", which is not in the list of pools; add the pool or pick another.',
      ],
      [
        'servers.9.role',
        'error',
        'Server fe06.contoso.local is marked Edge Server, but its pool fepool.contoso.local is an Enterprise Edition Front End pool, whose servers are Front End; change the role or the pool.',
      ],
      [
        'pools.4',
        'warning',
        'Pool med01.contoso.local has no servers yet; add its servers so they get a row on the dashboard.',
      ],
      [
        'cmsPool',
        'error',
        'Choose the pool that hosts the Central Management Store (an Enterprise Edition Front End pool or a Standard Edition server).',
      ],
    ]);
  });

  it('asks for what is missing rather than calling an empty field invalid', () => {
    const empty: Deployment = {
      name: 'X',
      product: 'lync2013',
      sipDomain: '',
      cmsPool: null,
      pools: [{ fqdn: '', kind: 'enterprise-front-end' }],
      servers: [{ fqdn: '', pool: '', role: 'front-end' }],
    };
    expect(messages(empty).map((m) => m[2])).toEqual([
      'Enter the default SIP domain, for example contoso.com.',
      'Enter the FQDN of pool 1, for example fepool.contoso.local.',
      'Enter the FQDN of server 1, for example fe01.contoso.local.',
      'Choose the pool of server 1.',
      'Choose the pool that hosts the Central Management Store (an Enterprise Edition Front End pool or a Standard Edition server).',
    ]);
  });

  it('refuses a CMS pool that is not a Front End pool or a Standard Edition server', () => {
    const d = { ...fieldReportDeployment(), cmsPool: 'dir01.contoso.local' };
    expect(deploymentErrors(d).map((p) => p.message)).toEqual([
      'The CMS pool dir01.contoso.local is a Director pool; only an Enterprise Edition Front End pool or a Standard Edition server can host the Central Management Store.',
    ]);
    const missing = { ...fieldReportDeployment(), cmsPool: 'other.contoso.local' };
    expect(deploymentErrors(missing).map((p) => p.message)).toEqual([
      'The CMS pool "other.contoso.local" is not in the list of pools; choose one of the pools.',
    ]);
  });

  it('accepts a Standard Edition server as the CMS pool', () => {
    const se: Deployment = {
      name: 'Branch',
      product: 'sfb2019',
      sipDomain: 'fabrikam.com',
      cmsPool: 'se01.fabrikam.com',
      pools: [{ fqdn: 'se01.fabrikam.com', kind: 'standard-edition' }],
      servers: [{ fqdn: 'se01.fabrikam.com', pool: 'se01.fabrikam.com', role: 'standard-edition' }],
    };
    expect(validateDeployment(se)).toEqual([]);
  });
});

describe('the example a name problem gives', () => {
  it('fits what is named: a SIP domain, a pool, a server', () => {
    const bad = {
      name: 'Contoso HQ',
      product: 'lync2013' as const,
      sipDomain: 'contoso',
      cmsPool: 'fepool',
      pools: [{ fqdn: 'fepool', kind: 'enterprise-front-end' as const }],
      servers: [{ fqdn: 'fe01', pool: 'fepool', role: 'front-end' as const }],
    };
    const words = deploymentErrors(bad).map((p) => p.message);
    expect(words.find((w) => w.includes('SIP domain'))).toContain('(for example contoso.com)');
    expect(words.find((w) => w.includes('"fepool"') || w.includes('Pool'))).toContain(
      '(for example fepool.contoso.local)',
    );
    expect(words.find((w) => w.includes('fe01'))).toContain('(for example fe01.contoso.local)');
  });
});
