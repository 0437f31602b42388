/** The deployment-wide sections of the HTML runbook: what is open, the topology, and the event timeline. */
import { badge, recordedNote } from './html-badges';
import { serverRef, type Anchors } from './html-links';
import { code, esc, table, time } from './html-text';
import type { Runbook, TimelineEntry } from './model';
import { eventNumber, TIMELINE_ORDER_NOTE } from './words';

/** The servers not finished yet, with what each needs next and what blocks it. */
export function openSection(r: Runbook, a: Anchors): string {
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

/** The pools and servers of the topology, each server linked to its entry. */
export function topologySection(r: Runbook, a: Anchors): string {
  const pools = r.topology.pools.map((p) => [
    code(p.fqdn),
    esc(p.kindLabel),
    p.hostsCms ? badge('hosts the CMS', 'ok') : '',
    p.servers.length === 0 ? '<span class="muted">none</span>' : p.servers.map((s) => serverRef(s, a)).join(', '),
    esc(p.start),
  ]);
  const servers = r.topology.servers.map((s) => [serverRef(s.fqdn, a), code(s.pool), esc(s.roleLabel)]);
  return [
    table('Pools', ['Pool', 'Kind', 'CMS', 'Servers', 'Start'], pools),
    table('Servers', ['Server', 'Pool', 'Role'], servers),
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
    `${time(e.at)}${recordedNote(e)}`,
    esc(e.operator),
    e.server === null ? '<span class="muted">deployment</span>' : serverRef(e.server, a),
    `${flag}${summary}${detail}`,
    verdict,
  ];
}

/** Every event of the history as one table, linked to the evidence or script it recorded. */
export function timelineSection(r: Runbook, a: Anchors): string {
  return table(
    `Every event of the history (times in UTC). ${TIMELINE_ORDER_NOTE}`,
    ['#', 'Happened (UTC)', 'Operator', 'Server', 'What happened', 'Verdict'],
    r.timeline.map((e) => timelineRow(e, a)),
    'timeline',
  );
}
