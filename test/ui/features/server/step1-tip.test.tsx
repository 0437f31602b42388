// Step 1's tip before the assignment (issue 15, bug 9): the CMS pool's first Front End, whose Step 3
// assigns the certificate, is told so; every other server is told to wait for that assignment.
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ServerView } from '../../../../renderer/ui/features/server/server-view';
import { Workspace } from '../../../../renderer/ui/workspace/workspace';
import { fieldReportDeployment } from '../../../core/support/deployments';
import { memoryHost, renderUi } from '../../support';

function open(fqdn: string) {
  const created = Workspace.create(fieldReportDeployment(), 'tester');
  if (!created.ok) throw new Error(created.message);
  renderUi(<ServerView workspace={created.workspace} host={memoryHost()} fqdn={fqdn} onBack={() => undefined} />);
}

describe("Step 1's tip before the OAuthTokenIssuer certificate is assigned", () => {
  it('tells the CMS pool’s first Front End that its Step 3 assigns it', () => {
    open('fe01.contoso.local');
    expect(screen.getByText(/^Tip: this is the CMS pool's first Front End\. Its Step 3 assigns/)).toBeTruthy();
    expect(screen.queryByText(/^Tip: assign the OAuthTokenIssuer certificate first/)).toBeNull();
  });

  it('tells another Front End to wait for the assignment', () => {
    open('fe02.contoso.local');
    expect(screen.getByText(/^Tip: assign the OAuthTokenIssuer certificate first/)).toBeTruthy();
  });
});
