// Runs @doyensec/electronegativity over the app's sources (electron/, renderer/ and package.json,
// copied to a temporary folder so tests, tools and node_modules stay out of the scan) and fails on
// any HIGH or MEDIUM finding that build/electronegativity-allow.json does not list with a reason,
// on any allow-list entry that no longer matches (so the list cannot rot), and on files the
// scanner could not parse. It works offline: the scanner's two network calls (translations and
// Electron's release list) are stubbed out or switched off. `node build/scripts/electronegativity.mjs [folder]`
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const SCANNED = ['electron', 'renderer', 'package.json'];
const FAILING = new Set(['HIGH', 'MEDIUM']);

/** The findings the allow-list does not cover, the allow-list entries nothing matched, and the covered findings. */
export function judge(findings, allowList) {
  const used = new Set();
  const unexplained = [];
  const allowed = [];
  for (const finding of findings) {
    if (!FAILING.has(finding.severity)) continue;
    const index = allowList.findIndex(
      (a) => a.check === finding.id && a.file === finding.file && finding.sample.trim() === a.sample.trim(),
    );
    if (index === -1) unexplained.push(finding);
    else {
      used.add(index);
      allowed.push({ finding, reason: allowList[index].reason });
    }
  }
  const stale = allowList.filter((_, i) => !used.has(i));
  return { unexplained, stale, allowed };
}

/** Checks the allow-list's shape: every entry names a check, a file and the flagged code, with a written reason. */
export function readAllowList(text) {
  const list = JSON.parse(text);
  if (!Array.isArray(list)) throw new Error('the allow-list must be an array');
  for (const entry of list) {
    for (const key of ['check', 'file', 'sample', 'reason']) {
      if (typeof entry[key] !== 'string' || entry[key].trim() === '')
        throw new Error(`allow-list entry ${JSON.stringify(entry)} has no ${key}`);
    }
    if (entry.reason.trim().length < 20)
      throw new Error(`allow-list entry for ${entry.check} in ${entry.file} needs a real reason`);
  }
  return list;
}

/** The scan itself, run in a child process (the scanner exits and prints as it likes). */
function scanInChild(input, output, electronVersion) {
  const require = createRequire(import.meta.url);
  const cli = require.resolve('@doyensec/electronegativity/dist/index.js');
  const scannerRequire = createRequire(cli);
  // The scanner fetches translations on start; offline that is a slow timeout, so it gets an immediate no.
  const got = scannerRequire.resolve('got');
  scannerRequire.cache[got] = {
    id: got,
    filename: got,
    loaded: true,
    exports: () => Promise.reject(new Error('offline by design')),
  };
  const i18n = scannerRequire('./locales/i18n.js');
  const run = scannerRequire('./runner.js');
  return (i18n.default ?? i18n)().then(() =>
    (run.default ?? run)(
      {
        input,
        isSarif: false,
        customScan: [],
        // This global check downloads Electron's release list.
        excludeFromScan: ['availablesecurityfixesglobalcheck'],
        isRelative: true,
        isVerbose: false,
        electronVersionOverride: electronVersion,
        parserPlugins: [],
      },
      false,
    ).then((result) => {
      const findings = result.issues.map((i) => ({
        id: i.id,
        severity: i.severity.name,
        confidence: i.confidence.name,
        file: i.file,
        line: i.location.line,
        sample: String(i.sample ?? ''),
        description: i.description,
      }));
      const errors = result.errors.map((e) => ({ file: e.file ?? null, message: String(e.message ?? e.error ?? e) }));
      return import('node:fs').then(({ writeFileSync }) => writeFileSync(output, JSON.stringify({ findings, errors })));
    }),
  );
}

/** Stages the scanned sources of `root`, runs the scan and returns its findings and parse errors. */
export function scan(root = ROOT) {
  const stage = mkdtempSync(join(tmpdir(), 'lync-runbook-electronegativity-'));
  try {
    const input = join(stage, 'app');
    for (const entry of SCANNED) cpSync(join(root, entry), join(input, entry), { recursive: true });
    const electronVersion = JSON.parse(
      readFileSync(
        join(dirname(createRequire(join(root, 'package.json')).resolve('electron/package.json')), 'package.json'),
        'utf8',
      ),
    ).version;
    const output = join(stage, 'findings.json');
    const child = spawnSync(process.execPath, [import.meta.filename, '--child', input, output, electronVersion], {
      encoding: 'utf8',
      timeout: 300_000,
    });
    if (child.status !== 0)
      throw new Error(`electronegativity failed (${child.status}): ${child.stderr || child.stdout}`);
    return JSON.parse(readFileSync(output, 'utf8'));
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

/** Runs the scan over `root` against its allow-list; prints the verdict and returns whether it passed. */
export function check(root = ROOT, allowListFile = join(root, 'build', 'electronegativity-allow.json')) {
  const { findings, errors } = scan(root);
  const allowList = readAllowList(readFileSync(allowListFile, 'utf8'));
  const { unexplained, stale, allowed } = judge(findings, allowList);
  for (const { finding, reason } of allowed)
    console.log(`allowed  ${finding.severity.padEnd(6)} ${finding.id} ${finding.file}:${finding.line} — ${reason}`);
  for (const f of unexplained)
    console.error(
      `FINDING  ${f.severity.padEnd(6)} ${f.id} ${f.file}:${f.line}: ${f.description}\n         ${f.sample.trim()}`,
    );
  for (const a of stale) console.error(`STALE    allow-list entry matches nothing: ${a.check} ${a.file}: ${a.sample}`);
  for (const e of errors) console.error(`UNPARSED ${e.file ?? '?'}: ${e.message}`);
  const passed = unexplained.length === 0 && stale.length === 0 && errors.length === 0;
  console.log(
    passed
      ? `electronegativity: no unexplained HIGH or MEDIUM findings (${findings.length} findings, ${allowed.length} allowed with a reason).`
      : 'electronegativity: failed.',
  );
  return passed;
}

if (process.argv[2] === '--child') {
  scanInChild(process.argv[3], process.argv[4], process.argv[5]).catch((error) => {
    console.error(error instanceof Error ? error.stack : String(error));
    process.exit(1);
  });
} else if (process.argv[1] === import.meta.filename) {
  process.exit(check(process.argv[2] ?? ROOT) ? 0 : 1);
}
