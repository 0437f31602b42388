import type { Deployment } from '../../../renderer/core/model/deployment';
import { SAMPLE_DEPLOYMENT } from '../../../renderer/core/sample/sample';
import type { Clock, IsoTime } from '../../../renderer/core/model/time';
import { DeploymentSession } from '../../../renderer/core/session/session';

/** The field report's deployment (the bundled sample's topology): three Front Ends in the Enterprise pool that hosts the CMS, a Director, an Edge. */
export function fieldReportDeployment(product: Deployment['product'] = 'lync2013'): Deployment {
  return { ...SAMPLE_DEPLOYMENT, name: 'Contoso HQ', product };
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
export function fieldReportSession(product: Deployment['product'] = 'lync2013'): {
  session: DeploymentSession;
  clock: ManualClock;
} {
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

/** The field report up to fe01's Step 3, which assigns the certificate: fe02 and fe03 are found stale. */
export function staleAfterAssignment(product: Deployment['product'] = 'lync2013') {
  const fe = ['fe01.contoso.local', 'fe02.contoso.local', 'fe03.contoso.local'];
  const { session, clock } = fieldReportSession(product);
  clock.set('2013-03-13T09:00:00.000Z');
  for (const s of fe) must(session, { type: 'step.completed', server: s, step: 1 });
  for (const s of fe) must(session, { type: 'step.completed', server: s, step: 2 });
  clock.set('2013-03-14T10:00:00.000Z');
  must(session, { type: 'step.completed', server: fe[0]!, step: 3, thumbprint: THUMBPRINT });
  return { session, clock };
}
