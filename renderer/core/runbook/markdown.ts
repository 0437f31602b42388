/** The runbook as Markdown: reads well as plain text, renders with GitHub-style tables. */
import type {
  EvidenceEntry,
  EvidenceServerVerdict,
  OverrideEntry,
  Runbook,
  RunbookHeader,
  ScriptCopy,
  ServerSummary,
} from './model';
import { mdCode, mdCodeCell, mdFence, mdQuote, mdTable, mdText } from './markdown-text';
import {
  eventNumber,
  exportTime,
  CHAIN_HEAD_NOTE,
  OVERRIDE_WORDS,
  RUNBOOK_SECTIONS,
  SCRIPT_MISMATCH_WORDS,
  signOffWords,
  TIMELINE_ORDER_NOTE,
} from './words';
import { recordedWords } from './timeline';
import { INTEGRITY_TITLE } from '../session/integrity';

function headerLines(h: RunbookHeader): string[] {
  const oauth =
    h.oauth === null
      ? 'not assigned yet'
      : `assigned on ${mdCode(h.oauth.server)} at ${exportTime(h.oauth.at)} by ${mdText(h.oauth.operator)}${h.oauth.thumbprint ? `, thumbprint ${mdCode(h.oauth.thumbprint)}` : ''}`;
  const finished =
    h.finishedAt === null ? `not yet (last event ${exportTime(h.lastEventAt)})` : exportTime(h.finishedAt);
  return [
    `# Runbook: ${mdText(h.name)}`,
    '',
    ...(h.integrityWarning === null ? [] : [`> **${mdText(INTEGRITY_TITLE)}.** ${mdText(h.integrityWarning)}`, '']),
    `- **Status:** ${mdText(h.statusText)}`,
    `- **Product:** ${mdText(h.productName)}`,
    `- **SIP domain:** ${mdCode(h.sipDomain)}`,
    `- **CMS pool:** ${h.cmsPool === null ? 'not chosen' : mdCode(h.cmsPool)}`,
    `- **OAuthTokenIssuer certificate:** ${oauth}`,
    `- **Operators:** ${h.operators.map(mdText).join(', ')}`,
    `- **Started:** ${exportTime(h.startedAt)}`,
    `- **Finished:** ${finished}`,
    `- **Times:** ${mdText(h.timeZoneNote)}`,
    ...(h.exportedAt === null ? [] : [`- **Exported:** ${exportTime(h.exportedAt)}`]),
    `- **History:** ${h.eventCount} events`,
    ...changeLines(h),
    `- **Chain head:** ${mdCode(h.chainHead)} (${CHAIN_HEAD_NOTE})`,
  ];
}

function changeLines(h: RunbookHeader): string[] {
  const c = h.change;
  const change =
    c === null
      ? ['- **Change:** none recorded']
      : [
          `- **Change:** ${mdText(c.id)}`,
          `- **Window:** ${exportTime(c.windowStart)} to ${exportTime(c.windowEnd)}`,
          `- **Implementers:** ${c.implementers.map(mdText).join(', ')}`,
          `- **Approver:** ${mdText(c.approver)}`,
          `- **Rollback:** ${mdText(c.rollback)}`,
        ];
  const signed =
    h.signOffs.length === 0
      ? ['- **Signed off:** not yet']
      : h.signOffs.map((s) => `- **Signed off:** ${mdText(signOffWords(s))}`);
  return [...change, ...signed];
}

function contents(): string[] {
  return [
    '## Contents',
    '',
    ...RUNBOOK_SECTIONS.map((s, i) => `${i + 1}. [${s.title}](#${s.title.toLowerCase().replace(/ /g, '-')})`),
  ];
}

function openSection(r: Runbook): string[] {
  if (r.open.length === 0) return ['Nothing: every server runs its services.'];
  const rows = r.open.map((o) => [
    mdCodeCell(o.server),
    mdText(o.next),
    mdText(
      [o.blocked, o.waitingFor === null ? null : `Waiting: ${o.waitingFor}`].filter((x) => x !== null).join(' ') || '—',
    ),
  ]);
  return [mdTable(['Server', 'Next', 'Blocked because'], rows)];
}

function topologySection(r: Runbook): string[] {
  const pools = r.topology.pools.map((p) => [
    mdCodeCell(p.fqdn),
    mdText(p.kindLabel),
    p.hostsCms ? '**hosts the CMS**' : '',
    p.servers.map(mdCodeCell).join(', '),
    mdText(p.start),
  ]);
  const servers = r.topology.servers.map((s) => [mdCodeCell(s.fqdn), mdCodeCell(s.pool), mdText(s.roleLabel)]);
  return [
    mdTable(['Pool', 'Kind', 'CMS', 'Servers', 'Start'], pools),
    '',
    mdTable(['Server', 'Pool', 'Role'], servers),
  ];
}

