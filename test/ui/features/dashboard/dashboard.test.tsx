import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Dashboard } from '../../../../renderer/ui/features/dashboard/dashboard';
import { focusTarget } from '../../../../renderer/ui/features/dashboard/dashboard-rows';
import { Workspace } from '../../../../renderer/ui/workspace/workspace';
import { memoryHost, renderUi } from '../../support';
import { bigDeployment, sampleWorkspace } from '../../workspaces';

function rowOf(fqdn: string): HTMLElement {
  return screen.getByRole('button', { name: new RegExp(`^${fqdn.replace(/\./g, '\\.')}`) }).closest('tr')!;
}

describe('the dashboard', () => {
  it('says each cell’s state in words: done with time, blocked with the reason, next, not started', () => {
    const host = memoryHost();
    const workspace = sampleWorkspace();
    renderUi(<Dashboard workspace={workspace} host={host} onOpenServer={() => undefined} />);
    const fe01 = within(rowOf('fe01.contoso.local'));
    expect(fe01.getByText('13 Mar 09:00')).toBeTruthy();
    expect(fe01.getByText('Step 1 done 13 Mar 2026 09:00')).toBeTruthy();
    expect(fe01.getByText('14 Mar 10:00 (OAuth)')).toBeTruthy();
    expect(fe01.getByText('Next')).toBeTruthy();
    const fe02 = within(rowOf('fe02.contoso.local'));
    expect(fe02.getByText('Blocked: stale replica')).toBeTruthy();
    expect(fe02.getByText('Step 3 blocked: stale local replica. Show the two times that prove it.')).toBeTruthy();
    const edge = within(rowOf('edge01.perimeter.contoso.com'));
    expect(edge.getByText('Next')).toBeTruthy();
    expect(edge.getAllByText('Not started')).toHaveLength(3);
  });

  it('shows a remediation under way, and path B waiting for the CMS pool', () => {
    const host = memoryHost();
    const workspace = sampleWorkspace();
    renderUi(<Dashboard workspace={workspace} host={host} onOpenServer={() => undefined} />);
    act(() => {
      workspace.record({ type: 'remediation.chosen', server: 'fe02.contoso.local', path: 'B' });
      workspace.record({ type: 'remediation.chosen', server: 'fe03.contoso.local', path: 'A' });
    });
    expect(
      within(rowOf('fe02.contoso.local')).getByText('Path B: waiting for the CMS pool to start (1/3 ready)'),
    ).toBeTruthy();
    expect(within(rowOf('fe03.contoso.local')).getByText('Path A: export')).toBeTruthy();
  });

  it('filters by pool, role and state', () => {
    const host = memoryHost();
    const workspace = sampleWorkspace();
    renderUi(<Dashboard workspace={workspace} host={host} onOpenServer={() => undefined} />);
    expect(screen.getByText('5 of 5 servers')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('State'), { target: { value: 'attention' } });
    expect(screen.getByText('2 of 5 servers')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^fe01\.contoso\.local/ })).toBeNull();
    fireEvent.change(screen.getByLabelText('State'), { target: { value: 'not-started' } });
    expect(screen.getByText('2 of 5 servers')).toBeTruthy();
    expect(screen.getByRole('button', { name: /^dir01\.contoso\.local/ })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('State'), { target: { value: 'in-progress' } });
    expect(screen.getByText('1 of 5 servers')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('State'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Role'), { target: { value: 'edge' } });
    expect(screen.getByText('1 of 5 servers')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Role'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Pool'), { target: { value: 'fepool.contoso.local' } });
    expect(screen.getByText('3 of 5 servers')).toBeTruthy();
  });

  it('moves between rows with the arrow keys and opens one with Enter', () => {
    const host = memoryHost();
    const workspace = sampleWorkspace();
    const opened: string[] = [];
    renderUi(<Dashboard workspace={workspace} host={host} onOpenServer={(f) => opened.push(f)} />);
    const first = screen.getByRole('button', { name: /^fe01\.contoso\.local/ });
    first.focus();
    fireEvent.keyDown(first, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /^fe02\.contoso\.local/ }));
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /^edge01/ }));
    fireEvent.click(document.activeElement!);
    expect(opened).toEqual(['edge01.perimeter.contoso.com']);
  });

  it('with 500 servers, renders the rows in view, and a step re-renders only its own row', () => {
    const host = memoryHost();
    const created = Workspace.create(bigDeployment(500), 'tester');
    if (!created.ok) throw new Error(created.message);
    const workspace = created.workspace;
    const renders = new Map<string, number>();
    renderUi(
      <Dashboard
        workspace={workspace}
        host={host}
        onOpenServer={() => undefined}
        onRowRender={(f) => renders.set(f, (renders.get(f) ?? 0) + 1)}
      />,
    );
    // A window's worth from the top (and a few beyond), the rest as space the page scrolls over.
    expect(renders.size).toBeGreaterThan(10);
    expect(renders.size).toBeLessThan(50);
    expect(renders.has('fe001.contoso.local')).toBe(true);
    expect(renders.has('fe250.contoso.local')).toBe(false);
    expect(screen.getByRole('table').getAttribute('aria-rowcount')).toBe('501');
    expect(screen.getByText('500 of 500 servers')).toBeTruthy();
    const fe010 = screen.getByRole('button', { name: /^fe010\.contoso\.local/ }).closest('tr')!;
    expect(fe010.getAttribute('aria-rowindex')).toBe('11');
    renders.clear();
    act(() => {
      workspace.record({ type: 'step.completed', server: 'fe010.contoso.local', step: 1 });
    });
    expect([...renders.keys()]).toEqual(['fe010.contoso.local']);
    expect(within(rowOf('fe010.contoso.local')).getByText(/^Step 1 done /)).toBeTruthy();
    // A server out of view: no row renders.
    renders.clear();
    act(() => {
      workspace.record({ type: 'step.completed', server: 'fe250.contoso.local', step: 1 });
    });
    expect([...renders.keys()]).toEqual([]);
    // A step on a CMS-pool Front End changes a global fact (who runs): still only that row.
    renders.clear();
    act(() => {
      workspace.record({ type: 'step.completed', server: 'fe001.contoso.local', step: 1 });
    });
    expect([...renders.keys()]).toEqual(['fe001.contoso.local']);
    // Filtered to servers in progress: the three with a step, fe250 among them though it was out of view.
    fireEvent.change(screen.getByLabelText('State'), { target: { value: 'in-progress' } });
    expect(screen.getByText('3 of 500 servers')).toBeTruthy();
    expect(screen.getByRole('button', { name: /^fe250\.contoso\.local/ })).toBeTruthy();
  });
});

describe('focusTarget', () => {
  it('moves by one with the arrows, to the ends with Home and End, and stays within the list', () => {
    expect(focusTarget(3, 'ArrowDown', 500)).toBe(4);
    expect(focusTarget(499, 'ArrowDown', 500)).toBe(499);
    expect(focusTarget(3, 'ArrowUp', 500)).toBe(2);
    expect(focusTarget(0, 'ArrowUp', 500)).toBe(0);
    expect(focusTarget(3, 'Home', 500)).toBe(0);
    expect(focusTarget(3, 'End', 500)).toBe(499);
    expect(focusTarget(3, 'Enter', 500)).toBeNull();
    expect(focusTarget(0, 'End', 0)).toBeNull();
  });
});
