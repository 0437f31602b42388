/**
 * `Get-CsManagementStoreReplicationStatus -CentralManagementStoreStatus` read and judged
 * (replication-and-pools D1, P3): Microsoft's failover procedure says its ActiveMasterFQDN and
 * ActiveFileTransferAgents must point at the CMS pool, and that when they are empty the Central
 * Management Server is not available. The property names are documented; the exact layout of the
 * output is not (unconfirmed), so it is read as Format-List text with PowerShell's {a, b} lists.
 */
import { consoleLines, noiseSummary, shown, type ConsoleLine } from './console-text';
import { field, listRecords } from './format-list';
import { poolMembers, type Deployment } from '../model/deployment';
import { sameFqdn } from '../model/fqdn';

const KEYS: ReadonlySet<string> = new Set([
  'activemasterfqdn',
  'activefiletransferagents',
  'activereplicas',
  'deletedreplicas',
]);

/** Where the CMS must be: its pool, and the Front Ends of that pool. */
export interface CmsPlace {
  readonly pool: string;
  readonly members: readonly string[];
}

/** Where the topology puts the CMS, or null when it names no CMS pool. */
export function cmsPlaceOf(deployment: Deployment | null): CmsPlace | null {
  const pool = deployment?.cmsPool ?? null;
  if (deployment === null || pool === null) return null;
  return { pool, members: poolMembers(deployment, pool).map((s) => s.fqdn) };
}

/** What was read, and whether it shows the CMS pool's replication services active. */
export interface CmsStatusJudgement {
  readonly read: readonly string[];
  readonly verdict: { readonly ok: true } | { readonly ok: false; readonly message: string };
}

/** True when the paste holds the -CentralManagementStoreStatus output. */
export function looksLikeCmsStatus(lines: readonly ConsoleLine[]): boolean {
  return listRecords(lines, KEYS).some((r) => r.fields.has('activemasterfqdn'));
}

/** "{fe01.contoso.local, fe02.contoso.local}" or a single name as a list of names. */
function names(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value
    .replace(/^\s*\{/, '')
    .replace(/\}\s*$/, '')
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n.length > 0 && n !== '...' && n !== '…');
}

/** The command that prints this output, for messages. */
export const CMS_STATUS_COMMAND = 'Get-CsManagementStoreReplicationStatus -CentralManagementStoreStatus';

/** Judges the output against the CMS pool named in the topology. */
export function judgeCmsStatus(lines: readonly ConsoleLine[], cms: CmsPlace): CmsStatusJudgement {
  const read: string[] = [];
  const noise = noiseSummary(lines);
  if (noise !== null) read.push(noise);
  const records = listRecords(lines, KEYS).filter((r) => r.fields.has('activemasterfqdn'));
  const record = records[records.length - 1];
  if (record === undefined) {
    return {
      read,
      verdict: {
        ok: false,
        message: `This is not the output of ${CMS_STATUS_COMMAND}: it has no ActiveMasterFqdn line. Run that command where the Lync Server Management Shell can reach the CMS and paste its output.`,
      },
    };
  }
  const master = (field(record, 'ActiveMasterFqdn') ?? '').trim();
  const agents = names(field(record, 'ActiveFileTransferAgents'));
  const replicas = names(field(record, 'ActiveReplicas'));
  read.push(`ActiveMasterFqdn: ${master === '' ? '(empty)' : shown(master)}`);
  read.push(`ActiveFileTransferAgents: ${agents.length === 0 ? '(empty)' : shown(agents.join(', '), 400)}`);
  if (replicas.length > 0)
    read.push(`ActiveReplicas: ${replicas.length} listed (the list is cut at 128 bytes, so it may be incomplete)`);
  if (records.length > 1) read.push(`The paste holds ${records.length} outputs; the last one was judged.`);
  const inPool = (name: string) => sameFqdn(name, cms.pool) || cms.members.some((m) => sameFqdn(m, name));
  if (master === '' || agents.length === 0) {
    return {
      read,
      verdict: {
        ok: false,
        message: `ActiveMasterFqdn or ActiveFileTransferAgents is empty: the Central Management Server is not available, so replication cannot reach any server. Start the CMS pool ${cms.pool} (its Master Replicator Agent and File Transfer Agent run on its Front Ends), or use path A or C.`,
      },
    };
  }
  if (!inPool(master) || !agents.some(inPool)) {
    const where = !inPool(master) ? `the active master is ${shown(master)}` : `no file transfer agent is in it`;
    return {
      read,
      verdict: {
        ok: false,
        message: `The output does not point at the CMS pool ${cms.pool} (${where}). The CMS may have been moved or failed over: check the topology's CMS pool, or paste the output of ${CMS_STATUS_COMMAND} again.`,
      },
    };
  }
  return { read, verdict: { ok: true } };
}

/** The longest output judged: the limit of the text an item records. */
export const MAX_CMS_STATUS_TEXT = 100_000;

/** Judges pasted text (what the UI, the command line and the deployment's rules call). */
export function judgeCmsStatusText(text: string, cms: CmsPlace): CmsStatusJudgement {
  if (text.length > MAX_CMS_STATUS_TEXT)
    return {
      read: [],
      verdict: {
        ok: false,
        message: `The paste is ${text.length.toLocaleString('en-US')} characters long, more than the ${MAX_CMS_STATUS_TEXT.toLocaleString('en-US')} read. Paste only the output of ${CMS_STATUS_COMMAND}.`,
      },
    };
  return judgeCmsStatus(consoleLines(text), cms);
}
