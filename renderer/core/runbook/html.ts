/**
 * The runbook as one self-contained HTML page: inline CSS, no scripts, no external resources (a
 * Content-Security-Policy says so too), a table of contents, and a print stylesheet. The same page
 * is what Electron prints to PDF.
 */
import { BLOCKED_LABEL } from '../gate/gate-words';
import { normalizeFqdn } from '../model/fqdn';
import { code, esc, facts, pre, table, time } from './html-text';
import { RUNBOOK_CSS } from './html-style';
import type { EvidenceEntry, OverrideEntry, Runbook, ScriptCopy, ServerSummary, TimelineEntry } from './model';
import { eventNumber, exportTime, RUNBOOK_SECTIONS } from './words';

type SectionId = (typeof RUNBOOK_SECTIONS)[number]['id'];

/** Anchors of the entries a link can point at. */
interface Anchors {
  readonly server: ReadonlyMap<string, string>;
  /** Event seq → anchor of its evidence entry or script. */
  readonly event: ReadonlyMap<number, string>;
}

function anchors(r: Runbook): Anchors {
  const server = new Map(r.servers.map((s, i) => [normalizeFqdn(s.fqdn), `server-${i + 1}`]));
  const event = new Map<number, string>();
  r.evidence.forEach((e, i) => event.set(e.seq, `evidence-${i + 1}`));
  r.scripts.forEach((s, i) => s.copies.forEach((c) => event.set(c.seq, `script-${i + 1}`)));
  return { server, event };
}

function serverRef(fqdn: string, a: Anchors): string {
  const id = a.server.get(normalizeFqdn(fqdn));
  return id === undefined ? code(fqdn) : `<a href="#${id}">${code(fqdn)}</a>`;
}

function badge(text: string, tone: 'ok' | 'bad' | 'warn'): string {
  return `<span class="badge ${tone}">${esc(text)}</span>`;
}

function statusBadge(s: ServerSummary): string {
  if (s.phase === 'services-running') return badge(s.statusText, 'ok');
  if (s.phase === 'blocked') return badge(s.statusText, 'bad');
  return badge(s.statusText, 'warn');
}

function header(r: Runbook): string {
  const h = r.header;
  const oauth =
    h.oauth === null
      ? 'not assigned yet'
      : `assigned on ${code(h.oauth.server)} at ${time(h.oauth.at)} by ${esc(h.oauth.operator)}${h.oauth.thumbprint ? `, thumbprint ${code(h.oauth.thumbprint)}` : ''}`;
  const rows: [string, string][] = [
    ['Product', esc(h.productName)],
    ['SIP domain', code(h.sipDomain)],
    ['CMS pool', h.cmsPool === null ? 'not chosen' : code(h.cmsPool)],
    ['OAuthTokenIssuer certificate', oauth],
    ['Operators', esc(h.operators.join(', '))],
    ['Started', time(h.startedAt)],
    ['Finished', h.finishedAt === null ? `not yet (last event ${time(h.lastEventAt)})` : time(h.finishedAt)],
    ['Times', esc(h.timeZoneNote)],
    ...(h.exportedAt === null ? [] : [['Exported', time(h.exportedAt)] as [string, string]]),
    ['History', `${h.eventCount} events`],
  ];
  return [
    '<header>',
    `<h1>Runbook: ${esc(h.name)}</h1>`,
    `<p class="status ${h.complete ? 'ok' : 'warn'}"><strong>Status:</strong> ${esc(h.statusText)}</p>`,
    facts(rows),
    '</header>',
  ].join('\n');
}

function toc(r: Runbook): string {
  const sub: Partial<Record<SectionId, readonly string[]>> = {
    servers: r.servers.map((s, i) => `<a href="#server-${i + 1}">${esc(s.fqdn)}</a>`),
    evidence: r.evidence.map((e, i) => `<a href="#evidence-${i + 1}">${esc(`${e.server}, ${e.verdict}`)}</a>`),
    scripts: r.scripts.map((s, i) => `<a href="#script-${i + 1}">${esc(s.title || s.scriptId)}</a>`),
  };
  const items = RUNBOOK_SECTIONS.map((s) => {
    const children = sub[s.id] ?? [];
    const nested = children.length === 0 ? '' : `\n<ol>${children.map((c) => `<li>${c}</li>`).join('')}</ol>\n`;
    return `<li><a href="#${s.id}">${esc(s.title)}</a>${nested}</li>`;
  });
  return `<nav class="toc" aria-labelledby="contents">\n<h2 id="contents">Contents</h2>\n<ol>\n${items.join('\n')}\n</ol>\n</nav>`;
}

