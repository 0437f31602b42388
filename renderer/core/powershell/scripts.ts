import { checklistOf, REMEDIATION_PATHS, type ChecklistItemId, type RemediationPath } from '../model/remediation';
import { STEP_NUMBERS, type StepNumber } from '../model/product';
import { checkContext } from './context';
import { remediationItemScripts } from './remediation-scripts';
import {
  targetServer,
  type CheckedContext,
  type Script,
  type ScriptContext,
  type ScriptResult,
  type ScriptsResult,
} from './script';
import { poolStartScripts } from './pool-start-script';
import { stepScripts } from './step-scripts';
import { validateFqdn } from './validators';
import { verificationScript } from './verify-script';

/** Which script(s) to build for a server: a wizard step, a remediation checklist item, or verification. */
export type ScriptRequest =
  | { readonly kind: 'step'; readonly step: StepNumber }
  | { readonly kind: 'remediation'; readonly path: RemediationPath; readonly item: ChecklistItemId }
  | { readonly kind: 'verify' }
  /** The first start of the server's Enterprise pool, of the members named (default: all of them); none for other pools. */
  | { readonly kind: 'pool-start'; readonly servers?: readonly string[] };

/** Every request the app can make for one server: Steps 1–4, each item of paths A, B and C, verification. */
export function scriptRequests(): ScriptRequest[] {
  return [
    ...STEP_NUMBERS.map((step): ScriptRequest => ({ kind: 'step', step })),
    ...REMEDIATION_PATHS.flatMap((path) =>
      checklistOf(path).map((item): ScriptRequest => ({ kind: 'remediation', path, item: item.id })),
    ),
    { kind: 'verify' },
    { kind: 'pool-start' },
  ];
}

/** The script(s) for one request on one server, from a context already checked. */
export function buildChecked(ctx: CheckedContext, fqdn: string, request: ScriptRequest): ScriptsResult {
  const checked = validateFqdn(fqdn, 'The server');
  if (!checked.ok) return { ok: false, errors: [checked.error] };
  const server = targetServer(ctx, checked.value);
  if (typeof server === 'string') return { ok: false, errors: [server] };
  if (request.kind === 'step') return stepScripts(ctx, server, request.step);
  if (request.kind === 'remediation') return remediationItemScripts(ctx, server, request.path, request.item);
  if (request.kind === 'pool-start') return poolStartScripts(ctx, server, request.servers);
  return { ok: true, scripts: [verificationScript(ctx, server)] };
}

/**
 * The script(s) for one request on one server, in the order to run them (an Edge Server's file route is
 * two: export on an internal server, import on the Edge). Every value is validated first; on any problem
 * no script is built and every message is returned.
 */
export function buildScripts(context: ScriptContext, server: string, request: ScriptRequest): ScriptsResult {
  const checked = checkContext(context);
  if (!checked.ok) return checked;
  return buildChecked(checked.value, server, request);
}

/** The verification script for one server (one line of JSON as evidence), or why it cannot be built. */
export function buildVerificationScript(context: ScriptContext, server: string): ScriptResult {
  const result = buildScripts(context, server, { kind: 'verify' });
  if (!result.ok) return result;
  const [script] = result.scripts;
  return script === undefined ? { ok: false, errors: ['No verification script was built.'] } : { ok: true, script };
}

/**
 * Every script the app can generate for a deployment: each server × each request, each script once
 * (a verification script shared by paths A and B appears once per server). Any problem stops it all.
 */
export function allScripts(context: ScriptContext): ScriptsResult {
  const checked = checkContext(context);
  if (!checked.ok) return checked;
  const scripts: Script[] = [];
  const errors: string[] = [];
  for (const server of checked.value.deployment.servers) {
    for (const request of scriptRequests()) {
      const result = buildChecked(checked.value, server.fqdn, request);
      if (!result.ok) {
        errors.push(...result.errors.filter((e) => !errors.includes(e)));
        continue;
      }
      for (const script of result.scripts) {
        if (!scripts.some((s) => s.target === script.target && s.id === script.id)) scripts.push(script);
      }
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, scripts };
}
