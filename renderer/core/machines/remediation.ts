import type { RemediationPath } from '../events/schema';

/** How an item of a remediation checklist gets done. */
export type ChecklistItemKind =
  /** The admin runs something and marks it done. */
  | 'mark'
  /** Done by itself when a fact changes (a CMS-pool Front End starts its services). */
  | 'automatic'
  /** Done by recording Step 1 again. */
  | 'step1'
  /** Done by accepted evidence. */
  | 'evidence';

/** One item of a remediation checklist. */
export interface ChecklistItem {
  readonly id: string;
  readonly kind: ChecklistItemKind;
  readonly title: string;
  /** What success looks like. */
  readonly success: string;
}

/** A remediation path: what it is, when to prefer it, and its checklist in order. */
export interface RemediationDefinition {
  readonly path: RemediationPath;
  readonly title: string;
  readonly summary: string;
  readonly items: readonly ChecklistItem[];
}

/** The three ways out of a stale local store (DESIGN §1), as checklists. */
export const REMEDIATIONS: Readonly<Record<RemediationPath, RemediationDefinition>> = {
  A: {
    path: 'A',
    title: 'Import the current configuration now',
    summary:
      "Export the configuration from the Central Management Store and import it into this server's local store. Fastest; needs a server with access to the CMS.",
    items: [
      {
        id: 'export',
        kind: 'mark',
        title: 'Export the configuration on a server with access to the CMS',
        success: 'Export-CsConfiguration finishes without an error.',
      },
      {
        id: 'import',
        kind: 'mark',
        title: "Import it into this server's local store",
        success: 'Import-CsConfiguration -LocalStore finishes without an error.',
      },
      {
        id: 'verify',
        kind: 'evidence',
        title: 'Prove it: run the verification script and paste its output',
        success: 'The evidence is accepted: up to date, last update after the OAuth assignment.',
      },
    ],
  },
  B: {
    path: 'B',
    title: 'Let replication bring it',
    summary:
      'Start the Replica Replicator Agent on this server and wait for CMS replication. Needs a Front End of the CMS pool with its services running.',
    items: [
      {
        id: 'cms-running',
        kind: 'automatic',
        title: 'A Front End of the CMS pool is running (Step 4 done there)',
        success: 'The dashboard shows a CMS-pool Front End with Step 4 done.',
      },
      {
        id: 'start-agent',
        kind: 'mark',
        title: 'Start the Replica Replicator Agent (service REPLICA) on this server',
        success: 'The REPLICA service is Running.',
      },
      {
        id: 'event-3038',
        kind: 'mark',
        title: 'Wait for event 3038 in the Lync Server event log',
        success: 'Event 3038 appears after the agent was started.',
      },
      {
        id: 'verify',
        kind: 'evidence',
        title: 'Prove it: paste the replication status or the verification output',
        success: 'UpToDate True, with a last update after the OAuth assignment.',
      },
    ],
  },
  C: {
    path: 'C',
    title: 'Run Step 1 again once replication has completed',
    summary:
      'Check that CMS replication has completed, then run Step 1 (Install Local Configuration Store) again on this server: it takes a fresh copy that holds the certificate.',
    items: [
      {
        id: 'replication-complete',
        kind: 'mark',
        title: 'Check that CMS replication has completed',
        success: 'Get-CsManagementStoreReplicationStatus shows the CMS replicas up to date.',
      },
      {
        id: 'rerun-step1',
        kind: 'step1',
        title: 'Run Step 1 again on this server',
        success: 'Step 1 finishes; its copy is now newer than the OAuth assignment, so Step 3 shows the certificate.',
      },
    ],
  },
};

/** The checklist item ids of a path, in order. */
export function itemIds(path: RemediationPath): string[] {
  return REMEDIATIONS[path].items.map((i) => i.id);
}
