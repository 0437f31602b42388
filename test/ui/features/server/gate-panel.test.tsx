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
    // Two labelled lines and the gap between them (issue 15, item 16).
    const times = blocked.querySelector('dl')!;
    expect(times.textContent).toBe(
      'Local store copied13 Mar 2026 09:00:00 UTC (Step 1 on this server)' +
        'Certificate assigned14 Mar 2026 10:00:00 UTC on fe01' +
        'Gapthe copy is 1 day 1 h older than the assignment',
    );
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

  it('asks what was checked and under which change, says what it lets through, asks to confirm, and marks it as an override', () => {
    const { workspace } = open('fe02.contoso.local');
    fireEvent.click(screen.getByRole('button', { name: 'Override the gate instead…' }));
    expect(
      screen.getByText(/^Step 3 will go ahead on fe02\.contoso\.local, whose local store the app believes stale/),
    ).toBeTruthy();
    const confirm = screen.getByRole('button', { name: 'Override the gate' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    fireEvent.click(screen.getByLabelText('I understand: record the override'));
    fireEvent.change(screen.getByLabelText(/What was checked/), { target: { value: 'ok' } });
    fireEvent.change(screen.getByLabelText(/Change or ticket/), { target: { value: 'CHG-42' } });
    fireEvent.click(screen.getByRole('button', { name: 'Override the gate' }));
    expect(screen.getByRole('alert').textContent).toMatch(/^Say what was checked, in at least 20 characters/);
    fireEvent.change(screen.getByLabelText(/What was checked/), {
      target: { value: 'Imported the configuration by hand' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Override the gate' }));
    expect(screen.getByText('Gate overridden')).toBeTruthy();
    expect(screen.getByText(/under CHG-42, not proven: Imported the configuration by hand/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Mark Step 3 done' }));
    expect(workspace.session.server('fe02.contoso.local')!.context.steps[3]!.rule).toBe('override');
    expect(screen.getByText('override')).toBeTruthy();
  });

  it('withdraws an override not yet used, with a reason: the gate is closed again', () => {
    const { workspace } = open('fe02.contoso.local');
    act(() => {
      const result = workspace.record({
        type: 'override.recorded',
        server: 'fe02.contoso.local',
        reason: 'Imported the configuration by hand',
        change: 'CHG-42',
      });
      expect(result.ok).toBe(true);
    });
    fireEvent.click(screen.getByRole('button', { name: 'Withdraw the override…' }));
    fireEvent.change(screen.getByLabelText(/Why is the override withdrawn/), {
      target: { value: 'The import failed after all' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Withdraw the override' }));
    expect(screen.getByText('Blocked: stale local replica')).toBeTruthy();
    expect(workspace.session.history.at(-1)).toMatchObject({
      type: 'override.withdrawn',
      server: 'fe02.contoso.local',
    });
  });
});
