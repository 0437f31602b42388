// A deployment whose every free-text value tries to break out of its place in an export: markup,
// quotes, ampersands, Markdown fences and table pipes, in names, operators, reasons, pastes and scripts.
import type { Deployment } from '../../../renderer/core/model/deployment';
import { DeploymentSession } from '../../../renderer/core/session/session';
import { ManualClock, must, THUMBPRINT } from '../support/deployments';

/** A value with everything that could turn into markup in HTML or Markdown. */
export const HOSTILE = `<script>alert("x")</script> & 'Co' | **bold** _em_ [link](http://example.com) <img src=x onerror=alert(1)> &amp; \`code\``;
/** A hostile operator name. */
export const HOSTILE_OPERATOR = `"><script>alert('op')</script>`;
/** A paste that tries to close the <pre> it is shown in, and the Markdown fence. */
export const HOSTILE_PASTE =
  'UpToDate : True\n```\n</code></pre><script>alert("paste")</script>\n````\n# not a heading\n';
/** A script text that tries the same. */
export const HOSTILE_SCRIPT = "Write-Output '</code></pre><script>alert(1)</script>'\n```\n````` ";

/** A session of two Front Ends where fe02 is stale and gets a hostile override, paste and script copy. */
export function hostileSession(): DeploymentSession {
  const deployment: Deployment = {
    name: HOSTILE,
    product: 'sfb2015',
    sipDomain: 'contoso.com',
    cmsPool: 'fepool.contoso.local',
    pools: [{ fqdn: 'fepool.contoso.local', kind: 'enterprise-front-end' }],
    servers: [
      { fqdn: 'fe01.contoso.local', pool: 'fepool.contoso.local', role: 'front-end' },
      { fqdn: 'fe02.contoso.local', pool: 'fepool.contoso.local', role: 'front-end' },
    ],
  };
  const clock = new ManualClock('2019-06-01T08:00:00.000Z');
  const created = DeploymentSession.create(deployment, { clock, operator: HOSTILE_OPERATOR });
  if (!created.ok) throw new Error(created.message);
  const session = created.session;
  for (const server of ['fe01.contoso.local', 'fe02.contoso.local']) {
    must(session, { type: 'step.completed', server, step: 1 });
    must(session, { type: 'step.completed', server, step: 2 });
  }
  clock.advance(60);
  must(session, { type: 'step.completed', server: 'fe01.contoso.local', step: 3, thumbprint: THUMBPRINT });
  must(session, {
    type: 'evidence.rejected',
    server: 'fe02.contoso.local',
    reason: HOSTILE,
    input: { kind: 'unrecognised', text: HOSTILE_PASTE, locale: 'en-US', timeZone: '<i>"Zone"</i>', read: [HOSTILE] },
  });
  must(session, {
    type: 'script.copied',
    server: 'fe02.contoso.local',
    scriptId: HOSTILE.slice(0, 100),
    title: HOSTILE,
    text: HOSTILE_SCRIPT,
  });
  must(session, {
    type: 'override.recorded',
    change: 'CHG-0001',
    server: 'fe02.contoso.local',
    reason: `${HOSTILE}\n# heading?\n- list?\n> quote?`,
  });
  must(session, { type: 'step.completed', server: 'fe02.contoso.local', step: 3 });
  return session;
}
