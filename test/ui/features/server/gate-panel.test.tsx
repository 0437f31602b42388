import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ServerView } from '../../../../renderer/ui/features/server/server-view';
import { memoryHost, renderUi } from '../../support';
import { sampleWorkspace } from '../../workspaces';

function open(fqdn: string) {
  const host = memoryHost();
  const workspace = sampleWorkspace();
  renderUi(<ServerView workspace={workspace} host={host} fqdn={fqdn} onBack={() => undefined} />);
  return { host, workspace };
}

describe('the Step 3 gate panel', () => {
  it('says why a stale server is blocked, with both times', () => {
    open('fe02.contoso.local');
    const blocked = screen.getByText('Blocked: stale local replica').closest('[role="status"]')!;
    expect(blocked.textContent).toContain('copied at 13 Mar 2026 09:00:00 UTC');
    expect(blocked.textContent).toContain('assigned on fe01 at 14 Mar 2026 10:00:00 UTC');
    expect(screen.queryByRole('button', { name: 'Mark Step 3 done' })).toBeNull();
  });

  it('holds path B on a member the new CMS pool needs for its first start, and recommends A', () => {
    open('fe02.contoso.local');
    expect((screen.getByRole('radio', { name: /^A .*recommended/ }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: /^B/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Start path B' }));
    expect(screen.getByText('Path B cannot go on yet')).toBeTruthy();
    expect(screen.getAllByText(/replication cannot reach it first — use path A or C/).length).toBeGreaterThan(0);
    expect(screen.queryByText(/must finish Step 4/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Mark B.2 done' })).toBeNull();
  });

  it('shows path A’s scripts with where to run them, and records a copy', async () => {
    const { host, workspace } = open('fe03.contoso.local');
    fireEvent.click(screen.getByRole('radio', { name: /^A/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Start path A' }));
    expect(
      screen.getAllByText('On fe03.contoso.local, in the Lync Server Management Shell (Run as administrator)').length,
    ).toBeGreaterThan(0);
    // Only the item to do now shows its script.
    expect(screen.queryByRole('button', { name: /^Copy script: Path A, item 2 of 4/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Mark A.1 done' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: /^Copy script: Path A, item 2 of 4/ }));
    });
    expect(host.copied[0]).toContain('Import-CsConfiguration -ByteInput (Export-CsConfiguration -AsBytes) -LocalStore');
    expect(await screen.findByText('Copied')).toBeTruthy();
    const copied = workspace.session.history.at(-1)!;
    expect(copied).toMatchObject({ type: 'script.copied', server: 'fe03.contoso.local', scriptId: 'A-import' });
  });

  it('refuses an override without a reason, and marks one with a reason as an override', () => {
    const { workspace } = open('fe02.contoso.local');
    fireEvent.click(screen.getByRole('button', { name: '… or override the gate with a reason' }));
    fireEvent.click(screen.getByRole('button', { name: 'Override the gate' }));
    expect(
      screen.getByText('An override needs a written reason: say why Step 3 may go ahead on a stale local store.'),
    ).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/Why may Step 3 go ahead/), {
      target: { value: 'Imported by hand, CHG-42' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Override the gate' }));
    expect(screen.getByText('Gate overridden')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Mark Step 3 done' }));
    expect(workspace.session.server('fe02.contoso.local')!.context.steps[3]!.rule).toBe('override');
    expect(screen.getByText('override')).toBeTruthy();
    expect(screen.getByText(/Imported by hand, CHG-42/)).toBeTruthy();
  });
});
