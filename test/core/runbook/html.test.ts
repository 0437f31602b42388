import { describe, expect, it } from 'vitest';
import { buildRunbook, renderHtml } from '../../../renderer/core/runbook';
import { EXPORTED_AT, fieldReportRunbookSession } from './field-report-runbook';
import { HOSTILE, HOSTILE_OPERATOR, HOSTILE_PASTE, HOSTILE_SCRIPT, hostileSession } from './hostile-runbook';

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

describe('the HTML runbook', () => {
  const html = renderHtml(buildRunbook(fieldReportRunbookSession(), { exportedAt: EXPORTED_AT }));

  it('is one self-contained page: no scripts, no external resources, a policy that forbids both', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    );
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|\bsrc=|https?:\/\//i);
    expect(html).toMatch(/<style>[\s\S]*@media \(prefers-color-scheme: dark\)[\s\S]*@media print[\s\S]*<\/style>/);
  });

  it('has a table of contents whose every link lands on exactly one element', () => {
    const ids = [...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    const links = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(20);
    for (const link of links) expect(ids).toContain(link);
    const toc = html.slice(html.indexOf('<nav'), html.indexOf('</nav>'));
    for (const id of [
      'open',
      'topology',
      'servers',
      'timeline',
      'overrides',
      'evidence',
      'scripts',
      'server-1',
      'evidence-1',
      'script-1',
    ])
      expect(toc).toContain(`href="#${id}"`);
  });

  it('keeps headings in order and gives every table a caption and column headers', () => {
    const levels = [...html.matchAll(/<h([1-6])\b/g)].map((m) => Number(m[1]));
    expect(levels[0]).toBe(1);
    levels.forEach((level, i) => expect(level - (levels[i - 1] ?? 0)).toBeLessThanOrEqual(1));
    const tables = html.split('<table').slice(1);
    expect(tables.length).toBeGreaterThan(5);
    for (const t of tables)
      expect(t).toMatch(/^[^>]*>\n<caption>[^<]+<\/caption>\n<thead><tr>(<th scope="col">[^<]+<\/th>)+<\/tr><\/thead>/);
  });

  it('says what an auditor looks for: the blocked servers unblocked by evidence, the rejection, the override', () => {
    expect(html).toContain(
      'Step 3: Request, Install or Assign Certificates completed<span class="detail">Gate: accepted evidence that the local store is current.</span>',
    );
    expect(html).toContain(
      '<span class="badge bad">rejected</span> The output names no replica (its ReplicaFqdn is empty), so it cannot be attributed to fe02.contoso.local by guesswork',
    );
    expect(html).toContain('<span class="badge bad">OVERRIDE: Step 3 went ahead on it</span>');
    expect(html).toContain(
      '<time datetime="2013-03-14T10:00:00.000Z"><span class="nw">2013-03-14T</span><wbr><span class="nw">10:00:00Z</span></time>',
    );
  });
});

describe('hostile values in the HTML runbook', () => {
  const html = renderHtml(buildRunbook(hostileSession(), { exportedAt: EXPORTED_AT }));

  it("never turn into markup: the only tags are the renderer's own", () => {
    expect(html).not.toMatch(/<script|<img|<\/pre><script/i);
    expect(html).not.toContain('onerror=alert(1)>');
    const tags = new Set([...html.matchAll(/<\/?([a-zA-Z0-9]+)/g)].map((m) => m[1]!.toLowerCase()));
    expect([...tags].sort()).toEqual(
      [
        'a',
        'blockquote',
        'body',
        'caption',
        'code',
        'dd',
        'div',
        'dl',
        'dt',
        'footer',
        'h1',
        'h2',
        'h3',
        'h4',
        'head',
        'header',
        'html',
        'li',
        'main',
        'meta',
        'nav',
        'ol',
        'p',
        'pre',
        'section',
        'span',
        'strong',
        'style',
        'table',
        'tbody',
        'td',
        'th',
        'thead',
        'time',
        'title',
        'tr',
        'ul',
        'wbr',
      ].sort(),
    );
  });

  it('show every value as the text it was, escaped where it appears', () => {
    expect(html).toContain(`<title>Runbook: ${escape(HOSTILE)}</title>`);
    expect(html).toContain(`<h1>Runbook: ${escape(HOSTILE)}</h1>`);
    expect(html).toContain(escape(HOSTILE_OPERATOR));
    expect(html).toContain(escape(HOSTILE_PASTE.replace(/\n$/, '')));
    expect(html).toContain(escape(HOSTILE_SCRIPT));
    expect(html).toContain(`<blockquote>${escape(`${HOSTILE}\n# heading?\n- list?\n> quote?`)}</blockquote>`);
  });
});
