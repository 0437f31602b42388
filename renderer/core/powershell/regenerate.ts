/**
 * A copied script built again from what it was built for, to tell whether the text a history holds is
 * the text this version generates: the runbook is what the next admin copies from, so only a text the
 * generator makes is printed as runnable PowerShell.
 */
import type { OAuthAssignment } from '../gate/gate';
import { checklistItem, type ChecklistItemId, type RemediationPath } from '../model/remediation';
import type { Deployment } from '../model/deployment';
import { checkContext, type CheckedContextResult } from './context';
import { buildChecked, type ScriptRequest } from './scripts';
import type { ScriptOptions } from './script';

/** What a copy says about itself. */
export interface CopiedScript {
  readonly server?: string;
  readonly scriptId: string;
  readonly text: string;
  readonly request?: ScriptRequest;
  readonly options?: ScriptOptions;
}

/** The request a script id names, for copies recorded before requests were kept (default options). */
export function requestOfScriptId(id: string): ScriptRequest | null {
  // An Edge Server's file route is two scripts, "<id>-export" and "<id>-import".
  for (const candidate of [id, id.replace(/-(?:export|import)$/, '')]) {
    const step = /^step-([1-4])$/.exec(candidate);
    if (step !== null) return { kind: 'step', step: Number(step[1]) as 1 | 2 | 3 | 4 };
    if (candidate === 'verify') return { kind: 'verify' };
    if (candidate === 'pool-start') return { kind: 'pool-start' };
    const item = /^([ABC])-(.+)$/.exec(candidate);
    const path = item?.[1] as RemediationPath | undefined;
    const id = item?.[2] as ChecklistItemId | undefined;
    if (path !== undefined && id !== undefined && checklistItem(path, id) !== undefined)
      return { kind: 'remediation', path, item: id };
  }
  return null;
}

/** Tells, copy by copy, whether this version builds a copy's text; see matchesGenerated. */
export type ScriptMatcher = (
  copy: CopiedScript,
  deployment: Deployment | null,
  oauth: OAuthAssignment | null,
) => boolean;

/**
 * A matcher for the copies of one history: the context is checked once while the deployment and the
 * assignment stay the same objects (they change only with a topology update or the assignment).
 */
export function scriptMatcher(): ScriptMatcher {
  let last: {
    deployment: Deployment;
    oauth: OAuthAssignment | null;
    options: string;
    result: CheckedContextResult;
  } | null = null;
  const checked = (deployment: Deployment, oauth: OAuthAssignment | null, options: ScriptOptions | undefined) => {
    const key = JSON.stringify(options ?? null);
    if (last === null || last.deployment !== deployment || last.oauth !== oauth || last.options !== key) {
      const result = checkContext({ deployment, oauth, ...(options === undefined ? {} : { options }) });
      last = { deployment, oauth, options: key, result };
    }
    return last.result;
  };
  return (copy, deployment, oauth) => {
    if (deployment === null || copy.server === undefined) return false;
    const request = copy.request ?? requestOfScriptId(copy.scriptId);
    if (request === null) return false;
    const context = checked(deployment, oauth, copy.options);
    if (!context.ok) return false;
    const built = buildChecked(context.value, copy.server, request);
    return built.ok && built.scripts.some((s) => s.id === copy.scriptId && s.text === copy.text);
  };
}

/**
 * True when this version, given the deployment and assignment as they stood when the copy was made,
 * builds a script with the copy's id and exactly its text.
 */
export function matchesGenerated(
  copy: CopiedScript,
  deployment: Deployment | null,
  oauth: OAuthAssignment | null,
): boolean {
  return scriptMatcher()(copy, deployment, oauth);
}
