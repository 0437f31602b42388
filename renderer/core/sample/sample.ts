import { CURRENT_SCHEMA_VERSION } from '../document/document';
import { serializeDocument, toDocument } from '../document/save';
import type { Deployment } from '../model/deployment';
import type { IsoTime } from '../model/time';
import { DeploymentSession } from '../session/session';

/** The bundled sample: an Enterprise pool of three Front Ends hosting the CMS, a Director, an Edge Server. */
export const SAMPLE_DEPLOYMENT: Deployment = {
  name: 'Contoso HQ (sample)',
  product: 'lync2013',
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

/** The thumbprint of the sample's OAuthTokenIssuer certificate. */
export const SAMPLE_THUMBPRINT = '0123456789ABCDEF0123456789ABCDEF01234567';

/**
 * The sample's story so far, as the field report tells it: Steps 1 and 2 on the three Front Ends,
 * then Step 3 on fe01 assigns the OAuthTokenIssuer certificate — so fe02 and fe03 open blocked.
 */
export function sampleSession(): DeploymentSession {
  let now: IsoTime = '2026-03-13T08:30:00.000Z';
  const clock = { now: () => now };
  const created = DeploymentSession.create(SAMPLE_DEPLOYMENT, { clock, operator: 'j.smith' });
  if (!created.ok) throw new Error(created.message);
  const session = created.session;
  const at = (time: IsoTime) => {
    now = time;
  };
  const fes = ['fe01.contoso.local', 'fe02.contoso.local', 'fe03.contoso.local'];
  at('2026-03-13T09:00:00.000Z');
  for (const server of fes) session.record({ type: 'step.completed', server, step: 1 });
  at('2026-03-13T11:00:00.000Z');
  for (const server of fes) session.record({ type: 'step.completed', server, step: 2 });
  at('2026-03-14T10:00:00.000Z');
  session.record({ type: 'step.completed', server: 'fe01.contoso.local', step: 3, thumbprint: SAMPLE_THUMBPRINT });
  return session;
}

/** The sample as the text of a `.lyncrunbook` file (what assets/sample holds). */
export function sampleDocumentText(): string {
  const text = serializeDocument(toDocument(sampleSession(), '2026-03-14T10:05:00.000Z'));
  if (!text.includes(`"schemaVersion": ${CURRENT_SCHEMA_VERSION}`)) throw new Error('sample lost its schema version');
  return text;
}
