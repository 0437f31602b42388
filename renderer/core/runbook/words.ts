/** The words the runbook uses for times, evidence and server states, shared by every format. */
import type { EvidenceInput, EvidenceProof } from '../events/schema';
import { BLOCKED_LABEL } from '../gate/gate-words';
import type { ServerStatus } from '../machines/status';
import { stepTitle, type ProductVersion, type StepNumber } from '../model/product';
import { type IsoTime, utcText } from '../model/time';
import { BACK_DATED_AFTER_MS } from '../events/times';
import type { RunbookHeader } from './model';

/**
 * An ISO 8601 UTC time as exports print it: the history's own string, without a millisecond part
 * that says nothing ("2013-03-14T10:00:00Z"); times with milliseconds keep them.
 */
export function exportTime(time: IsoTime): string {
  return utcText(time);
}

/** What each kind of pasted evidence is, as the runbook names it. */
export const EVIDENCE_KIND_LABELS: Readonly<Record<EvidenceInput['kind'], string>> = {
  'verification-json': 'verification script output',
  'replication-status': 'Get-CsManagementStoreReplicationStatus output',
  certificate: 'Get-CsCertificate output',
  'event-log': 'event log listing (event 3038)',
  unrecognised: 'unrecognised text',
};

/** What accepted evidence proved, in one line: "fe02.contoso.local: up to date, last update 2013-03-14T11:02:00Z". */
export function describeProof(proof: EvidenceProof): string {
  const facts: string[] = [];
  if (proof.upToDate !== undefined) facts.push(proof.upToDate ? 'up to date' : 'not up to date');
  if (proof.lastUpdate !== undefined) facts.push(`last update ${exportTime(proof.lastUpdate)}`);
  if (proof.event3038At !== undefined) facts.push(`event 3038 at ${exportTime(proof.event3038At)}`);
  if (proof.thumbprints !== undefined && proof.thumbprints.length > 0) {
    facts.push(`OAuthTokenIssuer thumbprint${proof.thumbprints.length > 1 ? 's' : ''} ${proof.thumbprints.join(', ')}`);
  }
  return `${proof.server}: ${facts.length > 0 ? facts.join(', ') : 'no facts recorded'}`;
}

/** The step a server does next, or null when it has none to do now (blocked at its gate, or finished). */
export function nextStepToDo(status: ServerStatus): StepNumber | null {
  return status.phase === 'blocked' ? null : status.nextStep;
}

/** A server's state in a few words: "done: services running", "blocked: stale local replica", "next: Step 2: …". */
export function phaseText(status: ServerStatus, product: ProductVersion): string {
  if (status.phase === 'services-running') return 'done: services running';
  if (status.phase === 'blocked') return BLOCKED_LABEL;
  const next = nextStepToDo(status);
  return next === null ? status.phase : `next: ${stepTitle(product, next)}`;
}

/** "1 server" / "3 servers". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The sections of every runbook, in order, with the anchors the HTML uses. */
export const RUNBOOK_SECTIONS = [
  { id: 'open', title: 'What is still open' },
  { id: 'topology', title: 'Topology' },
  { id: 'servers', title: 'Servers' },
  { id: 'timeline', title: 'Timeline' },
  { id: 'overrides', title: 'Overrides' },
  { id: 'evidence', title: 'Evidence' },
  { id: 'scripts', title: 'Scripts' },
] as const;

/** The event number people read: the history's position counted from 1. */
export function eventNumber(seq: number): number {
  return seq + 1;
}

/** What the runbook says in place of a copied script whose text this version does not build. */
export const SCRIPT_MISMATCH_WORDS =
  "This text does not match this version's script: it was changed after it was copied, or made by another version of lync-runbook. It is shown as recorded, not as a script to run: do not run it; copy the script from the app.";

/** How the timeline is ordered and what its marks mean, said once for every runbook format. */
export const TIMELINE_ORDER_NOTE = `In the order things happened; an entry recorded later says when, and one recorded more than ${BACK_DATED_AFTER_MS / 60_000} minutes after it happened is marked back-dated.`;

/** What an override is, said wherever the runbook shows one: a decision, not a proof. */
export const OVERRIDE_WORDS =
  'Step 3 went ahead, or may, on a local store the app believes stale, on the word of whoever recorded it; nothing the app read proves the store current.';

/** A sign-off in words, for every format: who, as what, when, what it signs, and whether it covers everything. */
export function signOffWords(s: RunbookHeader['signOffs'][number]): string {
  const covers = s.whole ? 'the whole history' : 'the history up to then; entries after it are not signed';
  return `${s.by} (${s.as}) at ${exportTime(s.at)}: signs ${plural(s.events, 'entry', 'entries')} (${covers}), chain head ${s.fingerprint}`;
}

/** What the chain head is for, said beside it. */
export const CHAIN_HEAD_NOTE =
  'the SHA-256 hash of the last entry, where each entry is hashed with the hash of the one before it: file this runbook with the change; if the file is edited later, its entries will not match their hashes, or its chain head will not match this one';