function serverSection(s: ServerSummary): string[] {
  const steps = s.steps.map((st) => [
    mdText(st.title),
    st.at === null || st.recordedAt === null
      ? 'not done'
      : `${exportTime(st.at)}${recordedWords({ at: st.at, recordedAt: st.recordedAt, backDated: st.backDated }, ' ')}`,
    st.operator === null ? '' : mdText(st.operator),
    String(st.runs),
    st.rule === 'override' ? '**OVERRIDE**' : mdText(st.ruleLabel ?? ''),
  ]);
  const lines = [
    `### ${mdText(s.fqdn)}`,
    '',
    `${mdText(s.roleLabel)} in pool ${mdCode(s.pool)}: **${mdText(s.statusText)}**`,
    '',
    mdTable(['Step', 'Completed (UTC)', 'Operator', 'Runs', 'Gate rule'], steps),
    '',
  ];
  lines.push(
    `- **Gate now:** ${s.gate.allowed ? (s.gate.rule === 'override' ? '**OVERRIDE**' : `allowed (${mdText(s.gate.label)})`) : 'blocked'}: ${mdText(s.gate.explanation)}`,
  );
  if (s.remediations.length === 0) lines.push('- **Remediation:** none');
  for (const m of s.remediations) {
    const switched = m.switchedFrom === null ? '' : ` (switched from path ${m.switchedFrom})`;
    const done =
      m.items.length === 0
        ? 'no items done'
        : m.items.map((i) => `${mdText(i.title)} (${exportTime(i.at)}, ${mdText(i.operator)})`).join('; ');
    lines.push(
      `- **Remediation:** path ${m.path}, ${mdText(m.title)}, chosen ${exportTime(m.chosenAt)} by ${mdText(m.operator)}${switched}; done: ${done}`,
    );
  }
  lines.push(
    `- **Evidence held:** ${s.evidence === null ? 'none' : `${mdText(s.evidence.proof)} (recorded ${exportTime(s.evidence.at)} by ${mdText(s.evidence.operator)})`}`,
  );
  if (s.override !== null) {
    lines.push(
      `- **Override${s.overridden ? ' (Step 3 went ahead on it)' : ''}:** recorded ${exportTime(s.override.at)} by ${mdText(s.override.operator)}: ${mdText(s.override.reason)}`,
    );
  }
  if (s.certificates !== null) {
    lines.push(
      '',
      'Certificates at Step 3, per use:',
      '',
      mdTable(
        ['Use', 'Thumbprint', 'Expires (UTC)', 'Subject'],
        s.certificates.uses.map((u) => [
          mdText(u.use),
          mdCodeCell(u.thumbprint),
          u.notAfter === null ? 'not read' : exportTime(u.notAfter),
          mdText(u.subject ?? ''),
        ]),
      ),
      ...s.certificates.warnings.map((w) => `- **Check:** ${mdText(w)}`),
    );
  }
  return lines;
}

function timelineSection(r: Runbook): string[] {
  const rows = r.timeline.map((e) => [
    String(eventNumber(e.seq)),
    `${exportTime(e.at)}${recordedWords(e, ' ')}`,
    mdText(e.operator),
    e.server === null ? '' : mdCodeCell(e.server),
    mdText(e.detail === undefined ? e.summary : `${e.summary}: ${e.detail}`),
    e.verdict === undefined ? '' : `**${e.verdict}**`,
  ]);
  return [
    TIMELINE_ORDER_NOTE,
    '',
    mdTable(['#', 'Happened (UTC)', 'Operator', 'Server', 'What happened', 'Verdict'], rows),
  ];
}

function overrideSection(o: OverrideEntry): string[] {
  return [
    `### Override on ${mdText(o.server)} (event ${eventNumber(o.seq)})`,
    '',
    `- **Recorded:** ${exportTime(o.at)} by ${mdText(o.operator)}`,
    `- **Not proven:** ${OVERRIDE_WORDS}`,
    `- **Change or ticket:** ${mdText(o.change)}`,
    `- **Step 3 went ahead on it:** ${o.usedForStep3 ? 'yes' : 'no'}`,
    ...(o.withdrawn === null
      ? []
      : [
          `- **Withdrawn:** ${exportTime(o.withdrawn.at)} by ${mdText(o.withdrawn.operator)} (event ${eventNumber(o.withdrawn.seq)}): ${mdText(o.withdrawn.reason)}`,
        ]),
    '- **What was checked:**',
    '',
    o.reason.trim().length === 0 ? '> (nothing said)' : mdQuote(o.reason),
  ];
}

