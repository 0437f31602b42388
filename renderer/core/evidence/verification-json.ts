/**
 * The one-line JSON the app's verification script prints (schema "lync-runbook.verify"), found in
 * the paste, re-joined when the console wrapped it, validated, and judged on all of its parts.
 */
import { noiseSummary, shown, type ConsoleLine } from './console-text';
import type {
  EvidenceContext,
  EvidenceJudgement,
  EvidenceVerdict,
  StoreCertificate,
  VerificationReport,
} from './judgement';
import { reject } from './verdict';
import { findJson } from './verification-json-find';
import { envelope, toReport, v1, v2, VERIFY_SCHEMA, VERIFY_SCHEMA_VERSION } from './verification-json-schema';
import { judgeReport } from './verification-report';

/** The schema constants and ISO reader, re-exported so the evidence index keeps importing them from here. */
export { isoInstant, VERIFY_SCHEMA, VERIFY_SCHEMA_VERSION } from './verification-json-schema';

/** True when the paste holds (the start of) the verification script's JSON. */
export function looksLikeVerificationJson(lines: readonly ConsoleLine[]): boolean {
  return lines.some(
    (l) => l.text.includes(VERIFY_SCHEMA) || /^\s*\{\s*"schema(?:Version)?"\s*:/.test(l.text.slice(0, 200)),
  );
}

/**
 * The first key an object of the JSON text repeats ("server" twice), or null. JSON.parse keeps the
 * last value silently; a report that says two things is read by neither. One pass over the text.
 */
export function repeatedKey(json: string): string | null {
  const stack: (Set<string> | null)[] = [];
  for (let i = 0; i < json.length; i++) {
    const c = json[i];
    if (c === '{') stack.push(new Set());
    else if (c === '[') stack.push(null);
    else if (c === '}' || c === ']') stack.pop();
    else if (c === '"') {
      let j = i + 1;
      while (j < json.length && json[j] !== '"') j += json[j] === '\\' ? 2 : 1;
      let text: string;
      try {
        // Decoded as JSON.parse reads it, so "\u0073erver" is the same key as "server".
        text = JSON.parse(json.slice(i, j + 1)) as string;
      } catch {
        return null; // not valid JSON: the parse below says so
      }
      let k = j + 1;
      while (k < json.length && /\s/.test(json[k] as string)) k++;
      const keys = stack[stack.length - 1];
      if (json[k] === ':' && keys !== undefined && keys !== null) {
        if (keys.has(text)) return text;
        keys.add(text);
      }
      i = j;
    }
  }
  return null;
}

function parse(json: string): unknown {
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return undefined;
  }
}

function lastUpdateText(rep: NonNullable<VerificationReport['replication']>): string {
  const read = rep.lastUpdateRead;
  if (rep.lastUpdateCreation === null) return 'none';
  if (read === null) return rep.lastUpdateCreation;
  if (read.asUtc === read.asLocal) return `${read.text} (DateTimeKind ${read.kind ?? '?'}) = ${rep.lastUpdateCreation}`;
  return `${read.text} (DateTimeKind ${read.kind ?? '?'}: ${read.asUtc ?? '?'} if UTC, ${read.asLocal ?? 'unknown'} if the server's local time; the earlier is compared)`;
}

function certificateText(c: StoreCertificate): string {
  if (!c.inStore) return `${c.thumbprint}: not in Cert:\\LocalMachine\\My`;
  const key = c.hasPrivateKey === null ? 'private key ?' : c.hasPrivateKey ? 'with private key' : 'NO private key';
  const size = c.keySize === null ? '' : ` · ${c.keySize}-bit key`;
  const until = c.notAfter === null ? '' : ` · valid until ${c.notAfter}`;
  return `${c.thumbprint}: in the machine store · ${key}${size}${until}`;
}

function describe(r: VerificationReport): string[] {
  const rep = r.replication;
  return [
    `Verification script output (schemaVersion ${r.schemaVersion}), run at ${r.time} on ${shown(r.server)} (the script was made for ${shown(r.expected)}).`,
    rep === null
      ? "replication status (the CMS master's record): not reported"
      : `replication status (the CMS master's record): UpToDate ${rep.upToDate === null ? '?' : rep.upToDate ? 'True' : 'False'} · last update ${lastUpdateText(rep)} · last status report ${rep.lastStatusReport ?? 'none'}`,
    `OAuthTokenIssuer thumbprints (this server's own view): ${r.oauthThumbprints.length === 0 ? 'none' : r.oauthThumbprints.join(', ')}`,
    ...(r.certificates === null
      ? ['machine store: not reported (schemaVersion 1)']
      : r.certificates.map((c) => `machine store: ${certificateText(c)}`)),
    `Replica Replicator Agent (REPLICA): ${r.replicaService ?? 'not reported'}`,
    `newest event 3038 (reported, corroboration only): ${r.event3038 ?? 'none'}`,
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
  const twice = repeatedKey(chosen.json);
  if (twice !== null)
    return judged(
      reject(
        'unrecognised',
        `The verification output gives "${shown(twice, 60)}" twice, so it cannot be told which value it means: it was changed after the script printed it. Run the verification script again and paste its output unchanged.`,
      ),
    );
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
        `This output was written by a newer verification script (schemaVersion ${version}); this app reads schemaVersion 1 to ${VERIFY_SCHEMA_VERSION}. Update the app, or run the verification script this version of the app generates.`,
      ),
    );
  }
  const body = version === 1 ? v1.safeParse(data) : v2.safeParse(data);
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
