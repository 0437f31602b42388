// The dashboard's replication column (issue 15, item 13) and its blocked cell opening the two times in
// place (item 16): each server's state from the latest paste that lists it, wherever it was recorded.
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  evidenceCommands,
  judgeEvidence,
  judgeForOthers,
  type EvidenceContext,
} from '../../../../renderer/core/evidence';
import type { Command } from '../../../../renderer/core/events/schema';
import { serversWaitingForEvidence } from '../../../../renderer/core/session/waiting';
import { Dashboard } from '../../../../renderer/ui/features/dashboard/dashboard';
import { Workspace } from '../../../../renderer/ui/workspace/workspace';
import { memoryHost, renderUi } from '../../support';
import { bigDeployment, sampleWorkspace } from '../../workspaces';

const FIVE_REPLICAS = `PS C:\\Users\\admin> Get-CsManagementStoreReplicationStatus | Format-Table -AutoSize

UpToDate ReplicaFqdn                  LastStatusReport      LastUpdateCreation    ProductVersion
-------- -----------                  ----------------      ------------------    --------------
    True fe01.contoso.local           3/14/2026 10:21:07 AM 3/14/2026 10:20:31 AM 5.0.8308.0
    True fe02.contoso.local           3/14/2026 10:21:40 AM 3/14/2026 10:20:31 AM 5.0.8308.0
   False fe03.contoso.local           3/13/2026 4:47:09 PM  3/14/2026 10:20:31 AM 5.0.8308.0
    True dir01.contoso.local          3/14/2026 10:22:02 AM 3/14/2026 10:20:31 AM 5.0.8308.0
    True edge01.perimeter.contoso.com 3/14/2026 10:23:15 AM 3/14/2026 10:20:31 AM 5.0.8308.0
`;

const READ_AT = '2026-03-14T11:00:00.000Z';

function rowOf(fqdn: string): HTMLElement {
  return screen.getByRole('button', { name: new RegExp(`^${fqdn.replace(/\./g, '\\.')},`) }).closest('tr')!;
}

/** The replication column's cell of a row (the last one; below 1366 px the same shows under the name). */
function replicationOf(fqdn: string): HTMLElement {
  const cells = rowOf(fqdn).querySelectorAll('td');
  return cells[cells.length - 1] as HTMLElement;
}

/** Records `text` pasted on `server` as the evidence box does: a verdict for it and each other waiting server it lists. */
function paste(workspace: Workspace, server: string, text: string): void {
  const snapshot = workspace.session.snapshot();
  const ctx: EvidenceContext = {
    server,
    oauth: snapshot.context.oauth,
    locale: 'en-US',
    localeChosen: true,
    timeZone: 'UTC',
    zoneChosen: true,
  };
  const judgement = judgeEvidence(text, ctx);
  const others = judgeForOthers(text, ctx, judgement, serversWaitingForEvidence(snapshot));
  for (const command of evidenceCommands(text, ctx, judgement, others.covered)) {
    const result = workspace.record({ ...command, at: READ_AT });
    if (!result.ok) throw new Error(result.message);
  }
}

/** One replica's line of Get-CsManagementStoreReplicationStatus, as a list. */
function replicaBlock(fqdn: string, upToDate: boolean, lastUpdate = '3/14/2026 10:20:31 AM'): string {
  return `UpToDate           : ${upToDate ? 'True' : 'False'}
ReplicaFqdn        : ${fqdn}
LastStatusReport   : ${lastUpdate}
LastUpdateCreation : ${lastUpdate}
ProductVersion     : 6.0.9319.0
`;
}

/** A paste recorded as a rejection on `server` (a record-only entry, which any server takes). */
function rejected(server: string, text: string, at?: string): Command {
  return {
    type: 'evidence.rejected',
    server,
    input: { kind: 'replication-status', text, locale: 'en-US', timeZone: 'UTC', read: [] },
    reason: 'judged for another server',
    ...(at === undefined ? {} : { at }),
  };
}