function evidenceSection(e: EvidenceEntry, index: number): string[] {
  const how =
    e.locale === null ? '' : `, read as locale ${mdCode(e.locale)}, console time zone ${mdCode(e.timeZone ?? '')}`;
  const verdictLine = (v: EvidenceServerVerdict) =>
    v.verdict === 'accepted' ? `accepted; proved ${mdText(v.proof ?? '')}` : `rejected: ${mdText(v.reason ?? '')}`;
  const several = e.verdicts.length > 1;
  const lines = several
    ? [
        `### Evidence ${index + 1}: one paste judged for ${e.verdicts.length} servers (events ${eventNumber(e.seq)}–${eventNumber(e.verdicts.at(-1)!.seq)})`,
        '',
        `- **Pasted:** ${exportTime(e.at)} by ${mdText(e.operator)}, for ${mdText(e.server)}`,
        `- **Read as:** ${mdText(e.kindLabel)}${how}`,
        '- **Verdicts, each recorded on its own server:**',
        ...e.verdicts.map((v) => `  - ${mdText(v.server)} (event ${eventNumber(v.seq)}): ${verdictLine(v)}`),
        '',
      ]
    : [
        `### Evidence ${index + 1}: ${mdText(e.server)}, ${e.verdict} (event ${eventNumber(e.seq)})`,
        '',
        `- **Pasted:** ${exportTime(e.at)} by ${mdText(e.operator)}`,
        `- **Read as:** ${mdText(e.kindLabel)}${how}`,
        `- **Verdict:** ${verdictLine(e)}`,
        '',
      ];
  if (e.read.length > 0)
    lines.push(
      `What was read${several ? ` (for ${mdText(e.server)})` : ''}:`,
      '',
      ...e.read.map((l) => `- ${mdText(l)}`),
      '',
    );
  if (e.text !== null) lines.push('Pasted text:', '', mdFence(e.text, 'text'));
  else lines.push('The pasted text was not recorded.');
  return lines;
}

function scriptSection(s: ScriptCopy, index: number): string[] {
  const target = s.server === null ? 'the deployment' : mdCode(s.server);
  const runOn = s.runOn !== null && s.runOn !== s.server ? `, runs on ${mdCode(s.runOn)}` : '';
  const copies = s.copies
    .map((c) => `${exportTime(c.at)} by ${mdText(c.operator)} (event ${eventNumber(c.seq)})`)
    .join('; ');
  return [
    `### Script ${index + 1}: ${mdText(s.title || s.scriptId)}`,
    '',
    `- **For:** ${target}${runOn}; script ${mdCode(s.scriptId)}`,
    `- **Copied:** ${copies}`,
    '',
    ...(s.matches ? [mdFence(s.text, 'powershell')] : [`**Warning:** ${SCRIPT_MISMATCH_WORDS}`, '', mdQuote(s.text)]),
  ];
}

function section(id: (typeof RUNBOOK_SECTIONS)[number]['id'], body: readonly string[]): string[] {
  const title = RUNBOOK_SECTIONS.find((s) => s.id === id)?.title ?? id;
  return ['', `## ${title}`, '', ...body];
}

function joinBlocks(blocks: readonly (readonly string[])[], none: string): string[] {
  if (blocks.length === 0) return [none];
  return blocks.flatMap((b, i) => (i === 0 ? [...b] : ['', ...b]));
}

/** The runbook as a Markdown document (LF line endings, ends with one newline). */
export function renderMarkdown(runbook: Runbook): string {
  const lines = [
    ...headerLines(runbook.header),
    '',
    ...contents(),
    ...section('open', openSection(runbook)),
    ...section('topology', topologySection(runbook)),
    ...section('servers', joinBlocks(runbook.servers.map(serverSection), 'No servers.')),
    ...section('timeline', timelineSection(runbook)),
    ...section('overrides', joinBlocks(runbook.overrides.map(overrideSection), 'None: the gate was never overridden.')),
    ...section('evidence', joinBlocks(runbook.evidence.map(evidenceSection), 'None: no evidence was pasted.')),
    ...section('scripts', joinBlocks(runbook.scripts.map(scriptSection), 'None: no script was copied.')),
  ];
  return `${lines.join('\n')}\n`;
}
