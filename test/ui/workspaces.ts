import type { Deployment } from '../../renderer/core/model/deployment';
import { sampleDocumentText } from '../../renderer/core/sample/sample';
import { Workspace } from '../../renderer/ui/workspace/workspace';

/** The bundled sample, opened in a workspace: fe01 assigned the certificate; fe02 and fe03 are blocked. */
export function sampleWorkspace(): Workspace {
  const opened = Workspace.open(
    { handle: null, name: 'sample', location: 'test', text: sampleDocumentText() },
    'tester',
  );
  if (!opened.ok) throw new Error(opened.message);
  return opened.workspace;
}

/** A deployment with `count` Front Ends in one CMS pool. */
export function bigDeployment(count: number): Deployment {
  return {
    name: 'Big',
    product: 'sfb2019',
    sipDomain: 'contoso.com',
    cmsPool: 'fepool.contoso.local',
    pools: [{ fqdn: 'fepool.contoso.local', kind: 'enterprise-front-end' }],
    servers: Array.from({ length: count }, (_, i) => ({
      fqdn: `fe${String(i + 1).padStart(3, '0')}.contoso.local`,
      pool: 'fepool.contoso.local',
      role: 'front-end' as const,
    })),
  };
}
