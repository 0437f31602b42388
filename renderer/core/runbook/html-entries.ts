/** One HTML entry per server, override, evidence paste and copied script, each with its own anchor. */
import { BLOCKED_LABEL } from '../gate/gate-words';
import { badge, recordedNote, statusBadge } from './html-badges';
import { serverRef, type Anchors } from './html-links';
import { code, esc, facts, pre, table, time } from './html-text';
import type { EvidenceEntry, EvidenceServerVerdict, OverrideEntry, ScriptCopy, ServerSummary } from './model';
import { eventNumber, OVERRIDE_WORDS, SCRIPT_MISMATCH_WORDS } from './words';

/** A server's entry: its status, gate, remediation, evidence, override and wizard steps. */
export function serverSection(s: ServerSummary, index: number): string {
  const id = `server-${index + 1}`;
  const steps = s.steps.map((st) => [
    esc(st.title),
    st.at === null || st.recordedAt === null
      ? '<span class="muted">not done</span>'
      : `${time(st.at)}${recordedNote({ at: st.at, recordedAt: st.recordedAt, backDated: st.backDated })}`,
    st.operator === null ? '' : esc(st.operator),
    `${st.runs}`,
    st.rule === 'override' ? badge('OVERRIDE', 'bad') : esc(st.ruleLabel ?? ''),
  ]);
  const remediation =
    s.remediations.length === 0
      ? 'none'
      : `<ul>${s.remediations
          .map((m) => {
            const switched = m.switchedFrom === null ? '' : ` (switched from path ${esc(m.switchedFrom)})`;
            const done =
              m.items.length === 0
                ? 'no items done'
                : m.items.map((i) => `${esc(i.title)} (${time(i.at)}, ${esc(i.operator)})`).join('; ');
            return `<li>Path ${esc(m.path)}: ${esc(m.title)}, chosen ${time(m.chosenAt)} by ${esc(m.operator)}${switched}. Done: ${done}</li>`;
          })
          .join('')}</ul>`;
  const rows: [string, string][] = [
    ['Status', statusBadge(s)],
    [
      'Gate now',
      `${s.gate.allowed ? (s.gate.rule === 'override' ? badge('OVERRIDE', 'warn') : badge(`allowed: ${s.gate.label}`, 'ok')) : badge(BLOCKED_LABEL, 'bad')} ${esc(s.gate.explanation)}`,
    ],
    ['Remediation', remediation],
    [
      'Evidence held',
      s.evidence === null
        ? 'none'
        : `${esc(s.evidence.proof)} (recorded ${time(s.evidence.at)} by ${esc(s.evidence.operator)})`,
    ],
  ];
  if (s.override !== null) {
    rows.push([
      'Override',
      `${badge(s.overridden ? 'OVERRIDE: Step 3 went ahead on it' : 'override recorded', 'bad')} ${time(s.override.at)} by ${esc(s.override.operator)}<blockquote>${esc(s.override.reason)}</blockquote>`,
    ]);
  }
  const certificates =
    s.certificates === null
      ? []
      : [
          table(
            `Certificates on ${s.fqdn} at Step 3, per use`,
            ['Use', 'Thumbprint', 'Expires (UTC)', 'Subject'],
            s.certificates.uses.map((u) => [
              esc(u.use),
              code(u.thumbprint),
              u.notAfter === null ? 'not read' : time(u.notAfter),
              esc(u.subject ?? ''),
            ]),
          ),
          ...s.certificates.warnings.map((w) => `<p>${badge('check', 'warn')} ${esc(w)}</p>`),
        ];
  return [
    `<section class="entry" aria-labelledby="${id}">`,
    `<h3 id="${id}">${esc(s.fqdn)}</h3>`,
    `<p>${esc(s.roleLabel)} in pool ${code(s.pool)}</p>`,
    facts(rows),
    table(`Deployment Wizard steps on ${s.fqdn}`, ['Step', 'Completed (UTC)', 'Operator', 'Runs', 'Gate rule'], steps),
    ...certificates,
    '</section>',
  ].join('\n');
}

