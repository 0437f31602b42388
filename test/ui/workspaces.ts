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

/** A deployment with `count` Front Ends in Enterprise pools of twelve, the first hosting the CMS. */
export function bigDeployment(count: number): Deployment {
  // Enterprise pools of at most 12 Front Ends (the most Skype for Business Server 2015 allows); the first hosts the CMS.
  const poolOf = (i: number) => (i < 12 ? 'fepool.contoso.local' : `fepool${Math.floor(i / 12) + 1}.contoso.local`);
  const pools = [...new Set(Array.from({ length: count }, (_, i) => poolOf(i)))];
  return {
    name: 'Big',
    product: 'sfb2015',
    sipDomain: 'contoso.com',
    cmsPool: 'fepool.contoso.local',
    pools: pools.map((fqdn) => ({ fqdn, kind: 'enterprise-front-end' as const })),
    servers: Array.from({ length: count }, (_, i) => ({
      fqdn: `fe${String(i + 1).padStart(3, '0')}.contoso.local`,
      pool: poolOf(i),
      role: 'front-end' as const,
    })),
  };
}