describe('the replication column', () => {
  it('says "Not read yet" until a paste shows a server, then each state from a paste recorded on one of them', () => {
    const workspace = sampleWorkspace();
    renderUi(<Dashboard workspace={workspace} host={memoryHost()} onOpenServer={() => undefined} />);
    expect(screen.getByRole('columnheader', { name: 'Replication' })).toBeTruthy();
    for (const s of ['fe01.contoso.local', 'edge01.perimeter.contoso.com'])
      expect(replicationOf(s).textContent).toContain('Not read yet');

    act(() => paste(workspace, 'fe02.contoso.local', FIVE_REPLICAS));
    // Listed in the paste recorded on fe02 (and fe03): every replica, including those no verdict was recorded on.
    for (const s of [
      'fe01.contoso.local',
      'fe02.contoso.local',
      'dir01.contoso.local',
      'edge01.perimeter.contoso.com',
    ]) {
      const cell = within(replicationOf(s));
      expect(cell.getByText('Up to date ·')).toBeTruthy();
      expect(cell.getByText('last update 14 Mar 10:20 UTC')).toBeTruthy();
      expect(cell.getByText('read 14 Mar 11:00 UTC')).toBeTruthy();
    }
    const fe03 = within(replicationOf('fe03.contoso.local'));
    expect(fe03.getByText('Not up to date ·')).toBeTruthy();
    expect(fe03.getByText('last update 14 Mar 10:20 UTC')).toBeTruthy();
    // In full for assistive technology (and as the title).
    expect(
      fe03.getByText(
        'Replication: not up to date, last update 14 Mar 2026 10:20 UTC, as the CMS master records it; read 14 Mar 2026 11:00 UTC from a pasted Get-CsManagementStoreReplicationStatus',
      ),
    ).toBeTruthy();
    // Under the name as well, for a window too narrow for the column (CSS shows one of the two).
    expect(within(rowOf('fe03.contoso.local').querySelector('th')!).getByText('Not up to date ·')).toBeTruthy();
  });

  it('with 500 servers, a paste re-renders only the rows whose replication state it changed', () => {
    const created = Workspace.create(bigDeployment(500), 'tester');
    if (!created.ok) throw new Error(created.message);
    const workspace = created.workspace;
    const renders = new Map<string, number>();
    renderUi(
      <Dashboard
        workspace={workspace}
        host={memoryHost()}
        onOpenServer={() => undefined}
        onRowRender={(f) => renders.set(f, (renders.get(f) ?? 0) + 1)}
      />,
    );
    const two = `${replicaBlock('fe010.contoso.local', true)}\n${replicaBlock('fe011.contoso.local', false)}`;
    renders.clear();
    act(() => {
      workspace.record(rejected('fe010.contoso.local', two, READ_AT));
    });
    expect([...renders.keys()].sort()).toEqual(['fe010.contoso.local', 'fe011.contoso.local']);
    expect(replicationOf('fe011.contoso.local').textContent).toContain('Not up to date');
    // The same paste recorded on another server at the same time (one paste judged for several): nothing changes.
    renders.clear();
    act(() => {
      workspace.record(rejected('fe011.contoso.local', two, READ_AT));
    });
    expect([...renders.keys()]).toEqual([]);
    // A server out of view: no row renders.
    act(() => {
      workspace.record(rejected('fe250.contoso.local', replicaBlock('fe250.contoso.local', true)));
    });
    expect([...renders.keys()]).toEqual([]);
    // A newer paste of one server: its row only.
    act(() => {
      workspace.record(rejected('fe001.contoso.local', replicaBlock('fe011.contoso.local', true)));
    });
    expect([...renders.keys()]).toEqual(['fe011.contoso.local']);
    expect(replicationOf('fe011.contoso.local').textContent).toMatch(/^Up to date/);
  });
});

describe('the blocked cell', () => {
  it('opens the two times in place, with the way to the server; Escape closes it', () => {
    const workspace = sampleWorkspace();
    const opened: string[] = [];
    renderUi(<Dashboard workspace={workspace} host={memoryHost()} onOpenServer={(f) => opened.push(f)} />);
    const cell = within(rowOf('fe03.contoso.local')).getByRole('button', {
      name: 'Step 3 blocked: stale local replica. Show the two times that prove it.',
    });
    expect(cell.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(cell);
    const dialog = screen.getByRole('dialog', { name: 'fe03.contoso.local — Blocked: stale local replica' });
    const times = within(within(dialog).getByRole('group', { name: 'Why it is blocked: the two times' }));
    expect(times.getByText('Local store copied')).toBeTruthy();
    expect(times.getByText('Certificate assigned')).toBeTruthy();
    expect(times.getByText('Gap')).toBeTruthy();
    expect(dialog.textContent).toContain('13 Mar 2026 09:00:00 UTC (Step 1 on this server)');
    expect(dialog.textContent).toContain('14 Mar 2026 10:00:00 UTC on fe01');
    // Opening it opened nothing else.
    expect(opened).toEqual([]);
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    fireEvent.click(cell);
    fireEvent.click(screen.getByRole('button', { name: 'Open fe03.contoso.local to choose a remediation' }));
    expect(opened).toEqual(['fe03.contoso.local']);
    // The server's name still opens it directly.
    fireEvent.click(screen.getByRole('button', { name: /^fe02\.contoso\.local, / }));
    expect(opened).toEqual(['fe03.contoso.local', 'fe02.contoso.local']);
  });

  it('keeps a cell under way on a remediation path opening the server, as before', () => {
    const workspace = sampleWorkspace();
    const opened: string[] = [];
    renderUi(<Dashboard workspace={workspace} host={memoryHost()} onOpenServer={(f) => opened.push(f)} />);
    act(() => {
      workspace.record({ type: 'remediation.chosen', server: 'fe03.contoso.local', path: 'A' });
    });
    fireEvent.click(within(rowOf('fe03.contoso.local')).getByText('Path A: export'));
    expect(opened).toEqual(['fe03.contoso.local']);
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
