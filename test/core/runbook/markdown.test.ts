import { describe, expect, it } from 'vitest';
import { buildRunbook, renderMarkdown } from '../../../renderer/core/runbook';
import { SCRIPT_MISMATCH_WORDS } from '../../../renderer/core/runbook/words';
import { mdCode, mdFence, mdQuote, mdTable, mdText } from '../../../renderer/core/runbook/markdown-text';
import { EXPORTED_AT, fieldReportRunbookSession } from './field-report-runbook';
import { HOSTILE, HOSTILE_PASTE, HOSTILE_SCRIPT, hostileSession } from './hostile-runbook';

/** The fenced blocks of a Markdown text, as [fence, language, body]. */
function fences(md: string): [string, string, string][] {
  const blocks: [string, string, string][] = [];
  const lines = md.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,})(\w*)$/.exec(lines[i]!);
    if (!open) continue;
    const end = lines.findIndex((l, j) => j > i && l === open[1]);
    blocks.push([open[1]!, open[2]!, lines.slice(i + 1, end).join('\n')]);
    i = end;
  }
  return blocks;
}

/** A line without its code spans (read as CommonMark does: escapes first, then backtick runs of equal length). */
function withoutCodeSpans(line: string): string {
  let out = '';
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') {
      out += line.slice(i, i + 2);
      i += 1;
      continue;
    }
    if (line[i] !== '`') {
      out += line[i];
      continue;
    }
    const run = /^`+/.exec(line.slice(i))![0];
    const close = line.slice(i + run.length).search(new RegExp(`(?<!\`)${run}(?!\`)`));
    if (close < 0) {
      out += run;
      i += run.length - 1;
      continue;
    }
    i += run.length + close + run.length - 1;
  }
  return out;
}

describe('Markdown building blocks', () => {
  it('escape what would become markup and leave ordinary text readable', () => {
    expect(mdText('America/Los_Angeles, Contoso & Co, a > b')).toBe('America/Los_Angeles, Contoso & Co, a > b');
    expect(mdText('**bold** _em_ [x](y) <b> `c` a|b &amp; ~~s~~')).toBe(
      '\\*\\*bold\\*\\* \\_em\\_ \\[x\\](y) \\<b> \\`c\\` a\\|b \\&amp; \\~\\~s\\~\\~',
    );
    expect(mdText('two\nlines')).toBe('two lines');
  });

  it('fence code spans and blocks so no backtick inside can close them', () => {
    expect(mdCode('fe01.contoso.local')).toBe('`fe01.contoso.local`');
    expect(mdCode('a`b')).toBe('``a`b``');
    expect(mdCode('`x`')).toBe('`` `x` ``');
    expect(mdFence('```\ninside\n````', 'text')).toBe('`````text\n```\ninside\n````\n`````');
  });

  it('quote a multi-line reason without letting a line start a heading, a list or a quote', () => {
    expect(mdQuote('ok\n# h\n- l\n1. n\n> q\n\nend')).toBe('> ok\n> \\# h\n> \\- l\n> 1\\. n\n> \\> q\n>\n> end');
  });

  it('build GitHub tables whose cells cannot add a column or a row', () => {
    expect(mdTable(['a', 'b'], [[mdText('x|y'), mdText('two\nlines')]])).toBe(
      '| a | b |\n|---|---|\n| x\\|y | two lines |',
    );
  });
});

describe('the Markdown runbook', () => {
  const md = renderMarkdown(buildRunbook(fieldReportRunbookSession(), { exportedAt: EXPORTED_AT }));

  it('reads as plain text: header facts, then sections in order', () => {
    expect(md.split('\n').slice(0, 3)).toEqual([
      '# Runbook: Contoso HQ',
      '',
      '- **Status:** In progress: 3 of 5 servers done; still to do: dir01.contoso.local, edge01.perimeter.contoso.com.',
    ]);
    const sections = md.split('\n').filter((l) => l.startsWith('## '));
    expect(sections).toEqual([
      '## Contents',
      '## What is still open',
      '## Topology',
      '## Servers',
      '## Timeline',
      '## Overrides',
      '## Evidence',
      '## Scripts',
    ]);
    expect(md).toContain(
      "- **Times:** All times are UTC, written in ISO 8601. The operators' own time zone is not recorded.",
    );
  });

  it('has one timeline row per event, each with the same number of cells', () => {
    const timeline = md
      .slice(md.indexOf('## Timeline'), md.indexOf('## Overrides'))
      .split('\n')
      .filter((l) => l.startsWith('|'));
    expect(timeline).toHaveLength(2 + 34);
    for (const row of timeline) expect(row.split(/(?<!\\)\|/).length).toBe(8);
  });

  it('shows every script copied and every paste in fenced blocks, exactly as they were', () => {
    const blocks = fences(md);
    expect(blocks.filter((b) => b[1] === 'powershell')).toHaveLength(5);
    expect(blocks.filter((b) => b[1] === 'text')).toHaveLength(3);
    expect(blocks.find((b) => b[1] === 'powershell')![2]).toContain(
      "$Certificates = @(Get-CsCertificate -Type 'OAuthTokenIssuer')",
    );
  });
});

describe('hostile values in the Markdown runbook', () => {
  const md = renderMarkdown(buildRunbook(hostileSession(), { exportedAt: EXPORTED_AT }));

  it('never become HTML, links, emphasis or headings', () => {
    // Outside fenced blocks (where text is shown as it is), no tag or link survives unescaped.
    const prose = md
      .split(/^(`{3,})\w*\n[\s\S]*?\n\1$/m)
      .join('')
      .split('\n')
      .map(withoutCodeSpans)
      .join('\n');
    expect(prose).toContain('\\<script>');
    expect(prose).not.toMatch(/(?<!\\)<(script|img)/);
    expect(prose).not.toMatch(/(?<!\\)\[link\]/);
    expect(
      prose
        .split('\n')
        .filter((l) => /^#{1,6} /.test(l))
        .every((l) =>
          /^#{1,3} (Runbook|Contents|What is|Topology|Servers|Timeline|Overrides|Evidence|Scripts|fe0|Override on|Evidence \d|Script \d)/.test(
            l,
          ),
        ),
    ).toBe(true);
    expect(md).toContain(`# Runbook: ${mdText(HOSTILE)}`);
  });

  it('keep pastes whole inside fences they cannot close; a script this version does not build is quoted, never fenced to run', () => {
    const blocks = fences(md);
    expect(blocks.map((b) => b[2])).toContain(HOSTILE_PASTE.replace(/\n$/, ''));
    expect(blocks.map((b) => b[2])).not.toContain(HOSTILE_SCRIPT);
    expect(blocks.filter((b) => b[1] === 'powershell')).toEqual([]);
    expect(md).toContain(`**Warning:** ${SCRIPT_MISMATCH_WORDS}`);
  });
});
