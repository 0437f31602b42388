/**
 * `Get-CsManagementStoreReplicationStatus` output (list or table) read and judged: the block of the
 * server being judged must say UpToDate True with a LastUpdateCreation after the OAuth assignment.
 */
import { createDateReader, describeDate, type ConsoleDate, type DateReader } from './console-date';
import { noiseSummary, shown, type ConsoleLine } from './console-text';
import { listRecords } from './format-list';
import { delimitedTables } from './format-delimited';
import { consoleTables, isTruncatedCell, type ConsoleTable } from './format-table';
import type { OAuthAssignment } from '../gate/gate';
import {
  judgementOf,
  type EvidenceContext,
  type EvidenceJudgement,
  type EvidenceVerdict,
  type ReplicaRecord,
} from './judgement';
import {
  acceptProof,
  assignmentText,
  matchServer,
  noAssignment,
  reject,
  repeatedPropertyRefusal,
  zoneNotChosenRefusal,
} from './verdict';

const NAMES = ['UpToDate', 'ReplicaFqdn', 'LastStatusReport', 'LastUpdateCreation', 'ProductVersion'] as const;
const KEYS: ReadonlySet<string> = new Set(NAMES.map((n) => n.toLowerCase()));
const MAX_OTHERS = 40;
const MAX_LACKING = 5;

/** True for a table whose columns are those of the replication status. */
function isReplicationTable(names: readonly string[]): boolean {
  return names.includes('uptodate') || names.includes('lastupdatecreation');
}

/** True when the paste holds replication status output, in list or table form. */
export function looksLikeReplicationStatus(lines: readonly ConsoleLine[]): boolean {
  const records = listRecords(lines, KEYS);
  if (records.some((r) => r.fields.has('uptodate') || r.fields.has('lastupdatecreation'))) return true;
  return replicationTables(lines).length > 0;
}

/** Tables of replication status: as the console prints them, and as CSV or Out-GridView copies. */
function replicationTables(lines: readonly ConsoleLine[]): ConsoleTable[] {
  return [...consoleTables(lines, isReplicationTable), ...delimitedTables(lines, isReplicationTable)];
}

interface RawReplica {
  /** A property's value by lower-case name. */
  readonly value: (name: string) => string | undefined;
  readonly line: number;
  readonly atEnd: boolean;
  readonly lastName: string;
  readonly fromTable: boolean;
}

function rawReplicas(lines: readonly ConsoleLine[]): RawReplica[] {
  const out: RawReplica[] = listRecords(lines, KEYS)
    .filter((r) => r.fields.has('uptodate') || r.fields.has('lastupdatecreation') || r.fields.has('replicafqdn'))
    .map((r) => ({
      value: (n: string) => r.fields.get(n)?.value,
      line: r.firstLine,
      atEnd: r.atEnd,
      lastName: r.lastName,
      fromTable: false,
    }));
  for (const table of replicationTables(lines)) {
    const last = table.headers[table.headers.length - 1] ?? '';
    table.rows.forEach((row, i) => {
      out.push({
        value: (n: string) => row.cells.get(n),
        line: row.line,
        atEnd: table.atEnd && i === table.rows.length - 1,
        lastName: last,
        fromTable: true,
      });
    });
  }
  return out.sort((a, b) => a.line - b.line);
}

function toRecord(raw: RawReplica, reader: DateReader): ReplicaRecord {
  const get = (n: string): string | undefined => raw.value(n.toLowerCase());
  const up = get('UpToDate');
  const date = (n: string): ConsoleDate | null => {
    const v = get(n);
    return v === undefined || v.length === 0 ? null : reader.read(v);
  };
  const fqdn = get('ReplicaFqdn') ?? '';
  return {
    replicaFqdn: fqdn,
    upToDate: up === undefined ? null : /^true$/i.test(up) ? true : /^false$/i.test(up) ? false : null,
    lastStatusReport: date('LastStatusReport'),
    lastUpdateCreation: date('LastUpdateCreation'),
    productVersion: get('ProductVersion') || null,
    line: raw.line,
    missing: NAMES.filter((n) => get(n) === undefined),
    fqdnTruncated: raw.fromTable && isTruncatedCell(fqdn),
  };
}

function upText(r: ReplicaRecord): string {
  return r.upToDate === null ? 'UpToDate ?' : `UpToDate ${r.upToDate ? 'True' : 'False'}`;
}

function briefLine(r: ReplicaRecord): string {
  const luc = r.lastUpdateCreation;
  const last = luc === null ? 'no last update' : luc.ok ? `last update ${luc.iso}` : `last update ${describeDate(luc)}`;
  return `also listed: ${shown(r.replicaFqdn || '(ReplicaFqdn empty)')} · ${upText(r)} · ${last}`;
}

