/**
 * The runbook as one self-contained HTML page: inline CSS, no scripts, no external resources (a
 * Content-Security-Policy says so too), a table of contents, and a print stylesheet. The same page
 * is what Electron prints to PDF.
 */
import { evidenceSection, overrideSection, scriptSection, serverSection } from './html-entries';
import { anchors } from './html-links';
import { openSection, timelineSection, topologySection } from './html-overview';
import { code, esc, facts, time } from './html-text';
import { RUNBOOK_CSS } from './html-style';
import type { Runbook } from './model';
import { CHAIN_HEAD_NOTE, exportTime, RUNBOOK_SECTIONS, signOffWords } from './words';
import { INTEGRITY_TITLE } from '../session/integrity';

type SectionId = (typeof RUNBOOK_SECTIONS)[number]['id'];

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
    ...(h.change === null
      ? [['Change', 'none recorded'] as [string, string]]
      : ([
          ['Change', esc(h.change.id)],
          ['Window', `${time(h.change.windowStart)} to ${time(h.change.windowEnd)}`],
          ['Implementers', esc(h.change.implementers.join(', '))],
          ['Approver', esc(h.change.approver)],
          ['Rollback', esc(h.change.rollback)],
        ] as [string, string][])),
    ...(h.signOffs.length === 0
      ? [['Signed off', 'not yet'] as [string, string]]
      : h.signOffs.map((s) => ['Signed off', esc(signOffWords(s))] as [string, string])),
    ['Chain head', `${code(h.chainHead)} <span class="muted">(${esc(CHAIN_HEAD_NOTE)})</span>`],
  ];
  return [
    '<header>',
    `<h1>Runbook: ${esc(h.name)}</h1>`,
    ...(h.integrityWarning === null
      ? []
      : [
          `<p class="status bad" role="alert"><strong>${esc(INTEGRITY_TITLE)}.</strong> ${esc(h.integrityWarning)}</p>`,
        ]),
    `<p class="status ${h.complete ? 'ok' : 'warn'}"><strong>Status:</strong> ${esc(h.statusText)}</p>`,
    facts(rows),
    '</header>',
  ].join('\n');
}

function toc(r: Runbook): string {
  const sub: Partial<Record<SectionId, readonly string[]>> = {
    servers: r.servers.map((s, i) => `<a href="#server-${i + 1}">${esc(s.fqdn)}</a>`),
    evidence: r.evidence.map(
      (e, i) =>
        `<a href="#evidence-${i + 1}">${esc(e.verdicts.length > 1 ? `one paste, ${e.verdicts.length} servers` : `${e.server}, ${e.verdict}`)}</a>`,
    ),
    scripts: r.scripts.map((s, i) => `<a href="#script-${i + 1}">${esc(s.title || s.scriptId)}</a>`),
  };
  const items = RUNBOOK_SECTIONS.map((s) => {
    const children = sub[s.id] ?? [];
    const nested = children.length === 0 ? '' : `\n<ol>${children.map((c) => `<li>${c}</li>`).join('')}</ol>\n`;
    return `<li><a href="#${s.id}">${esc(s.title)}</a>${nested}</li>`;
  });
  return `<nav class="toc" aria-labelledby="contents">\n<h2 id="contents">Contents</h2>\n<ol>\n${items.join('\n')}\n</ol>\n</nav>`;
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
