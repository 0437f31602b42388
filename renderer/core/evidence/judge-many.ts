/**
 * One paste for every server (issue 15, item 14): `Get-CsManagementStoreReplicationStatus` run
 * without -ReplicaFqdn lists the CMS's record of every replica. A paste of it is judged for each
 * server it lists that waits for evidence, as if it had been pasted for that server alone, and
 * each verdict is recorded on its own server, carrying the paste (so each is judged again on its
 * own when the file opens) and the list of servers the paste was judged for.
 */
import type { Command } from '../events/schema';
import { normalizeFqdn } from '../model/fqdn';
import { utf8Bytes } from '../model/utf8';
import { judgeEvidence } from './judge';
import { toEvidenceInput, type EvidenceContext, type EvidenceJudgement } from './judgement';
import { matchServer } from './verdict';

/**
 * The most text one paste may record across the servers it covers (each verdict carries the paste):
 * beyond it, each server's own line is pasted with -ReplicaFqdn.
 */
export const MAX_SHARED_PASTE_BYTES = 16_000_000;

/** The command that records a verdict on a paste. */
export type EvidenceCommand = Extract<Command, { type: 'evidence.accepted' | 'evidence.rejected' }>;

/** A server the paste covers, judged as if the paste were for it alone. */
export interface CoveredServer {
  readonly server: string;
  readonly judgement: EvidenceJudgement;
}

/** What else a paste covers: the other waiting servers it lists, judged, or why they were not. */
export interface OtherServers {
  readonly covered: readonly CoveredServer[];
  /** Why servers it lists were not judged (too long to record for each), or null. */
  readonly note: string | null;
}

/**
 * The servers among `waiting` (besides `ctx.server`) that a replication status paste lists by
 * FQDN, each judged as if the paste were for it alone. Other kinds of output are about one server.
 */
export function judgeForOthers(
  text: string,
  ctx: EvidenceContext,
  judgement: EvidenceJudgement,
  waiting: readonly string[],
): OtherServers {
  const records = judgement.records;
  if (records?.kind !== 'replication-status') return { covered: [], note: null };
  const own = normalizeFqdn(ctx.server);
  const listed = waiting.filter(
    (server) =>
      normalizeFqdn(server) !== own && records.replicas.some((r) => matchServer(r.replicaFqdn, server) === 'same'),
  );
  if (listed.length === 0) return { covered: [], note: null };
  const bytes = utf8Bytes(text);
  if (bytes * (listed.length + 1) > MAX_SHARED_PASTE_BYTES)
    return {
      covered: [],
      note: `The paste also lists ${listed.length} other servers waiting for evidence, but at ${bytes.toLocaleString('en-US')} bytes it is too long to record with each of them. Run Get-CsManagementStoreReplicationStatus -ReplicaFqdn for each of them and paste it on its own server.`,
    };
  return {
    covered: listed.map((server) => ({ server, judgement: judgeEvidence(text, { ...ctx, server }) })),
    note: null,
  };
}

/**
 * The commands that record a paste's verdicts: the one for `ctx.server` first, then one per other
 * server covered, each naming every server the paste was judged for.
 */
export function evidenceCommands(
  text: string,
  ctx: EvidenceContext,
  judgement: EvidenceJudgement,
  others: readonly CoveredServer[],
): EvidenceCommand[] {
  const all: CoveredServer[] = [{ server: ctx.server, judgement }, ...others];
  const judgedFor = all.length > 1 ? { judgedFor: all.map((c) => c.server) } : {};
  return all.map(({ server, judgement: j }): EvidenceCommand => {
    const input = { ...toEvidenceInput(j, text, { ...ctx, server }), ...judgedFor };
    return j.verdict.accepted
      ? { type: 'evidence.accepted', server, proof: j.verdict.proof, input }
      : { type: 'evidence.rejected', server, input, reason: j.verdict.message };
  });
}