function fullLine(r: ReplicaRecord, label: string): string {
  const parts = [label, upText(r)];
  parts.push(
    r.lastUpdateCreation === null ? 'no LastUpdateCreation' : `last update ${describeDate(r.lastUpdateCreation)}`,
  );
  if (r.lastStatusReport !== null) parts.push(`last status report ${describeDate(r.lastStatusReport)}`);
  if (r.productVersion !== null) parts.push(`ProductVersion ${shown(r.productVersion, 40)}`);
  return parts.join(' · ');
}

type Assigned = EvidenceContext & { readonly oauth: OAuthAssignment };

/** Reads and judges replication status output for `ctx.server`. */
export function judgeReplicationStatus(lines: readonly ConsoleLine[], ctx: EvidenceContext): EvidenceJudgement {
  const raws = rawReplicas(lines);
  const dateTexts = raws
    .flatMap((r) => [r.value('laststatusreport') ?? '', r.value('lastupdatecreation') ?? ''])
    .filter((t) => t.length > 0);
  const reader = createDateReader(ctx, dateTexts);
  const replicas = raws.map((r) => toRecord(r, reader));
  const read: string[] = [reader.summary];
  const warnings: string[] = [...reader.warnings];
  const noise = noiseSummary(lines);
  if (noise !== null) read.push(noise);
  let lacking = 0;
  const columns = new Set<string>();
  raws.forEach((raw, i) => {
    const rec = replicas[i] as ReplicaRecord;
    if (rec.missing.length === 0) return;
    if (raw.fromTable) {
      for (const n of rec.missing) columns.add(n);
      return;
    }
    // Format-List prints the properties in this order, so a paste that stops early lacks the later ones.
    const after = NAMES.findIndex((n) => n.toLowerCase() === raw.lastName.toLowerCase());
    if (raw.atEnd && rec.missing.some((n) => (NAMES as readonly string[]).indexOf(n) > after))
      warnings.push(
        `The output looks cut off after ${raw.lastName} (the block at line ${rec.line} has no ${rec.missing.join(', ')}).`,
      );
    else if (++lacking <= MAX_LACKING) warnings.push(`The block at line ${rec.line} has no ${rec.missing.join(', ')}.`);
  });
  if (columns.size > 0)
    warnings.push(
      `The table has no ${[...columns].join(', ')} column: the console may have been too narrow. Format-List shows every property.`,
    );
  if (lacking > MAX_LACKING) warnings.push(`… and ${lacking - MAX_LACKING} more blocks lack properties.`);

  const matching = replicas.filter((r) => matchServer(r.replicaFqdn, ctx.server) !== 'other');
  const mine: ReplicaRecord | null = matching[matching.length - 1] ?? null;
  const label = mine === null ? '' : `${shown(mine.replicaFqdn)} (this server)`;
  if (mine !== null) read.push(fullLine(mine, label));
  const rest = replicas.filter((r) => r !== mine);
  for (const r of rest.slice(0, MAX_OTHERS))
    read.push(r.replicaFqdn === '' ? fullLine(r, 'ReplicaFqdn empty: not attributed to any server') : briefLine(r));
  if (rest.length > MAX_OTHERS) read.push(`… and ${rest.length - MAX_OTHERS} more replicas.`);
  if (mine !== null) {
    if (matching.length > 1)
      warnings.push(`${ctx.server} is listed ${matching.length} times; the last block (line ${mine.line}) was judged.`);
    if (matchServer(mine.replicaFqdn, ctx.server) === 'short-name')
      warnings.push(`The output names the server by its short name "${shown(mine.replicaFqdn)}".`);
    for (const d of [mine.lastUpdateCreation, mine.lastStatusReport])
      if (d?.ok === true && d.note !== null) warnings.push(d.note);
  }

  const judged = judgementOf(read, { kind: 'replication-status', replicas }, warnings);
  const twice = repeatedPropertyRefusal(listRecords(lines, KEYS));
  if (twice !== null) return judged(twice);
  if (replicas.length === 0)
    return judged(
      reject(
        'unrecognised',
        'No replication status could be read. Paste the output of Get-CsManagementStoreReplicationStatus as the console shows it.',
      ),
    );
  const oauth = ctx.oauth;
  if (oauth === null) return judged(noAssignment());
  if (mine === null) return judged(refuseOthers(replicas, ctx));
  if (matching.length > 1 && new Set(matching.map((r) => String(r.upToDate))).size > 1) {
    return judged(
      reject(
        'not-up-to-date',
        `${ctx.server} is listed ${matching.length} times, with UpToDate both True and False: the paste mixes two runs. Run Get-CsManagementStoreReplicationStatus -ReplicaFqdn '${ctx.server}' once and paste only that output.`,
      ),
    );
  }
  const raw = raws[replicas.indexOf(mine)] as RawReplica;
  return judged(judgeReplica(mine, raw, { ...ctx, oauth }));
}

