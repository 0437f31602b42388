/**
 * The three ways out of a stale local store (DESIGN §1) and their checklists, declared once. The
 * server machine builds a state per item from this declaration, the event schema accepts exactly
 * these item ids, and every consumer that must say or do something per item (the scripts, the
 * runbook, the command line) switches over the typed ids, so the compiler names what a new item
 * still needs.
 */

/** The remediation paths: A export/import, B replication, C re-run Step 1. */
export const REMEDIATION_PATHS = ['A', 'B', 'C'] as const;
/** One remediation path. */
export type RemediationPath = (typeof REMEDIATION_PATHS)[number];

/**
 * Facts that complete an 'automatic' item by themselves. Each has a guard in the server machine and
 * a sentence saying what it waits for (machines/status.ts).
 */
export type AutomaticCondition = 'cms-started';

/** How an item of a remediation checklist gets done. */
export type ChecklistItemKind =
  /** The admin runs something and marks it done. */
  | 'mark'
  /** Done by itself when a fact changes (`doneWhen`). */
  | 'automatic'
  /** Done by recording Step 1 again. */
  | 'step1'
  /** Done by accepted evidence, which opens the gate. */
  | 'evidence';

interface ItemDeclaration {
  readonly id: string;
  readonly kind: ChecklistItemKind;
  readonly title: string;
  /** What success looks like. */
  readonly success: string;
  /** For an 'automatic' item: the fact that completes it. */
  readonly doneWhen?: AutomaticCondition;
}

interface PathDeclaration {
  readonly path: RemediationPath;
  readonly title: string;
  readonly summary: string;
  /** The checklist, in the order it is done. */
  readonly items: readonly ItemDeclaration[];
}

/** The remediation paths with their checklists, in order (the one declaration of the items). */
export const REMEDIATIONS = {
  A: {
    path: 'A',
    title: 'Import the current configuration now',
    summary:
      "Export the configuration from the Central Management Store and import it into this server's local store, then start its Replica Replicator Agent so later changes keep arriving. Fastest; needs a server with access to the CMS, and works before the CMS pool has started.",
    items: [
      {
        id: 'export',
        kind: 'mark',
        title: 'Check CMS access, then export the configuration (on a server with access to the CMS)',
        success: 'Export-CsConfiguration finishes without an error.',
      },
      {
        id: 'import',
        kind: 'mark',
        title: "Import it into this server's local store",
        success: 'Import-CsConfiguration -LocalStore finishes without an error.',
      },
      {
        id: 'start-agent',
        kind: 'mark',
        title: 'Start the Replica Replicator Agent (service REPLICA) on this server',
        success:
          "The REPLICA service is Running (or StartPending), so later CMS changes reach this server and the master's record of it catches up.",
      },
      {
        id: 'verify',
        kind: 'evidence',
        title: "Prove it from the server's own view: run the verification script and paste its output",
        success:
          'The evidence is accepted: Get-CsCertificate on this server shows the assigned thumbprint, and the certificate is in its machine store with a private key.',
      },
    ],
  },
  B: {
    path: 'B',
    title: 'Let replication bring it',
    summary:
      "Once the CMS pool has started, its Master Replicator Agent and File Transfer Agent push the configuration to this server's Replica Replicator Agent. Cannot go first when this server is one of the members the CMS pool needs for its first start.",
    items: [
      {
        id: 'cms-started',
        kind: 'automatic',
        doneWhen: 'cms-started',
        title: 'The CMS pool has started',
        success: 'The pool start of the CMS pool (or Step 4 of its Standard Edition server) is recorded.',
      },
      {
        id: 'replication-services',
        kind: 'mark',
        title:
          "Check the CMS pool's replication services: the Master Replicator Agent (MASTER) and File Transfer Agent (FTA)",
        success:
          'Get-CsManagementStoreReplicationStatus -CentralManagementStoreStatus names an ActiveMasterFqdn and ActiveFileTransferAgents in the CMS pool.',
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
        title: 'Wait for replication to reach this server (event 3038, as the field report describes; unconfirmed)',
        success:
          'Event 3038 appears after the agent was started. Its meaning is not confirmed by Microsoft: it corroborates, it does not prove.',
      },
      {
        id: 'verify',
        kind: 'evidence',
        title:
          "Prove it from the server's own view: paste the verification output or Get-CsCertificate from this server",
        success:
          'Get-CsCertificate -Type OAuthTokenIssuer on this server shows the assigned thumbprint (a replication status up to date after the assignment also counts).',
      },
    ],
  },
  C: {
    path: 'C',
    title: 'Run Step 1 again',
    summary:
      'Check that the Central Management Store holds the assignment, then run Step 1 (Install Local Configuration Store) again on this server with "Retrieve directly from the Central Management store": it takes a fresh copy that holds the certificate.',
    items: [
      {
        id: 'cms-holds-assignment',
        kind: 'mark',
        title: 'Check that the Central Management Store holds the assignment',
        success:
          'Get-CsCertificate -Identity global -Type OAuthTokenIssuer, run where the CMS is reachable, shows the recorded thumbprint.',
      },
      {
        id: 'rerun-step1',
        kind: 'step1',
        title: 'Run Step 1 again on this server',
        success:
          'Deployment Wizard → Step 1 → Run Again → Retrieve directly from the Central Management store finishes; the fresh copy is newer than the OAuth assignment, so Step 3 shows the certificate.',
      },
    ],
  },
} as const satisfies { readonly [P in RemediationPath]: PathDeclaration & { readonly path: P } };

/** The checklist items of one path, as declared. */
export type ChecklistItemOf<P extends RemediationPath> = (typeof REMEDIATIONS)[P]['items'][number];
/** Any checklist item. */
export type ChecklistItem = ChecklistItemOf<RemediationPath>;
/** Any checklist item id. */
export type ChecklistItemId = ChecklistItem['id'];

/** A path's checklist items, in order. */
export function checklistOf(path: RemediationPath): readonly ChecklistItem[] {
  return REMEDIATIONS[path].items;
}

/** Every checklist item id, each once (for the event schema). */
export const CHECKLIST_ITEM_IDS = [...new Set(REMEDIATION_PATHS.flatMap((p) => checklistOf(p).map((i) => i.id)))] as [
  ChecklistItemId,
  ...ChecklistItemId[],
];

/** The item of a path with this id, if the path has one. */
export function checklistItem(path: RemediationPath, id: string): ChecklistItem | undefined {
  return checklistOf(path).find((i) => i.id === id);
}

/** Where an item stands in its path: "item 2 of 3". */
export function itemPosition(path: RemediationPath, id: ChecklistItemId): { index: number; count: number } {
  const items = checklistOf(path);
  return { index: items.findIndex((i) => i.id === id), count: items.length };
}
