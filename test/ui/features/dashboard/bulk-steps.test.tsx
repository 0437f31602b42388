// Bulk steps on the dashboard (issue 15, item 15): select servers, mark one step done on all of them
// with one time, each checked by its own machine first; a refusal is shown and nothing is recorded
// until the admin records the others.
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../../../renderer/core/events/schema';
import { SAMPLE_DEPLOYMENT } from '../../../../renderer/core/sample/sample';
import { Dashboard } from '../../../../renderer/ui/features/dashboard/dashboard';
import { Workspace } from '../../../../renderer/ui/workspace/workspace';
import { memoryHost, renderUi } from '../../support';
import { bigDeployment, sampleWorkspace } from '../../workspaces';

const FES = ['fe01.contoso.local', 'fe02.contoso.local', 'fe03.contoso.local'];

function freshWorkspace(): Workspace {
  const created = Workspace.create(SAMPLE_DEPLOYMENT, 'tester');
  if (!created.ok) throw new Error(created.message);
  return created.workspace;
}

function show(workspace: Workspace) {
  renderUi(<Dashboard workspace={workspace} host={memoryHost()} onOpenServer={() => undefined} />);
}

function select(...servers: string[]) {
  for (const s of servers) fireEvent.click(screen.getByRole('checkbox', { name: `Select ${s}` }));
}

function bar(): HTMLElement {
  return screen.getByRole('region', { name: /^Mark a step done on / });
}

function stepsSince(workspace: Workspace, before: number) {
  return workspace.session.history
    .slice(before)
    .flatMap((e: DomainEvent) => (e.type === 'step.completed' ? [{ server: e.server, step: e.step, at: e.at }] : []));
}