/** The refusal when the server being judged is not among the replicas listed. */
function refuseOthers(replicas: readonly ReplicaRecord[], ctx: EvidenceContext): EvidenceVerdict {
  const server = ctx.server.toLowerCase();
  const cut = replicas.find(
    (r) => r.fqdnTruncated && server.startsWith(r.replicaFqdn.replace(/(\.\.\.|…)$/, '').toLowerCase()),
  );
  if (cut !== undefined) {
    return reject(
      'incomplete',
      `The table cut the replica name short ("${shown(cut.replicaFqdn)}"), so it cannot be matched to ${ctx.server}. Run Get-CsManagementStoreReplicationStatus -ReplicaFqdn '${ctx.server}' | Format-List and paste that.`,
    );
  }
  const unnamed = replicas.find((r) => r.missing.includes('ReplicaFqdn'));
  if (unnamed !== undefined && replicas.every((r) => r.replicaFqdn === '')) {
    return reject(
      'incomplete',
      `The block at line ${unnamed.line} has no ReplicaFqdn line at all: the paste looks cut or edited, so it cannot be attributed to ${ctx.server}. Run Get-CsManagementStoreReplicationStatus -ReplicaFqdn '${ctx.server}' and paste its whole output.`,
    );
  }
  // The cmdlet reports the CMS master's record of each replica by name; where it ran says nothing (P1).
  if (replicas.every((r) => r.replicaFqdn === '')) {
    return reject(
      'incomplete',
      `The output names no replica (its ReplicaFqdn is empty), so it cannot be attributed to ${ctx.server} by guesswork: the command reports the CMS's record of each replica by name, wherever it runs. Run Get-CsManagementStoreReplicationStatus -ReplicaFqdn '${ctx.server}' and paste its output unchanged, or paste the server's own view (its verification script, or Get-CsCertificate -Type OAuthTokenIssuer run on it).`,
    );
  }
  const names = replicas
    .map((r) => shown(r.replicaFqdn || '(empty)'))
    .slice(0, 5)
    .join(', ');
  const more = replicas.length > 5 ? ', …' : '';
  return reject(
    'another-server',
    `This output is about ${names}${more}, not ${ctx.server}. Run Get-CsManagementStoreReplicationStatus -ReplicaFqdn '${ctx.server}' and paste its output.`,
  );
}

/** The verdict on the block of the server being judged. */
function judgeReplica(mine: ReplicaRecord, raw: RawReplica, ctx: Assigned): EvidenceVerdict {
  if (mine.upToDate === null) {
    if (mine.missing.includes('UpToDate'))
      return reject(
        'incomplete',
        `The block for ${ctx.server} has no UpToDate line: the paste looks cut off. Copy the whole output again.`,
      );
    return reject(
      'unrecognised',
      `The UpToDate value for ${ctx.server} is neither True nor False. Paste the output exactly as the console shows it.`,
    );
  }
  const luc = mine.lastUpdateCreation;
  if (luc === null) {
    if (mine.missing.includes('LastUpdateCreation') && raw.fromTable) {
      return reject(
        'incomplete',
        `The table has no LastUpdateCreation column. Run Get-CsManagementStoreReplicationStatus -ReplicaFqdn '${ctx.server}' | Format-List and paste that.`,
      );
    }
    if (mine.missing.includes('LastUpdateCreation'))
      return reject(
        'incomplete',
        `The block for ${ctx.server} has no LastUpdateCreation line: the paste looks cut off. Copy the whole output again.`,
      );
    return reject(
      'not-up-to-date',
      `The block for ${ctx.server} shows an empty LastUpdateCreation: its local store has not taken any update. Wait for replication and run the command again.`,
    );
  }
  if (!luc.ok) {
    if (luc.problem === 'ambiguous') return reject('ambiguous-date', `LastUpdateCreation ${luc.message}`);
    if (raw.atEnd && raw.lastName.toLowerCase() === 'lastupdatecreation') {
      return reject(
        'incomplete',
        `LastUpdateCreation "${luc.text}" looks cut off at the end of the paste. Copy the whole output again.`,
      );
    }
    return reject(
      'unrecognised',
      `LastUpdateCreation: ${luc.message} Check the console's locale and paste the output as the console shows it.`,
    );
  }
  if (!mine.upToDate) {
    return reject(
      'not-up-to-date',
      `The CMS master's record says ${ctx.server} is UpToDate False: its local store has not caught up, or has not reported since it was updated. Make sure the CMS pool has started (its replication services) and the Replica Replicator Agent (REPLICA) is started on ${ctx.server}, wait, and run the command again; or paste ${ctx.server}'s own view (its verification script), which decides.`,
    );
  }
  const zone = zoneNotChosenRefusal(luc, 'LastUpdateCreation', ctx);
  if (zone !== null) return zone;
  const early = reject(
    'before-assignment',
    `The last update of ${ctx.server}'s local store was created at ${luc.iso} (${luc.wall} ${luc.zone}), not after ${assignmentText(ctx.oauth)}: it does not hold the certificate yet. Wait for replication (or remediate), run the command again; if the times look wrong, check the locale and time zone.`,
  );
  return acceptProof({ server: ctx.server, upToDate: true, lastUpdate: luc.iso }, ctx, early);
}
