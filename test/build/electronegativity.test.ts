import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { judge, readAllowList, scan, type Finding } from '../../build/scripts/electronegativity.mjs';

const ROOT = join(import.meta.dirname, '..', '..');
const finding = (over: Partial<Finding> = {}): Finding => ({
  id: 'SANDBOX_JS_CHECK',
  severity: 'MEDIUM',
  confidence: 'FIRM',
  file: 'electron/main/index.ts',
  line: 10,
  sample: 'new BrowserWindow(',
  description: 'd',
  ...over,
});

describe('the electronegativity gate', () => {
  it('fails on a HIGH or MEDIUM finding not on the allow-list, ignores LOW ones, and reports stale entries', () => {
    const allow = [
      {
        check: 'SANDBOX_JS_CHECK',
        file: 'electron/main/index.ts',
        sample: 'new BrowserWindow(',
        reason: 'options come from a tested builder',
      },
    ];
    expect(judge([finding()], allow)).toMatchObject({ unexplained: [], stale: [] });
    expect(judge([finding({ file: 'electron/main/other.ts' })], allow).unexplained).toHaveLength(1);
    expect(judge([finding({ sample: 'new BrowserWindow({ sandbox: false })' })], allow).unexplained).toHaveLength(1);
    expect(judge([finding({ severity: 'HIGH', id: 'NODE_INTEGRATION_JS_CHECK' })], allow)).toMatchObject({
      unexplained: [{ id: 'NODE_INTEGRATION_JS_CHECK' }],
      stale: allow,
    });
    expect(judge([finding({ severity: 'LOW', id: 'CSP_GLOBAL_CHECK' })], []).unexplained).toEqual([]);
  });

  it('wants a written reason for every allowed finding', () => {
    expect(() => readAllowList('[{"check":"X","file":"f","sample":"s"}]')).toThrow(/no reason/);
    expect(() => readAllowList('[{"check":"X","file":"f","sample":"s","reason":"ok"}]')).toThrow(/real reason/);
    expect(
      readAllowList(JSON.stringify([{ check: 'X', file: 'f', sample: 's', reason: 'a reason long enough to read' }])),
    ).toHaveLength(1);
  });

  it('passes on the app as it is, offline', { timeout: 120_000 }, async () => {
    const { check } = await import('../../build/scripts/electronegativity.mjs');
    expect(check(ROOT)).toBe(true);
  });

  it(
    'catches a window without isolation or sandbox, and an app without navigation limits or a permission handler',
    { timeout: 120_000 },
    () => {
      const root = mkdtempSync(join(tmpdir(), 'lync-runbook-eneg-'));
      try {
        cpSync(join(ROOT, 'package.json'), join(root, 'package.json'));
        cpSync(
          join(ROOT, 'node_modules', 'electron', 'package.json'),
          join(root, 'node_modules', 'electron', 'package.json'),
        );
        writeFileSync(join(root, 'renderer.html'), '<html></html>');
        cpSync(join(root, 'renderer.html'), join(root, 'renderer', 'index.html'));
        cpSync(join(root, 'renderer.html'), join(root, 'electron', 'unused.html'));
        writeFileSync(
          join(root, 'electron', 'main.ts'),
          "import { BrowserWindow } from 'electron';\nexport const w = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });\n",
        );
        const { findings, errors } = scan(root);
        expect(errors).toEqual([]);
        const failing = judge(findings, []).unexplained.map((f) => f.id);
        expect(failing, JSON.stringify(failing)).toEqual(
          expect.arrayContaining([
            'CONTEXT_ISOLATION_JS_CHECK',
            'SANDBOX_JS_CHECK',
            'LIMIT_NAVIGATION_GLOBAL_CHECK',
            'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
          ]),
        );
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  );
});
