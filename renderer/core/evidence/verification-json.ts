/**
 * The one-line JSON the app's verification script prints (schema "lync-runbook.verify"), found in
 * the paste, re-joined when the console wrapped it, validated, and judged on all of its parts.
 */
import { z } from 'zod';
import type { EvidenceProof } from '../events/schema';
import { sameFqdn } from '../model/fqdn';
import { epochMs, toIsoTime, type IsoTime } from '../model/time';
import { normalizeThumbprint } from './certificate';
import { noiseSummary, shown, type ConsoleLine } from './console-text';
import type { EvidenceContext, EvidenceJudgement, EvidenceVerdict, VerificationReport } from './judgement';
import { acceptProof, assignmentText, noAssignment, reject } from './verdict';

/** The `schema` value the verification script writes. */
export const VERIFY_SCHEMA = 'lync-runbook.verify';
/** The newest `schemaVersion` this app reads. */
export const VERIFY_SCHEMA_VERSION = 1;

const MAX_JSON = 20_000;
const MAX_WRAPPED_LINES = 60;
const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 time with a zone ("Z" or an offset, up to 9 fractional digits) as canonical UTC, or null. */
export function isoInstant(text: string): IsoTime | null {
  const m = ISO.exec(text);
  if (m === null) return null;
  const [, y, mo, d, h, mi, s, frac, zone] = m.map((v) => v ?? '') as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > new Date(Date.UTC(year, month, 0)).getUTCDate() ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  )
    return null;
  const offset =
    zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  // Sub-millisecond digits are dropped (rounding down), which never moves a time past the assignment.
  const ms = Number(frac.slice(0, 3).padEnd(3, '0'));
  return toIsoTime(Date.UTC(year, month - 1, day, hour, minute, second, ms) - offset * 60_000);
}

const instant = z
  .string()
  .max(64)
  .refine((t) => isoInstant(t) !== null, { message: 'must be an ISO 8601 time with a zone' });
const envelope = z.object({ schema: z.literal(VERIFY_SCHEMA), schemaVersion: z.number() });
const v1 = z.object({
  schema: z.literal(VERIFY_SCHEMA),
  schemaVersion: z.literal(1),
  expected: z.string().min(1).max(253),
  server: z.string().min(1).max(253),
  time: instant,
  replication: z
    .object({
      upToDate: z.boolean().nullable(),
      lastUpdateCreation: instant.nullable(),
      lastStatusReport: instant.nullable(),
    })
    .nullable(),
  oauthThumbprints: z.array(z.string().regex(/^[0-9A-Fa-f]{40}$/, 'must be 40 hexadecimal digits')).max(16),
  replicaService: z.enum(['Running', 'Stopped']).nullable(),
  event3038: instant.nullable(),
});

