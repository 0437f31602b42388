/**
 * Which servers the dashboard lists, and the window of them it renders: a deployment of thousands of
 * servers renders only the rows in view (and a few either side), and moving the keyboard focus past
 * the rendered rows scrolls the next one in first.
 */
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { serverSnapshotOf } from '../../../core/machines/deployment.machine';
import { serverStatus } from '../../../core/machines/status';
import type { Server } from '../../../core/model/deployment';
import { useSession } from '../../hooks';
import type { Workspace } from '../../workspace/workspace';
import { keeps, stateOf, type DashboardFilter } from './dashboard-filter';

/** A row's height before it is measured (one line of text in a cell). */
const ESTIMATED_ROW_PX = 41;
/** Rows rendered beyond the window's edges, so scrolling shows rows already drawn. */
const OVERSCAN = 8;

function sameServers(a: readonly Server[], b: readonly Server[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

/**
 * The servers the filter keeps, in topology order; a new list only when the kept servers change. Their
 * states are read only while a state filter is on.
 */
export function useKeptServers(workspace: Workspace, filter: DashboardFilter): readonly Server[] {
  return useSession(
    workspace,
    (view) => {
      const deployment = view.snapshot.context.deployment;
      if (deployment === null) return [];
      return deployment.servers.filter((s) => {
        if (filter.state === '') return keeps(filter, s, 'done');
        const snapshot = serverSnapshotOf(view.snapshot, s.fqdn);
        return snapshot !== undefined && keeps(filter, s, stateOf(serverStatus(snapshot)));
      });
    },
    sameServers,
  );
}

/** Where keyboard focus goes from a row: the row's index and the key pressed; null for a key that does not move. */
export function focusTarget(index: number, key: string, count: number): number | null {
  if (count === 0) return null;
  if (key === 'ArrowDown') return Math.min(index + 1, count - 1);
  if (key === 'ArrowUp') return Math.max(index - 1, 0);
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return null;
}

/** The rows to render (with the space above and below them), and the keys that move the focus between rows. */
export function useRowWindow(servers: readonly Server[]) {
  const body = useRef<HTMLTableSectionElement>(null);
  const [margin, setMargin] = useState(0);
  const virtualizer = useWindowVirtualizer({
    count: servers.length,
    estimateSize: () => ESTIMATED_ROW_PX,
    overscan: OVERSCAN,
    scrollMargin: margin,
    getItemKey: (index) => servers[index]?.fqdn ?? index,
    // A row's height as laid out; one not laid out (hidden, or no layout at all) keeps the estimate.
    measureElement: (row) => Math.round(row.getBoundingClientRect().height) || ESTIMATED_ROW_PX,
    // Before the window is measured (and where nothing is laid out): a window of a common screen's height.
    initialRect: { width: 1280, height: 800 },
  });
  // The table's distance from the top of the page, which the window's scroll offset includes. Read
  // after every render (what is above the table changes with it); set only when it moved, so it settles.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useLayoutEffect(() => {
    const top = body.current ? body.current.getBoundingClientRect().top + window.scrollY : 0;
    if (Math.abs(top - margin) > 1) setMargin(top);
  });

  // A focus asked for a row not rendered yet: given once the row is there.
  const pending = useRef<string | null>(null);
  const givePending = useCallback(() => {
    const fqdn = pending.current;
    if (fqdn === null || body.current === null) return;
    const button = [...body.current.querySelectorAll<HTMLElement>('[data-server-row]')].find(
      (b) => b.dataset.serverRow === fqdn,
    );
    if (button === undefined) return;
    pending.current = null;
    button.focus();
  }, []);
  useLayoutEffect(givePending);
  const serversRef = useRef(servers);
  serversRef.current = servers;
  const onRowKey = useCallback(
    (index: number, e: KeyboardEvent<HTMLElement>) => {
      const target = focusTarget(index, e.key, serversRef.current.length);
      const server = target === null ? undefined : serversRef.current[target];
      if (target === null || server === undefined) return;
      e.preventDefault();
      pending.current = server.fqdn;
      virtualizer.scrollToIndex(target, { align: 'auto' });
      givePending();
    },
    [virtualizer, givePending],
  );

  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items[items.length - 1];
  return {
    body,
    items,
    /** Space above the first rendered row and below the last, so the page scrolls as if all were there. */
    before: first ? first.start - margin : 0,
    after: last ? virtualizer.getTotalSize() - (last.end - margin) : 0,
    /** Measures a rendered row (heights differ when a cell wraps). */
    measure: virtualizer.measureElement,
    /** A key pressed on a row's button: the arrows, Home and End move the focus (scrolling the row in). */
    onRowKey,
  };
}
