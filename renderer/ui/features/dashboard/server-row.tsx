import { Button, Checkbox, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { memo, useRef, type KeyboardEvent } from 'react';
import { serverSnapshotOf } from '../../../core/machines/deployment.machine';
import type { ServerSnapshot } from '../../../core/machines/server.machine';
import { serverStatus } from '../../../core/machines/status';
import { ROLE_LABELS, type ServerRole } from '../../../core/model/deployment';
import { STEP_NUMBERS } from '../../../core/model/product';
import { useSession } from '../../hooks';
import type { Workspace } from '../../workspace/workspace';
import { needsAttention } from './dashboard-filter';
import { cellModel, StepCell, type CellModel } from './step-cell';

/**
 * Below this width the pool and role columns move under the server's name (the step columns stay
 * whole). At 1280 px, the desktop window's default, the sample's rows with their selection checkbox
 * are wider than the window, so the narrow layout starts just below a 1366 px screen.
 */
const NARROW = '@media (max-width: 1365px)';

/** The columns shown only on a wide window, and what stands in for them on a narrow one. */
export const useNarrowStyles = makeStyles({
  wideOnly: { [NARROW]: { display: 'none' } },
  narrowOnly: { display: 'none', [NARROW]: { display: 'block' } },
});

const useStyles = makeStyles({
  td: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    verticalAlign: 'middle',
  },
  // As narrow as the checkbox (its own margin is its padding): the step columns need the width.
  pick: { padding: `0 0 0 ${tokens.spacingHorizontalXS}`, width: '1px' },
  row: { ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover } },
  attention: { backgroundColor: tokens.colorPaletteRedBackground1 },
  server: {
    fontFamily: tokens.fontFamilyMonospace,
    fontWeight: tokens.fontWeightSemibold,
    minWidth: 'auto',
    padding: `0 ${tokens.spacingHorizontalXS}`,
    justifyContent: 'flex-start',
  },
  mono: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground2 },
  under: {
    paddingLeft: tokens.spacingHorizontalXS,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
  },
  cellButton: { minWidth: 'auto', padding: 0, height: 'auto', fontWeight: 'inherit', justifyContent: 'flex-start' },
});

/** What one row shows: derived from the server's snapshot, compared by value. */
interface RowModel {
  readonly fqdn: string;
  readonly attention: boolean;
  readonly cells: readonly CellModel[];
}

function rowModel(snapshot: ServerSnapshot, timeZone: string): RowModel {
  const status = serverStatus(snapshot);
  return {
    fqdn: status.fqdn,
    attention: needsAttention(status),
    cells: STEP_NUMBERS.map((step) => cellModel(step, status, snapshot, timeZone)),
  };
}

function sameRow(a: RowModel | null, b: RowModel | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.fqdn === b.fqdn &&
    a.attention === b.attention &&
    a.cells.every((c, i) => c.kind === b.cells[i]?.kind && c.text === b.cells[i]?.text && c.label === b.cells[i]?.label)
  );
}

/** What a row needs from the dashboard. */
export interface ServerRowProps {
  readonly workspace: Workspace;
  readonly fqdn: string;
  readonly pool: string;
  readonly role: ServerRole;
  readonly timeZone: string;
  /** The row's place among the rows the dashboard lists. */
  readonly index: number;
  /** Measures the rendered row (the dashboard renders only the rows in view). */
  readonly measure?: ((row: HTMLTableRowElement | null) => void) | undefined;
  readonly onOpen: (fqdn: string) => void;
  /** Whether the row is selected for a bulk step, and its checkbox changing that. */
  readonly selected: boolean;
  readonly onSelect: (fqdn: string, selected: boolean) => void;
  /** A key pressed on the row's button: the dashboard moves the focus (arrow keys, Home, End). */
  readonly onKey: (index: number, e: KeyboardEvent<HTMLElement>) => void;
  readonly onRender?: ((fqdn: string) => void) | undefined;
}

/** One server's row. It reads only its own server's machine, so a change elsewhere does not re-render it. */
export const ServerRow = memo(function ServerRow(props: ServerRowProps) {
  const { workspace, fqdn, pool, role, timeZone, index, measure, onOpen, onKey, onRender, selected, onSelect } = props;
  const styles = useStyles();
  const narrow = useNarrowStyles();
  // The row is worked out again only when this server's machine changed, and re-rendered only when
  // what it shows changed (a global fact that changes nothing here does not re-render it).
  const last = useRef<{ snapshot: ServerSnapshot; row: RowModel } | null>(null);
  const row = useSession(
    workspace,
    (view) => {
      const snapshot = serverSnapshotOf(view.snapshot, fqdn);
      if (snapshot === undefined) return null;
      if (last.current?.snapshot !== snapshot) last.current = { snapshot, row: rowModel(snapshot, timeZone) };
      return last.current.row;
    },
    sameRow,
  );
  if (row === null) return null;
  onRender?.(row.fqdn);
  const open = () => onOpen(row.fqdn);
  return (
    <tr
      ref={measure}
      data-index={index}
      aria-rowindex={index + 2}
      className={mergeClasses(styles.row, row.attention && styles.attention)}
    >
      <td className={mergeClasses(styles.td, styles.pick)}>
        <Checkbox
          checked={selected}
          onChange={(_, d) => onSelect(row.fqdn, d.checked === true)}
          aria-label={`Select ${row.fqdn}`}
        />
      </td>
      <th scope="row" className={styles.td}>
        <Button
          appearance="transparent"
          className={styles.server}
          data-server-row={row.fqdn}
          onClick={open}
          onKeyDown={(e) => onKey(index, e)}
          aria-label={`${row.fqdn}, ${ROLE_LABELS[role]}: open`}
        >
          {row.fqdn}
        </Button>
        <span className={mergeClasses(styles.under, narrow.narrowOnly)}>
          <span className={styles.mono}>{pool}</span> · {ROLE_LABELS[role]}
        </span>
      </th>
      <td className={mergeClasses(styles.td, styles.mono, narrow.wideOnly)}>{pool}</td>
      <td className={mergeClasses(styles.td, narrow.wideOnly)}>{ROLE_LABELS[role]}</td>
      {row.cells.map((model, i) => (
        <td key={i + 1} className={styles.td}>
          {model.kind === 'blocked' || model.kind === 'remediation' || model.kind === 'waiting' ? (
            <Button appearance="transparent" className={styles.cellButton} onClick={open} tabIndex={-1}>
              <StepCell model={model} />
            </Button>
          ) : (
            <StepCell model={model} />
          )}
        </td>
      ))}
    </tr>
  );
});
