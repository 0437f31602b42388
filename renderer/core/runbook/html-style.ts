/**
 * The runbook's one stylesheet, inlined so the HTML needs nothing else. Light and dark follow the
 * reader's setting; print is always black on white with scripts wrapped, so nothing is cut off on
 * paper or in a PDF. Every colour pair meets WCAG AA contrast (4.5:1) for normal text.
 */
export const RUNBOOK_CSS = `
:root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1a1a1a; --muted: #555555; --border: #b8bcc2; --rule: #d9dce0;
  --head-bg: #eef1f5; --code-bg: #f4f5f7; --link: #0a4fa8;
  --ok: #0d5f2a; --ok-bg: #e3f3e8; --bad: #a3201b; --bad-bg: #fbe7e6; --warn: #7a4600; --warn-bg: #fdf0d9;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #17181b; --fg: #e6e7e9; --muted: #b3b6bb; --border: #4b4f57; --rule: #33363c;
    --head-bg: #24272c; --code-bg: #202226; --link: #8ab8ff;
    --ok: #8fd9a5; --ok-bg: #173322; --bad: #ffaca6; --bad-bg: #3d1a18; --warn: #f5cd79; --warn-bg: #3a2c12;
  }
}
* { box-sizing: border-box; }
html { background: var(--bg); color: var(--fg); }
body { margin: 0; font: 15px/1.5 "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, sans-serif; }
.page { max-width: 72rem; margin: 0 auto; padding: 1.5rem 1.5rem 3rem; }
h1 { font-size: 1.8rem; margin: 0 0 .5rem; }
h2 { font-size: 1.35rem; margin: 2.2rem 0 .75rem; padding-bottom: .25rem; border-bottom: 2px solid var(--rule); }
h3 { font-size: 1.1rem; margin: 1.6rem 0 .5rem; }
h4 { font-size: 1rem; margin: 1rem 0 .35rem; }
a { color: var(--link); }
a:focus-visible, pre:focus-visible { outline: 3px solid var(--link); outline-offset: 2px; }
code, pre { font-family: "Cascadia Mono", Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: .92em; }
pre { background: var(--code-bg); border: 1px solid var(--border); border-radius: 4px; padding: .75rem 1rem; overflow-x: auto; line-height: 1.4; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1.25rem; margin: .75rem 0; }
.facts > div { display: contents; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; overflow-wrap: break-word; min-width: 0; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; color: var(--muted); }
th, td { border: 1px solid var(--border); padding: .3rem .5rem; text-align: left; vertical-align: top; }
td { overflow-wrap: break-word; }
.nw { white-space: nowrap; }
thead th { background: var(--head-bg); }
.timeline td:first-child { text-align: right; white-space: nowrap; }
.timeline td:last-child { width: 1%; }
.detail { display: block; color: var(--muted); font-size: .93em; overflow-wrap: anywhere; }
.badge { display: inline-block; padding: 0 .45rem; border-radius: 3px; border: 1px solid currentColor; font-weight: 600; font-size: .9em; white-space: nowrap; }
.ok { color: var(--ok); background: var(--ok-bg); }
.bad { color: var(--bad); background: var(--bad-bg); }
.warn { color: var(--warn); background: var(--warn-bg); }
.status { font-size: 1.05rem; padding: .5rem .75rem; border-radius: 4px; border: 1px solid currentColor; display: inline-block; margin: .25rem 0; }
.entry { border-top: 1px solid var(--rule); margin-top: 1rem; }
h2 + .entry { border-top: 0; }
.facts ul { margin: 0; padding-left: 1.1rem; }
.toc ol { margin: .25rem 0; padding-left: 1.6rem; }
.toc li { margin: .1rem 0; }
blockquote { margin: .5rem 0; padding: .25rem 1rem; border-left: 4px solid var(--warn); background: var(--warn-bg); white-space: pre-wrap; overflow-wrap: anywhere; }
.muted, footer { color: var(--muted); }
footer { border-top: 1px solid var(--rule); margin-top: 3rem; padding-top: .75rem; font-size: .9em; }
@media print {
  :root {
    --bg: #ffffff; --fg: #000000; --muted: #333333; --border: #888888; --rule: #888888;
    --head-bg: #eeeeee; --code-bg: #ffffff; --link: #000000;
    --ok: #000000; --ok-bg: #ffffff; --bad: #000000; --bad-bg: #ffffff; --warn: #000000; --warn-bg: #ffffff;
  }
  @page { margin: 14mm 12mm; }
  body { font-size: 10pt; }
  table { font-size: 8.5pt; }
  th, td { padding: .2rem .3rem; }
  .page { max-width: none; padding: 0; }
  a { text-decoration: none; }
  pre { white-space: pre-wrap; overflow-wrap: anywhere; overflow: visible; font-size: 8.5pt; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  tr, .facts div, blockquote { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  .toc { break-after: page; page-break-after: always; }
  .badge, .status { border-width: 1.5px; }
}
`;
