import type { Deployment } from '../../../renderer/core/model/deployment';
import type { Clock, IsoTime } from '../../../renderer/core/model/time';
import { DeploymentSession } from '../../../renderer/core/session/session';

/** The field report's deployment: three Front Ends in the Enterprise pool that hosts the CMS, a Director, an Edge. */
export function fieldReportDeployment(product: Deployment['product'] = 'lync2013'): Deployment {
  return {
    name: 'Contoso HQ',
    product,
    sipDomain: 'contoso.com',
    cmsPool: 'fepool.contoso.local',
    pools: [
      { fqdn: 'fepool.contoso.local', kind: 'enterprise-front-end' },
      { fqdn: 'dir01.contoso.local', kind: 'director' },
      { fqdn: 'edgepool.perimeter.contoso.com', kind: 'edge' },
    ],
    servers: [
      { fqdn: 'fe01.contoso.local', pool: 'fepool.contoso.local', role: 'front-end' },
      { fqdn: 'fe02.contoso.local', pool: 'fepool.contoso.local', role: 'front-end' },
      { fqdn: 'fe03.contoso.local', pool: 'fepool.contoso.local', role: 'front-end' },
      { fqdn: 'dir01.contoso.local', pool: 'dir01.contoso.local', role: 'director' },
      { fqdn: 'edge01.perimeter.contoso.com', pool: 'edgepool.perimeter.contoso.com', role: 'edge' },
    ],
  };
}

/** A clock that only moves when told to: each call to now() returns the current time. */
export class ManualClock implements Clock {
  private time: number;
  constructor(start: IsoTime = '2013-03-13T08:00:00.000Z') {
    this.time = Date.parse(start);
  }
  now(): IsoTime {
    return new Date(this.time).toISOString();
  }
  set(at: IsoTime): void {
    this.time = Date.parse(at);
  }
  advance(minutes: number): IsoTime {
    this.time += minutes * 60_000;
    return this.now();
  }
}

/** A session on the field-report deployment with a manual clock. */
export function fieldReportSession(product: Deployment['product'] = 'lync2013'): { session: DeploymentSession; clock: ManualClock } {
  const clock = new ManualClock();
  const created = DeploymentSession.create(fieldReportDeployment(product), { clock, operator: 'j.smith' });
  if (!created.ok) throw new Error(created.message);
  return { session: created.session, clock };
}

/** Records a command and fails the test with the refusal if it is refused. */
export function must(session: DeploymentSession, command: Parameters<DeploymentSession['record']>[0]): void {
  const result = session.record(command);
  if (!result.ok) throw new Error(`refused: ${result.message}`);
}

/** A thumbprint for tests. */
export const THUMBPRINT = '0123456789ABCDEF0123456789ABCDEF01234567';