function openSection(r: Runbook, a: Anchors): string {
  if (r.open.length === 0) return '<p>Nothing: every server runs its services.</p>';
  const rows = r.open.map((o) => {
    const why = [
      o.blocked === null ? '' : esc(o.blocked),
      o.waitingFor === null ? '' : `<span class="detail">Waiting: ${esc(o.waitingFor)}</span>`,
    ]
      .filter((x) => x !== '')
      .join(' ');
    return [serverRef(o.server, a), esc(o.next), why === '' ? '<span class="muted">not blocked</span>' : why];
  });
  return table('Servers not finished, with what each needs next', ['Server', 'Next', 'Blocked because'], rows);
}

function topologySection(r: Runbook, a: Anchors): string {
  const pools = r.topology.pools.map((p) => [
    code(p.fqdn),
    esc(p.kindLabel),
    p.hostsCms ? badge('hosts the CMS', 'ok') : '',
    p.servers.length === 0 ? '<span class="muted">none</span>' : p.servers.map((s) => serverRef(s, a)).join(', '),
  ]);
  const servers = r.topology.servers.map((s) => [serverRef(s.fqdn, a), code(s.pool), esc(s.roleLabel)]);
  return [
    table('Pools', ['Pool', 'Kind', 'CMS', 'Servers'], pools),
    table('Servers', ['Server', 'Pool', 'Role'], servers),
  ].join('\n');
}

