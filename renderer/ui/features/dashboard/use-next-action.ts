import { nextAction, type NextAction } from '../../../core/machines/next-action';
import { useSession } from '../../hooks';
import type { Workspace } from '../../workspace/workspace';

function same(a: NextAction | null, b: NextAction | null): boolean {
  return a === b || (a !== null && b !== null && a.server === b.server && a.text === b.text && a.urgency === b.urgency);
}

/** The deployment's next recommended action, recomputed after every recorded event. */
export function useNextAction(workspace: Workspace): NextAction | null {
  return useSession(workspace, (v) => nextAction(v.snapshot), same);
}