/** True when the paste holds (the start of) the verification script's JSON. */
export function looksLikeVerificationJson(lines: readonly ConsoleLine[]): boolean {
  return lines.some(
    (l) => l.text.includes(VERIFY_SCHEMA) || /^\s*\{\s*"schema(?:Version)?"\s*:/.test(l.text.slice(0, 200)),
  );
}

/** Follows JSON nesting across pieces, so joining wrapped lines never rescans what was seen. */
class BraceScanner {
  private depth = 0;
  private inString = false;
  private escaped = false;
  private seen = 0;

  /** Feeds the next piece; returns the index in all text fed so far just past the closing brace, or -1. */
  feed(piece: string): number {
    for (let i = 0; i < piece.length; i++) {
      const c = piece[i];
      if (this.escaped) this.escaped = false;
      else if (this.inString) {
        if (c === '\\') this.escaped = true;
        else if (c === '"') this.inString = false;
      } else if (c === '"') this.inString = true;
      else if (c === '{' || c === '[') this.depth++;
      else if (c === '}' || c === ']') {
        this.depth--;
        if (this.depth === 0) return this.seen + i + 1;
      }
    }
    this.seen += piece.length;
    return -1;
  }
}

interface Found {
  readonly json: string;
  readonly complete: boolean;
  readonly joined: number;
  readonly line: number;
}

/** Every JSON object the paste holds that looks like the script's, joining console-wrapped lines. */
function findJson(lines: readonly ConsoleLine[]): Found[] {
  const found: Found[] = [];
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i] as ConsoleLine;
    const head = first.text.slice(0, MAX_JSON);
    const start = head.indexOf('{');
    if (start < 0 || !(head.includes(VERIFY_SCHEMA) || /^\{\s*"schema/.test(head.slice(start)))) continue;
    let json = head.slice(start);
    const scanner = new BraceScanner();
    let end = scanner.feed(json);
    let j = i;
    // A console wraps a long line at its width without adding anything, so the pieces join as they are.
    while (end < 0 && j + 1 < lines.length && j - i < MAX_WRAPPED_LINES && json.length < MAX_JSON) {
      const next = lines[j + 1] as ConsoleLine;
      if (next.noise !== null || next.blank) break;
      const piece = next.text.trimEnd();
      json += piece;
      j++;
      end = scanner.feed(piece);
    }
    found.push({ json: end < 0 ? json : json.slice(0, end), complete: end >= 0, joined: j - i, line: first.no });
    i = j;
  }
  return found;
}

function parse(json: string): unknown {
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return undefined;
  }
}

function toReport(data: z.infer<typeof v1>): VerificationReport {
  const at = (t: string): IsoTime => isoInstant(t) as IsoTime;
  const opt = (t: string | null): IsoTime | null => (t === null ? null : at(t));
  return {
    schemaVersion: 1,
    expected: data.expected,
    server: data.server,
    time: at(data.time),
    replication:
      data.replication === null
        ? null
        : {
            upToDate: data.replication.upToDate,
            lastUpdateCreation: opt(data.replication.lastUpdateCreation),
            lastStatusReport: opt(data.replication.lastStatusReport),
          },
    oauthThumbprints: data.oauthThumbprints.map((t) => t.toUpperCase()),
    replicaService: data.replicaService,
    event3038: opt(data.event3038),
  };
}

function describe(r: VerificationReport): string[] {
  const rep = r.replication;
  return [
    `Verification script output (schemaVersion 1), run at ${r.time} on ${shown(r.server)} (the script was made for ${shown(r.expected)}).`,
    rep === null
      ? 'replication status: not reported'
      : `replication status: UpToDate ${rep.upToDate === null ? '?' : rep.upToDate ? 'True' : 'False'} · last update ${rep.lastUpdateCreation ?? 'none'} · last status report ${rep.lastStatusReport ?? 'none'}`,
    `OAuthTokenIssuer thumbprints: ${r.oauthThumbprints.length === 0 ? 'none' : r.oauthThumbprints.join(', ')}`,
    `Replica Replicator Agent (REPLICA): ${r.replicaService ?? 'not reported'}`,
    `newest event 3038: ${r.event3038 ?? 'none'}`,
  ];
}

/** Reads and judges the verification script's output for `ctx.server`. */
export function judgeVerificationJson(lines: readonly ConsoleLine[], ctx: EvidenceContext): EvidenceJudgement {
  const read: string[] = [];
  const warnings: string[] = [];
  const noise = noiseSummary(lines);
  if (noise !== null) read.push(noise);
  let report: VerificationReport | null = null;
  const judged = (verdict: EvidenceVerdict): EvidenceJudgement => ({
    kind: 'verification-json',
    read,
    records: { kind: 'verification-json', report },
    warnings,
    verdict,
  });

  const all = findJson(lines);
  const candidates = all.filter((f) => f.complete);
  const chosen = candidates[candidates.length - 1];
  if (chosen === undefined) {
    if (all.length > 0)
      return judged(
        reject(
          'incomplete',
          'The verification output is cut off before its closing brace. Copy the whole line the script printed and paste it again.',
        ),
      );
    return judged(
      reject(
        'unrecognised',
        'No verification output was found. Paste the line the verification script printed (it starts with {"schema":"lync-runbook.verify").',
      ),
    );
  }
  if (candidates.length > 1)
    warnings.push(
      `The paste holds ${candidates.length} verification outputs; the last one (line ${chosen.line}) was judged.`,
    );
  if (chosen.joined > 0)
    warnings.push(`Re-joined ${chosen.joined + 1} lines the console had wrapped (from line ${chosen.line}).`);
  const data = parse(chosen.json);
  if (data === undefined)
    return judged(
      reject(
        'unrecognised',
        'The verification output is not valid JSON: it may have been changed while copying. Copy the line the script printed again.',
      ),
    );
  const head = envelope.safeParse(data);
  if (!head.success)
    return judged(
      reject(
        'unrecognised',
        `This JSON is not the verification script's output (its "schema" must be "${VERIFY_SCHEMA}" with a numeric "schemaVersion").`,
      ),
    );
  const version = head.data.schemaVersion;
  if (Number.isInteger(version) && version > VERIFY_SCHEMA_VERSION) {
    return judged(
      reject(
        'unsupported-version',
        `This output was written by a newer verification script (schemaVersion ${version}); this app reads schemaVersion ${VERIFY_SCHEMA_VERSION}. Update the app, or run the verification script this version of the app generates.`,
      ),
    );
  }
  const body = v1.safeParse(data);
  if (!body.success) {
    const issues = body.error.issues
      .slice(0, 4)
      .map((i) => `${i.path.join('.') || '(top)'} ${i.message}`)
      .join('; ');
    return judged(
      reject(
        'unrecognised',
        `The verification output does not have the expected fields (${shown(issues, 400)}). Run the verification script this app generates and paste its output unchanged.`,
      ),
    );
  }
  report = toReport(body.data);
  read.push(...describe(report));
  return judged(judgeReport(report, ctx, warnings));
}

function judgeReport(r: VerificationReport, ctx: EvidenceContext, warnings: string[]): EvidenceVerdict {
  const oauth = ctx.oauth;
  if (oauth === null) return noAssignment();
  if (!sameFqdn(r.server, r.expected)) {
    return reject(
      'another-server',
      `The script was made for ${shown(r.expected)} but ran on ${shown(r.server)}. Run it on ${shown(r.expected)} and paste its output.`,
    );
  }
  if (!sameFqdn(r.expected, ctx.server)) {
    return reject(
      'another-server',
      `This is the verification output of ${shown(r.expected)}, not of ${ctx.server}. Run ${ctx.server}'s verification script on ${ctx.server} and paste its output.`,
    );
  }
  const assigned = epochMs(oauth.at);
  if (epochMs(r.time) <= assigned) {
    return reject(
      'before-assignment',
      `The script ran at ${r.time}, not after ${assignmentText(oauth)}, so it cannot show the assignment arrived. Run the verification script again and paste the new output.`,
    );
  }
  const rep = r.replication;
  const thumbprints = r.oauthThumbprints.map((t) => normalizeThumbprint(t)).filter((t): t is string => t !== null);
  const recorded =
    oauth.thumbprint === null ? null : (normalizeThumbprint(oauth.thumbprint) ?? oauth.thumbprint.toUpperCase());
  if (r.replicaService === 'Stopped')
    warnings.push(
      `The Replica Replicator Agent (REPLICA) is stopped on ${ctx.server}: its local store will not follow later changes until it is started.`,
    );

  // Every part must agree: one part that says the store is not current refutes the whole report.
  const ranAt = epochMs(r.time);
  // LastStatusReport is stamped by the CMS master's clock and proves nothing here: only the local times are checked.
  const times = [rep?.lastUpdateCreation ?? null, r.event3038].filter((t): t is string => t !== null);
  const future = times.find((t) => epochMs(t) > ranAt + CLOCK_SKEW_MS);
  if (future !== undefined) {
    return reject(
      'unrecognised',
      `The output holds a time (${future}) later than when the script ran (${r.time}): it was changed after the script printed it, or the server's clock is wrong. Run the verification script again and paste its output unchanged.`,
    );
  }
  if (rep?.upToDate === false) {
    return reject(
      'not-up-to-date',
      `${ctx.server} reports UpToDate False: its local store has not caught up with the CMS. Make sure a Front End of the CMS pool runs and the Replica Replicator Agent is started on ${ctx.server}, wait, and run the verification script again.`,
    );
  }
  // The recorded assignment time is when Step 3 was marked done, often minutes after the CMS took
  // the certificate: a store updated in between shows the assigned thumbprint with an older update.
  const holdsRecorded = recorded !== null && thumbprints.includes(recorded);
  const updateBefore = rep?.lastUpdateCreation != null && epochMs(rep.lastUpdateCreation) <= assigned;
  if (updateBefore && holdsRecorded) {
    warnings.push(
      `The last update of ${ctx.server}'s local store (${rep?.lastUpdateCreation}) is not after the recorded assignment time, but the store shows the assigned thumbprint: the certificate reached it before Step 3 was marked done.`,
    );
  } else if (updateBefore) {
    return reject(
      'before-assignment',
      `The last update of ${ctx.server}'s local store (${rep.lastUpdateCreation}) is not after ${assignmentText(oauth)}: it does not hold the certificate yet. Wait for replication (or remediate) and run the verification script again.`,
    );
  }
  if (recorded !== null && r.oauthThumbprints.length === 0) {
    return reject(
      'thumbprint-mismatch',
      `${ctx.server} shows no OAuthTokenIssuer certificate, while ${recorded} was assigned on ${oauth.server}: its local store does not hold it yet. Bring it up to date, then run the verification script again.`,
    );
  }
  if (recorded !== null && !thumbprints.includes(recorded)) {
    return reject(
      'thumbprint-mismatch',
      `${ctx.server} shows the OAuthTokenIssuer certificate ${thumbprints.join(', ')}, not ${recorded} assigned on ${oauth.server}. Bring its local store up to date, then run the verification script again.`,
    );
  }

  const proof: EvidenceProof = { server: ctx.server };
  if (rep !== null && rep.upToDate !== null) proof.upToDate = rep.upToDate;
  if (rep !== null && rep.lastUpdateCreation !== null && !updateBefore) proof.lastUpdate = rep.lastUpdateCreation;
  if (thumbprints.length > 0) proof.thumbprints = thumbprints;
  // Event 3038's meaning is reported, not documented: an old one is noted, not held against the report.
  if (r.event3038 !== null && epochMs(r.event3038) > assigned) proof.event3038At = r.event3038;
  else if (r.event3038 !== null)
    warnings.push(`The newest event 3038 on ${ctx.server} (${r.event3038}) is not after the assignment.`);

  const noThumbprint =
    recorded === null
      ? ' (no thumbprint is recorded for the assignment to compare with: record it from the deployment facts, "Record its thumbprint…")'
      : '';
  const otherwise = reject(
    'incomplete',
    `The output shows no replication status with a last update, no matching thumbprint${noThumbprint} and no event 3038 after the assignment, so nothing proves ${ctx.server} holds it. Run the verification script again once replication has run.`,
  );
  return acceptProof(proof, ctx, otherwise);
}

/** How far a time in the output may run ahead of the script's own clock reading (clocks differ a little). */
const CLOCK_SKEW_MS = 5 * 60_000;