/** An override's entry, with the reason the operator gave quoted in full. */
export function overrideSection(o: OverrideEntry, index: number, a: Anchors): string {
  const id = `override-${index + 1}`;
  return [
    `<section class="entry" aria-labelledby="${id}">`,
    `<h3 id="${id}">Override ${index + 1}: ${esc(o.server)}</h3>`,
    facts([
      ['Server', serverRef(o.server, a)],
      ['Recorded', `${time(o.at)} by ${esc(o.operator)} (event ${eventNumber(o.seq)})`],
      ['Not proven', `${badge('OVERRIDE', 'warn')} ${esc(OVERRIDE_WORDS)}`],
      ['Change or ticket', esc(o.change)],
      ['Step 3 went ahead on it', o.usedForStep3 ? badge('yes', 'bad') : 'no'],
      ...(o.withdrawn === null
        ? []
        : [
            [
              'Withdrawn',
              `${time(o.withdrawn.at)} by ${esc(o.withdrawn.operator)} (event ${eventNumber(o.withdrawn.seq)}): ${esc(o.withdrawn.reason)}`,
            ] as [string, string],
          ]),
    ]),
    `<p>What was checked:</p><blockquote>${o.reason.trim().length === 0 ? '(nothing said)' : esc(o.reason)}</blockquote>`,
    '</section>',
  ].join('\n');
}

/** An evidence entry: how the paste was read, the verdict (one per server it was judged for), and the pasted text itself. */
export function evidenceSection(e: EvidenceEntry, index: number, a: Anchors): string {
  const id = `evidence-${index + 1}`;
  const how =
    e.locale === null ? '' : `, read as locale ${code(e.locale)}, console time zone ${code(e.timeZone ?? '')}`;
  const verdictOf = (v: EvidenceServerVerdict) =>
    v.verdict === 'accepted'
      ? `${badge('accepted', 'ok')} proved ${esc(v.proof ?? '')}`
      : `${badge('rejected', 'bad')} ${esc(v.reason ?? '')}`;
  const read =
    e.read.length === 0
      ? '<p class="muted">Nothing was read from it.</p>'
      : `<ul>${e.read.map((l) => `<li>${esc(l)}</li>`).join('')}</ul>`;
  const several = e.verdicts.length > 1;
  const title = several
    ? `Evidence ${index + 1}: one paste judged for ${e.verdicts.length} servers`
    : `Evidence ${index + 1}: ${esc(e.server)}, ${esc(e.verdict)}`;
  const verdicts: [string, string][] = several
    ? [
        [
          'Verdicts',
          `<ul aria-label="Verdicts, one per server">${e.verdicts.map((v) => `<li>${serverRef(v.server, a)} (event ${eventNumber(v.seq)}): ${verdictOf(v)}</li>`).join('')}</ul>`,
        ],
      ]
    : [['Verdict', verdictOf(e)]];
  return [
    `<section class="entry" aria-labelledby="${id}">`,
    `<h3 id="${id}">${title}</h3>`,
    facts([
      [several ? 'Pasted for' : 'Server', serverRef(e.server, a)],
      ['Pasted', `${time(e.at)} by ${esc(e.operator)} (event ${eventNumber(e.seq)})`],
      ['Read as', `${esc(e.kindLabel)}${how}`],
      ...verdicts,
    ]),
    `<h4>What was read${several ? ` (for ${esc(e.server)})` : ''}</h4>`,
    read,
    '<h4>Pasted text</h4>',
    e.text === null
      ? '<p class="muted">The pasted text was not recorded.</p>'
      : pre(e.text, `Pasted text of evidence ${index + 1}`),
    '</section>',
  ].join('\n');
}

/** A copied script's entry: where it runs, when it was copied, and its PowerShell. */
export function scriptSection(s: ScriptCopy, index: number, a: Anchors): string {
  const id = `script-${index + 1}`;
  const copies = s.copies.map((c) => `${time(c.at)} by ${esc(c.operator)} (event ${eventNumber(c.seq)})`).join('; ');
  const rows: [string, string][] = [
    ['For', s.server === null ? 'the deployment' : serverRef(s.server, a)],
    ...(s.runOn !== null && s.runOn !== s.server ? [['Runs on', serverRef(s.runOn, a)] as [string, string]] : []),
    ['Script', code(s.scriptId)],
    ['Copied', copies],
  ];
  return [
    `<section class="entry" aria-labelledby="${id}">`,
    `<h3 id="${id}">Script ${index + 1}: ${esc(s.title || s.scriptId)}</h3>`,
    facts(rows),
    s.matches
      ? pre(s.text, `PowerShell of script ${index + 1}`)
      : `<p class="warn"><strong>Warning:</strong> ${esc(SCRIPT_MISMATCH_WORDS)}</p>\n<blockquote aria-label="Recorded text of script ${index + 1}">${esc(s.text.replace(/\r\n?/g, '\n'))}</blockquote>`,
    '</section>',
  ].join('\n');
}
