// Shared by the session scenario tests: the field-report servers, a server's phase, and the deployment with the
// OAuthTokenIssuer certificate assigned on fe01.
import { serverStatus } from '../../../renderer/core/machines/status';
import type { DeploymentSession } from '../../../renderer/core/session/session';
import { fieldReportSession, must, THUMBPRINT } from '../support/deployments';

export const [FE1, FE2, FE3] = ['fe01.contoso.local', 'fe02.contoso.local', 'fe03.contoso.local'];
export const DIR = 'dir01.contoso.local';
export const EDGE = 'edge01.perimeter.contoso.com';

export function phase(session: DeploymentSession, fqdn: string) {
  const snap = session.server(fqdn)!;
  return serverStatus(snap).phase;
}

/** fe01 through Steps 1–3 (assigning the certificate at 10:00 on 14 March); the others through Steps 1–2 the day before. */
export function assignedOnFe01(): {
  session: DeploymentSession;
  clock: ReturnType<typeof fieldReportSession>['clock'];
} {
  const { session, clock } = fieldReportSession();
  clock.set('2013-03-13T09:00:00.000Z');
  for (const s of [FE1, FE2, FE3]) must(session, { type: 'step.completed', server: s, step: 1 });
  for (const s of [FE1, FE2, FE3]) must(session, { type: 'step.completed', server: s, step: 2 });
  clock.set('2013-03-14T10:00:00.000Z');
  must(session, { type: 'step.completed', server: FE1, step: 3, thumbprint: THUMBPRINT });
  return { session, clock };
}
