/** What every checklist item's script shares: its id and title, and how it is made. */
import { checklistItem, itemPosition, type ChecklistItemId, type RemediationPath } from '../model/remediation';
import type { Server } from '../model/deployment';
import type { Fragment } from './render';
import { makeScript, type CheckedContext, type Header, type ScriptsResult } from './script';

/** The id and title of a checklist item's script, e.g. "A-import" and "Path A, item 2 of 3: …". */
export function naming(path: RemediationPath, item: ChecklistItemId): { id: string; title: string } {
  const { index, count } = itemPosition(path, item);
  const title = checklistItem(path, item)?.title ?? item;
  return { id: `${path}-${item}`, title: `Path ${path}, item ${index + 1} of ${count}: ${title}` };
}

/** The script of one checklist item, about `target`, run on `runOn`; every checklist script may run again. */
export function itemScript(
  ctx: CheckedContext,
  name: { readonly id: string; readonly title: string },
  target: Server,
  runOn: Server,
  header: Omit<Header, 'title' | 'rerunnable'>,
  body: Fragment,
): ScriptsResult {
  const full: Header = { ...header, title: name.title, rerunnable: true };
  return {
    ok: true,
    scripts: [makeScript(ctx, { id: name.id, target: target.fqdn, server: runOn.fqdn, header: full }, body)],
  };
}
