// The CMS pool's replication services, from -CentralManagementStoreStatus (replication-and-pools D1, P3).
import { describe, expect, it } from 'vitest';
import { judgeCmsStatusText, judgeEvidence } from '../../../renderer/core/evidence';
import { context, fixture } from './evidence-kit';

const CMS = {
  pool: 'fepool.contoso.local',
  members: ['fe01.contoso.local', 'fe02.contoso.local', 'fe03.contoso.local'],
};

describe('Get-CsManagementStoreReplicationStatus -CentralManagementStoreStatus', () => {
  it('shows the services active when the master and a file transfer agent are in the CMS pool', () => {
    const judged = judgeCmsStatusText(fixture('cms-status/active.txt'), CMS);
    expect(judged.verdict).toEqual({ ok: true });
    expect(judged.read).toContain('ActiveMasterFqdn: fe01.contoso.local');
    expect(judged.read).toContain('ActiveFileTransferAgents: fe01.contoso.local');
    expect(judged.read.join(' ')).toContain('cut at 128 bytes');
  });

  it('says the CMS is not available when both are empty, as Microsoft documents', () => {
    const judged = judgeCmsStatusText(fixture('cms-status/not-available.txt'), CMS);
    expect(judged.verdict.ok).toBe(false);
    expect(!judged.verdict.ok && judged.verdict.message).toContain('the Central Management Server is not available');
    expect(judged.read).toContain('ActiveMasterFqdn: (empty)');
  });

  it('refuses output that points at another pool, and text that is not this output', () => {
    const moved = judgeCmsStatusText(fixture('cms-status/active.txt').replace(/fe01\.contoso/g, 'fe01.fabrikam'), CMS);
    expect(!moved.verdict.ok && moved.verdict.message).toContain('does not point at the CMS pool fepool.contoso.local');
    const other = judgeCmsStatusText(fixture('replication-status/pool-mixed.txt'), CMS);
    expect(!other.verdict.ok && other.verdict.message).toContain('has no ActiveMasterFqdn line');
    const huge = judgeCmsStatusText('x'.repeat(100_001), CMS);
    expect(!huge.verdict.ok && huge.verdict.message).toContain('more than the 100,000 read');
  });

  it('is pointed to its checklist item when pasted as evidence of a server', () => {
    const judgement = judgeEvidence(fixture('cms-status/active.txt'), context());
    expect(judgement.verdict.accepted).toBe(false);
    expect(!judgement.verdict.accepted && judgement.verdict.message).toContain(
      'Paste it in path B\'s item "Check the CMS pool\'s replication services"',
    );
  });
});
