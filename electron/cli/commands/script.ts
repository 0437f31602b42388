/** `lync-runbook script`: the PowerShell of a remediation path, the verification script or a wizard step, for one server. */
import { checklistOf } from '../../../renderer/core/model/remediation';
import { buildScripts, type Script, type ScriptContext, type ScriptRequest } from '../../../renderer/core/powershell';
import type { DeploymentSession } from '../../../renderer/core/session/session';
import { flag, oneOf, optional, parseCommandArgs, required } from '../args';
import { Refused, UsageError } from '../cli-error';
import { openDeploymentFile } from '../files';
import type { CliIo } from '../io';
import { requireServer } from '../server-lookup';
import { stampingOf, STAMP_OPTIONS, withLockedDeployment } from '../session-options';
import { pathNamed } from './record';

const C = 'script';
const ROUTES = ['bytes', 'file'] as const;
const STEPS: Readonly<Record<string, 1 | 2 | 3 | 4>> = { step1: 1, step2: 2, step3: 3, step4: 4 };

/** The requests a --path stands for, in the order to run their scripts. */
function requests(path: string): ScriptRequest[] {
  const key = path.trim().toLowerCase();
  if (key === 'verify') return [{ kind: 'verify' }];
  const step = STEPS[key];
  if (step !== undefined) return [{ kind: 'step', step }];
  const remediation = pathNamed(path);
  if (remediation === undefined)
    throw new UsageError(
      `--path "${path}" is not one of: export-import (A), replication (B), rerun-step1 (C), verify, step1, step2, step3, step4.`,
      C,
    );
  return checklistOf(remediation).map((item): ScriptRequest => ({
    kind: 'remediation',
    path: remediation,
    item: item.id,
  }));
}

/** A script with the request it was built for (recorded with a copy, so the runbook can build it again). */
type Built = Script & { readonly request: ScriptRequest };

function scriptsFor(session: DeploymentSession, server: string, path: string, route: 'bytes' | 'file'): Built[] {
  const context: ScriptContext = {
    deployment: session.deployment()!,
    oauth: session.snapshot().context.oauth,
    options: { route },
  };
  const scripts: Built[] = [];
  for (const request of requests(path)) {
    const built = buildScripts(context, server, request);
    if (!built.ok)
      throw new UsageError(`The script cannot be built:\n${built.errors.map((e) => `  - ${e}`).join('\n')}`, C);
    // Paths A and B end with the same verification script: print it once.
    for (const s of built.scripts)
      if (!scripts.some((seen) => seen.id === s.id && seen.server === s.server)) scripts.push({ ...s, request });
  }
  return scripts;
}

function banner(script: Script, index: number, count: number): string {
  const rule = '#'.repeat(100);
  return [
    rule,
    `# Script ${index + 1} of ${count} (${script.id}): run on ${script.server}, in ${script.shell}, as administrator.`,
    '# Run it on its own; do not paste the scripts below it in the same session.',
    rule,
  ].join('\n');
}

/** Prints the scripts (and with --record, records each as copied). */
export async function runScript(argv: readonly string[], io: CliIo): Promise<number | 'help'> {
  const args = parseCommandArgs(
    C,
    argv,
    {
      server: { type: 'string' },
      path: { type: 'string' },
      route: { type: 'string' },
      record: { type: 'boolean' },
      ...STAMP_OPTIONS,
    },
    { min: 1, max: 1, names: 'the deployment file' },
  );
  if (args.help) return 'help';
  const file = args.positionals[0]!;
  const path = required(args, 'path', C, 'export-import|replication|rerun-step1|verify');
  const fqdn = required(args, 'server', C, 'FQDN');
  const routeText = optional(args, 'route');
  const route = routeText === undefined ? 'bytes' : oneOf(routeText, ROUTES, 'The route', C);
  const stamping = stampingOf(args, io, C);
  const print = (session: DeploymentSession) => {
    const server = requireServer(session, fqdn, C);
    const scripts = scriptsFor(session, server.fqdn, path, route);
    io.out(scripts.map((s, i) => `${banner(s, i, scripts.length)}\n${s.text}`).join('\n'));
    return { server, scripts };
  };
  if (!flag(args, 'record')) {
    print(openDeploymentFile(file, io, stamping.recorder).session);
    return 0;
  }
  return withLockedDeployment(file, stamping.recorder, io, async ({ session, save }) => {
    const { server, scripts } = print(session);
    for (const s of scripts) {
      const result = session.record(
        stamping.stamp({
          type: 'script.copied',
          server: server.fqdn,
          ...(s.server !== server.fqdn ? { runOn: s.server } : {}),
          scriptId: s.id,
          title: s.title,
          text: s.text,
          request: s.request,
          options: { route },
        }),
      );
      if (!result.ok) throw new Refused(result.message);
    }
    await save();
    io.err(`Recorded ${scripts.length} script(s) as copied in ${file}.\n`);
    return 0;
  });
}