function serverSection(s: ServerSummary, index: number): string {
  const id = `server-${index + 1}`;
  const steps = s.steps.map((st) => [
    esc(st.title),
    st.at === null ? '<span class="muted">not done</span>' : time(st.at),
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
      `${s.gate.allowed ? badge(`allowed: ${s.gate.label}`, 'ok') : badge(BLOCKED_LABEL, 'bad')} ${esc(s.gate.explanation)}`,
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
  return [
    `<section class="entry" aria-labelledby="${id}">`,
    `<h3 id="${id}">${esc(s.fqdn)}</h3>`,
    `<p>${esc(s.roleLabel)} in pool ${code(s.pool)}</p>`,
    facts(rows),
    table(`Deployment Wizard steps on ${s.fqdn}`, ['Step', 'Completed (UTC)', 'Operator', 'Runs', 'Gate rule'], steps),
    '</section>',
  ].join('\n');
}

function timelineRow(e: TimelineEntry, a: Anchors): string[] {
  const target = a.event.get(e.seq);
  const summary = target === undefined ? esc(e.summary) : `<a href="#${target}">${esc(e.summary)}</a>`;
  const detail = e.detail === undefined ? '' : `<span class="detail">${esc(e.detail)}</span>`;
  const verdict = e.verdict === undefined ? '' : badge(e.verdict, e.verdict === 'accepted' ? 'ok' : 'bad');
  const flag = e.kind === 'override.recorded' ? `${badge('OVERRIDE', 'bad')} ` : '';
  return [
    `${eventNumber(e.seq)}`,
    time(e.at),
    esc(e.operator),
    e.server === null ? '<span class="muted">deployment</span>' : serverRef(e.server, a),
    `${flag}${summary}${detail}`,
    verdict,
  ];
}

function timelineSection(r: Runbook, a: Anchors): string {
  return table(
    'Every event of the history, oldest first (times in UTC)',
    ['#', 'Time (UTC)', 'Operator', 'Server', 'What happened', 'Verdict'],
    r.timeline.map((e) => timelineRow(e, a)),
    'timeline',
  );
}

function overrideSection(o: OverrideEntry, index: number, a: Anchors): string {
  const id = `override-${index + 1}`;
  return [
    `<section class="entry" aria-labelledby="${id}">`,
    `<h3 id="${id}">Override ${index + 1}: ${esc(o.server)}</h3>`,
    facts([
      ['Server', serverRef(o.server, a)],
      ['Recorded', `${time(o.at)} by ${esc(o.operator)} (event ${eventNumber(o.seq)})`],
      ['Step 3 went ahead on it', o.usedForStep3 ? badge('yes', 'bad') : 'no'],
    ]),
    `<blockquote>${o.reason.trim().length === 0 ? '(no reason given)' : esc(o.reason)}</blockquote>`,
    '</section>',
  ].join('\n');
}

function evidenceSection(e: EvidenceEntry, index: number, a: Anchors): string {
  const id = `evidence-${index + 1}`;
  const how =
    e.locale === null ? '' : `, read as locale ${code(e.locale)}, console time zone ${code(e.timeZone ?? '')}`;
  const verdict =
    e.verdict === 'accepted'
      ? `${badge('accepted', 'ok')} proved ${esc(e.proof ?? '')}`
      : `${badge('rejected', 'bad')} ${esc(e.reason ?? '')}`;
  const read =
    e.read.length === 0
      ? '<p class="muted">Nothing was read from it.</p>'
      : `<ul>${e.read.map((l) => `<li>${esc(l)}</li>`).join('')}</ul>`;
  return [
    `<section class="entry" aria-labelledby="${id}">`,
    `<h3 id="${id}">Evidence ${index + 1}: ${esc(e.server)}, ${esc(e.verdict)}</h3>`,
    facts([
      ['Server', serverRef(e.server, a)],
      ['Pasted', `${time(e.at)} by ${esc(e.operator)} (event ${eventNumber(e.seq)})`],
      ['Read as', `${esc(e.kindLabel)}${how}`],
      ['Verdict', verdict],
    ]),
    '<h4>What was read</h4>',
    read,
    '<h4>Pasted text</h4>',
    e.text === null
      ? '<p class="muted">The pasted text was not recorded.</p>'
      : pre(e.text, `Pasted text of evidence ${index + 1}`),
    '</section>',
  ].join('\n');
}

function scriptSection(s: ScriptCopy, index: number, a: Anchors): string {
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
    pre(s.text, `PowerShell of script ${index + 1}`),
    '</section>',
  ].join('\n');
}

function section(id: SectionId, body: string): string {
  const title = RUNBOOK_SECTIONS.find((s) => s.id === id)?.title ?? id;
  return `<section aria-labelledby="${id}">\n<h2 id="${id}">${esc(title)}</h2>\n${body}\n</section>`;
}

function list<T>(items: readonly T[], render: (item: T, index: number) => string, none: string): string {
  return items.length === 0 ? `<p>${esc(none)}</p>` : items.map(render).join('\n');
}

/** The runbook as a complete HTML document (UTF-8, LF line endings, ends with one newline). */
export function renderHtml(runbook: Runbook): string {
  const a = anchors(runbook);
  const h = runbook.header;
  const footer = `Produced by lync-runbook from the deployment's history of ${h.eventCount} events${h.exportedAt === null ? '' : ` on ${exportTime(h.exportedAt)}`}. ${h.timeZoneNote}`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="generator" content="lync-runbook">
<title>${esc(`Runbook: ${h.name}`)}</title>
<style>${RUNBOOK_CSS}</style>
</head>
<body>
<div class="page">
${header(runbook)}
${toc(runbook)}
<main>
${section('open', openSection(runbook, a))}
${section('topology', topologySection(runbook, a))}
${section('servers', list(runbook.servers, serverSection, 'No servers.'))}
${section('timeline', timelineSection(runbook, a))}
${section(
  'overrides',
  list(runbook.overrides, (o, i) => overrideSection(o, i, a), 'None: the gate was never overridden.'),
)}
${section(
  'evidence',
  list(runbook.evidence, (e, i) => evidenceSection(e, i, a), 'None: no evidence was pasted.'),
)}
${section(
  'scripts',
  list(runbook.scripts, (s, i) => scriptSection(s, i, a), 'None: no script was copied.'),
)}
</main>
<footer>${esc(footer)}</footer>
</div>
</body>
</html>
`;
}
