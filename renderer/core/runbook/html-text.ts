/** HTML building blocks: every user value goes through `esc`, so nothing typed or pasted becomes markup. */
import { exportTime } from './words';
import type { IsoTime } from '../model/time';

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** A value as HTML text or attribute content: the five characters that can end a context are escaped. */
export function esc(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** An FQDN, thumbprint or id in monospace. */
export function code(value: string): string {
  return `<code>${esc(value)}</code>`;
}

/**
 * A time as exports print it, with the machine-readable form in `datetime`. In a narrow column it may
 * wrap only after the "T", never inside the date or the clock time.
 */
export function time(at: IsoTime): string {
  const shown = exportTime(at);
  const t = shown.indexOf('T');
  const body =
    t < 0
      ? esc(shown)
      : `<span class="nw">${esc(shown.slice(0, t + 1))}</span><wbr><span class="nw">${esc(shown.slice(t + 1))}</span>`;
  return `<time datetime="${esc(at)}">${body}</time>`;
}

/** A table with a caption and column headers; cells are already HTML (escape values first). */
export function table(
  caption: string,
  head: readonly string[],
  rows: readonly (readonly string[])[],
  className = '',
): string {
  const cls = className === '' ? '' : ` class="${esc(className)}"`;
  const th = head.map((h) => `<th scope="col">${esc(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n');
  return `<table${cls}>\n<caption>${esc(caption)}</caption>\n<thead><tr>${th}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

/** A description list of label/value pairs; values are already HTML. */
export function facts(pairs: readonly (readonly [string, string])[], className = 'facts'): string {
  const items = pairs.map(([term, value]) => `<div><dt>${esc(term)}</dt><dd>${value}</dd></div>`).join('\n');
  return `<dl class="${esc(className)}">\n${items}\n</dl>`;
}

/** A block of preformatted text (a script, a paste) that can be scrolled with the keyboard. */
export function pre(text: string, label: string): string {
  const body = text.replace(/\r\n?/g, '\n').replace(/\n$/, '');
  return `<pre tabindex="0" aria-label="${esc(label)}"><code>${esc(body)}</code></pre>`;
}
