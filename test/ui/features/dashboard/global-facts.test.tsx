import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { GlobalFacts } from '../../../../renderer/ui/features/dashboard/global-facts';
import { Workspace } from '../../../../renderer/ui/workspace/workspace';
import { memoryHost, renderUi } from '../../support';
import { bigDeployment } from '../../workspaces';

const THUMBPRINT = '0123456789ABCDEF0123456789ABCDEF01234567';

/** fe001 through Step 3 without its thumbprint: the certificate is assigned, its thumbprint unknown. */
function assignedWithoutThumbprint() {
  const host = memoryHost();
  const created = Workspace.create(bigDeployment(2), 'tester');
  if (!created.ok) throw new Error(created.message);
  const workspace = created.workspace;
  for (const step of [1, 2, 3] as const) {
    const r = workspace.record({ type: 'step.completed', server: 'fe001.contoso.local', step });
    if (!r.ok) throw new Error(r.message);
  }
  return { host, workspace };
}

describe('the deployment facts', () => {
  it('asks for the thumbprint of an assignment recorded without one, refuses a wrong one with the reason, and takes a right one', async () => {
    const { host, workspace } = assignedWithoutThumbprint();
    renderUi(<GlobalFacts workspace={workspace} host={host} onOpenServer={() => undefined} />);
    expect(screen.getByText(/thumbprint not recorded/)).toBeTruthy();

    // The form's code loads when an assignment without a thumbprint is shown.
    fireEvent.click(await screen.findByRole('button', { name: 'Record its thumbprint…' }));
    const input = screen.getByLabelText(
      /Thumbprint of the OAuthTokenIssuer certificate assigned on fe001\.contoso\.local/,
    );
    fireEvent.change(input, { target: { value: '0123 not hex' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record thumbprint' }));
    expect(screen.getByText(/The thumbprint/)).toBeTruthy();
    expect(workspace.session.history.some((e) => e.type === 'oauth.thumbprint.recorded')).toBe(false);

    // Cancelled and opened again, it starts clean.
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    fireEvent.click(screen.getByRole('button', { name: 'Record its thumbprint…' }));
    const reopened = screen.getByLabelText<HTMLInputElement>(
      /Thumbprint of the OAuthTokenIssuer certificate assigned on fe001\.contoso\.local/,
    );
    expect(reopened.value).toBe('');
    expect(screen.queryByText(/The thumbprint/)).toBeNull();

    fireEvent.change(reopened, { target: { value: THUMBPRINT.toLowerCase() } });
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'Record thumbprint' }));
    });
    expect(workspace.session.history.at(-1)).toMatchObject({
      type: 'oauth.thumbprint.recorded',
      server: 'fe001.contoso.local',
      thumbprint: THUMBPRINT,
      operator: 'tester',
    });
    expect(screen.queryByText(/thumbprint not recorded/)).toBeNull();
    expect(screen.getByTitle(THUMBPRINT).textContent).toBe('0123…4567');
    expect(screen.queryByRole('button', { name: 'Record its thumbprint…' })).toBeNull();
  });
});