describe('bulk steps on the dashboard', () => {
  it('marks Step 1 done on three Front Ends with one time, then Step 2 on the same three', () => {
    const workspace = freshWorkspace();
    show(workspace);
    expect(screen.queryByRole('region', { name: /^Mark a step done on / })).toBeNull();
    select(...FES);
    expect(within(bar()).getByRole('heading', { name: 'Mark a step done on 3 servers selected' })).toBeTruthy();
    const preview = within(bar()).getByRole('list');
    for (const s of FES) expect(within(preview).getByText(s).parentElement!.textContent).toBe(`${s}: will be recorded`);
    const before = workspace.session.history.length;
    fireEvent.click(within(bar()).getByRole('button', { name: 'Mark Step 1 done on 3 servers' }));
    const recorded = stepsSince(workspace, before);
    expect(recorded.map((e) => [e.server, e.step])).toEqual(FES.map((s) => [s, 1]));
    expect(new Set(recorded.map((e) => e.at)).size).toBe(1);
    expect(screen.getByRole('status').textContent).toMatch(
      /^Step 1 recorded on fe01\.contoso\.local, fe02\.contoso\.local and fe03\.contoso\.local, finished \d{1,2} \w{3} \d{4} \d{2}:\d{2}\.$/,
    );
    // The bar closes, so a second click cannot mark their next step by mistake; chosen again, it offers Step 2.
    expect(screen.queryByRole('region', { name: /^Mark a step done on / })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('status').parentElement);
    select(...FES);
    fireEvent.click(within(bar()).getByRole('button', { name: 'Mark Step 2 done on 3 servers' }));
    expect(stepsSince(workspace, before + 3).map((e) => [e.server, e.step])).toEqual(FES.map((s) => [s, 2]));
  });

  it('selects every server the filters keep, and only those', () => {
    const workspace = freshWorkspace();
    show(workspace);
    fireEvent.change(screen.getByLabelText('Pool'), { target: { value: 'fepool.contoso.local' } });
    const all = screen.getByRole('checkbox', { name: 'Select the 3 shown' });
    fireEvent.click(all);
    expect(within(bar()).getByRole('heading', { name: 'Mark a step done on 3 servers selected' })).toBeTruthy();
    for (const s of FES)
      expect((screen.getByRole('checkbox', { name: `Select ${s}` }) as HTMLInputElement).checked).toBe(true);
    select('fe02.contoso.local');
    expect(within(bar()).getByRole('heading', { name: 'Mark a step done on 2 servers selected' })).toBeTruthy();
    expect((all as HTMLInputElement).indeterminate).toBe(true);
    // Servers the filters hide are not acted on.
    fireEvent.change(screen.getByLabelText('Pool'), { target: { value: '' } });
    select('dir01.contoso.local');
    fireEvent.change(screen.getByLabelText('Pool'), { target: { value: 'dir01.contoso.local' } });
    expect(within(bar()).getByRole('heading', { name: 'Mark a step done on 1 server selected' })).toBeTruthy();
    fireEvent.click(within(bar()).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('region', { name: /^Mark a step done on / })).toBeNull();
  });

  it('shows a server that refuses, records nothing, and records the others only when asked', () => {
    const workspace = sampleWorkspace();
    // dir01 and edge01 through Steps 1 and 2 after the assignment; fe02's local store predates it.
    for (const step of [1, 2] as const)
      for (const server of ['dir01.contoso.local', 'edge01.perimeter.contoso.com'])
        expect(workspace.record({ type: 'step.completed', server, step }).ok).toBe(true);
    show(workspace);
    select('fe02.contoso.local', 'dir01.contoso.local', 'edge01.perimeter.contoso.com');
    const preview = within(bar()).getByRole('list');
    expect(within(preview).getByText('fe02.contoso.local').parentElement!.textContent).toMatch(
      /^fe02\.contoso\.local: refused: Blocked: stale local replica\. This server's local configuration store was copied at 2026-03-13T09:00:00Z, before the OAuthTokenIssuer certificate was assigned/,
    );
    expect(within(preview).getByText('dir01.contoso.local').parentElement!.textContent).toBe(
      'dir01.contoso.local: will be recorded',
    );
    const all = within(bar()).getByRole('button', { name: 'Mark Step 3 done on 3 servers' });
    expect(all.getAttribute('aria-disabled')).toBe('true');
    const reasonId = all.getAttribute('aria-describedby')!;
    expect(document.getElementById(reasonId)!.textContent).toBe(
      '1 of them would be refused (listed above): record the others, or change the selection.',
    );
    const before = workspace.session.history.length;
    fireEvent.click(all);
    expect(workspace.session.history.length).toBe(before);
    const rest = within(bar()).getByRole('button', { name: 'Record the 2 that can go ahead' });
    expect(document.getElementById(rest.getAttribute('aria-describedby')!)!.textContent).toBe(
      'Leaves out fe02.contoso.local: nothing is recorded there.',
    );
    fireEvent.click(rest);
    const recorded = stepsSince(workspace, before);
    expect(recorded.map((e) => e.server)).toEqual(['dir01.contoso.local', 'edge01.perimeter.contoso.com']);
    expect(recorded[0]!.at).toBe(recorded[1]!.at);
    expect(workspace.session.server('fe02.contoso.local')!.context.steps[3]).toBeUndefined();
    const status = screen.getByRole('status');
    expect(status.textContent).toMatch(
      /^Step 3 recorded on dir01\.contoso\.local and edge01\.perimeter\.contoso\.com, finished .*Not recorded on fe02\.contoso\.local: Blocked: stale local replica\./,
    );
  });

  it('asks the time of a Step 1 that decides a gate, with the single form’s words, and gives it to every server', () => {
    const workspace = sampleWorkspace();
    show(workspace);
    select('dir01.contoso.local', 'edge01.perimeter.contoso.com');
    // The certificate is assigned: the Director's Step 1 time decides whether its store is stale.
    expect(
      within(bar()).getByText(
        'This time is compared with the OAuth assignment: a copy taken before it is stale. Enter when Step 1 actually finished.',
      ),
    ).toBeTruthy();
    fireEvent.change(within(bar()).getByLabelText('Finished at (UTC)'), { target: { value: '2026-03-14T10:30' } });
    const before = workspace.session.history.length;
    fireEvent.click(within(bar()).getByRole('button', { name: 'Mark Step 1 done on 2 servers' }));
    expect(stepsSince(workspace, before).map((e) => [e.server, e.at])).toEqual([
      ['dir01.contoso.local', '2026-03-14T10:30:00.000Z'],
      ['edge01.perimeter.contoso.com', '2026-03-14T10:30:00.000Z'],
    ]);
  });

  it('leaves a re-run of Step 1 to the server’s own page, which asks how it was run', () => {
    const workspace = sampleWorkspace();
    show(workspace);
    select('fe01.contoso.local', 'dir01.contoso.local');
    expect(within(within(bar()).getByRole('list')).getByText('fe01.contoso.local').parentElement!.textContent).toBe(
      "fe01.contoso.local: left out: Step 1: Install Local Configuration Store is already recorded on fe01.contoso.local (13 Mar 2026 09:00); record a re-run on the server's own page.",
    );
    expect(within(bar()).getByRole('button', { name: 'Record the one that can go ahead' })).toBeTruthy();
  });

  it('on 500 servers, lists the first few and every refusal, and records the other 499 with one time', () => {
    const created = Workspace.create(bigDeployment(500), 'tester');
    if (!created.ok) throw new Error(created.message);
    const workspace = created.workspace;
    // One Step 1 already there: that server is left out, and listed though it is far down.
    expect(workspace.record({ type: 'step.completed', server: 'fe250.contoso.local', step: 1 }).ok).toBe(true);
    show(workspace);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select the 500 shown' }));
    const preview = within(bar()).getByRole('list');
    expect(within(preview).getAllByRole('listitem')).toHaveLength(12);
    expect(within(preview).getByText('fe250.contoso.local').parentElement!.textContent).toMatch(/: left out: /);
    expect(within(bar()).getByText(/^…and 488 more servers where it will be recorded\./)).toBeTruthy();
    fireEvent.click(within(bar()).getByRole('button', { name: 'Show them all' }));
    expect(within(preview).getAllByRole('listitem')).toHaveLength(500);
    const before = workspace.session.history.length;
    fireEvent.click(within(bar()).getByRole('button', { name: 'Record the 499 that can go ahead' }));
    const recorded = stepsSince(workspace, before);
    expect(recorded).toHaveLength(499);
    expect(new Set(recorded.map((e) => e.at)).size).toBe(1);
    expect(screen.getByRole('status').textContent).toMatch(
      /^Step 1 recorded on 499 servers, finished .*\.Not recorded on fe250\.contoso\.local: Step 1: /,
    );
  });

  it('without an operator records nothing and says why, as a single record would', () => {
    const workspace = freshWorkspace();
    workspace.setOperator('');
    show(workspace);
    select(...FES);
    const all = within(bar()).getByRole('button', { name: 'Mark Step 1 done on 3 servers' });
    expect(all.getAttribute('aria-disabled')).toBe('true');
    expect(document.getElementById(all.getAttribute('aria-describedby')!)!.textContent).toBe(
      'Every one would be refused: Enter your name in "Operator" (top right) first, so the runbook says who did what.',
    );
    const before = workspace.session.history.length;
    fireEvent.click(all);
    expect(workspace.session.history.length).toBe(before);
    // Refused as a batch too, with the same words, and nothing recorded.
    const result = workspace.recordAll(FES.map((server) => ({ type: 'step.completed', server, step: 1 })));
    expect(result.items.map((i) => i.outcome === 'refused' && i.message)).toEqual(
      FES.map(() => 'Enter your name in "Operator" (top right) first, so the runbook says who did what.'),
    );
    expect(workspace.session.history.length).toBe(before);
  });
});
