import { Button, Checkbox, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { memo, useRef, type KeyboardEvent } from 'react';
import { replicationView, type ReplicationState } from '../../../core/evidence';
import { serverSnapshotOf } from '../../../core/machines/deployment.machine';
import type { ServerSnapshot } from '../../../core/machines/server.machine';
import { serverStatus } from '../../../core/machines/status';
import { ROLE_LABELS, type ServerRole } from '../../../core/model/deployment';
import { normalizeFqdn } from '../../../core/model/fqdn';
import { STEP_NUMBERS } from '../../../core/model/product';
import { useSession } from '../../hooks';
import type { Workspace } from '../../workspace/workspace';
import { BlockedCell } from './blocked-cell';
import { needsAttention } from './dashboard-filter';
import { ReplicationCell, replicationModel, sameReplication, type ReplicationModel } from './replication-cell';
import { cellModel, sameCell, StepCell, type CellModel } from './step-cell';

/**
 * The step columns stay whole at every width; what else a row shows moves under the server's name
 * where the window is too narrow for its column. Below 1680 px the pool and role go there (with them
 * as columns the sample's rows need about 1650 px), which leaves room for the replication column down
 * to 1280 px, the desktop window's default, where it wraps; below that the replication state goes
 * under the name too, without the line of when it was read (its title says it).
 */
const MEDIUM = '@media (max-width: 1679px)';
const NARROW = '@media (max-width: 1279px)';

/** The columns shown only where there is room for them, and what stands in for them under the name. */
export const useLayoutStyles = makeStyles({
  poolColumn: { [MEDIUM]: { display: 'none' } },
  poolUnder: { display: 'none', [MEDIUM]: { display: 'block' } },
  replicationColumn: { [NARROW]: { display: 'none' } },
  replicationUnder: { display: 'none', [NARROW]: { display: 'flex' } },
});

const useStyles = makeStyles({
  td: {
    // Narrow gutters: at 1366 px the row with its replication column only just fits (dashboard.tsx's th match).
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
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
  nowrap: { whiteSpace: 'nowrap' },
  cellButton: { minWidth: 'auto', padding: 0, height: 'auto', fontWeight: 'inherit', justifyContent: 'flex-start' },
});

/** What one row shows: derived from the server's snapshot and its replication state, compared by value. */
interface RowModel {
  readonly fqdn: string;
  readonly attention: boolean;
  readonly cells: readonly CellModel[];
  readonly replication: ReplicationModel;
}

function rowModel(snapshot: ServerSnapshot, replication: ReplicationState | null, timeZone: string): RowModel {
  const status = serverStatus(snapshot);
  return {
    fqdn: status.fqdn,
    attention: needsAttention(status),
    cells: STEP_NUMBERS.map((step) => cellModel(step, status, snapshot, timeZone)),
    replication: replicationModel(replication, timeZone),
  };
}

function sameRow(a: RowModel | null, b: RowModel | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.fqdn === b.fqdn &&
    a.attention === b.attention &&
    a.cells.every((c, i) => sameCell(c, b.cells[i])) &&
    sameReplication(a.replication, b.replication)
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
  const layout = useLayoutStyles();
  // The row is worked out again only when this server's machine or its replication state changed
  // (the view of every server's is worked out once per event, core/evidence/replication-view.ts), and
  // re-rendered only when what it shows changed (a global fact that changes nothing here does not
  // re-render it, nor a paste that lists this server as it already was).
  const last = useRef<{ snapshot: ServerSnapshot; replication: ReplicationState | null; row: RowModel } | null>(null);
  const row = useSession(
    workspace,
    (view) => {
      const snapshot = serverSnapshotOf(view.snapshot, fqdn);
      if (snapshot === undefined) return null;
      const replication = replicationView(view.history).get(normalizeFqdn(fqdn)) ?? null;
      if (last.current?.snapshot !== snapshot || last.current.replication !== replication)
        last.current = { snapshot, replication, row: rowModel(snapshot, replication, timeZone) };
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
        <span className={mergeClasses(styles.under, layout.poolUnder)}>
          <span className={styles.mono}>{pool}</span> · <span className={styles.nowrap}>{ROLE_LABELS[role]}</span>
        </span>
        <ReplicationCell
          model={row.replication}
          compact
          className={mergeClasses(styles.under, layout.replicationUnder)}
        />
      </th>
      <td className={mergeClasses(styles.td, styles.mono, layout.poolColumn)}>{pool}</td>
      <td className={mergeClasses(styles.td, styles.nowrap, layout.poolColumn)}>{ROLE_LABELS[role]}</td>
      {row.cells.map((model, i) => (
        <td key={i + 1} className={styles.td}>
          {model.gate !== undefined ? (
            <BlockedCell
              model={model}
              gate={model.gate}
              fqdn={row.fqdn}
              timeZone={timeZone}
              onOpen={onOpen}
              className={styles.cellButton}
            />
          ) : model.kind === 'blocked' || model.kind === 'remediation' || model.kind === 'waiting' ? (
            <Button appearance="transparent" className={styles.cellButton} onClick={open} tabIndex={-1}>
              <StepCell model={model} />
            </Button>
          ) : (
            <StepCell model={model} />
          )}
        </td>
      ))}
      <td className={mergeClasses(styles.td, layout.replicationColumn)}>
        <ReplicationCell model={row.replication} />
      </td>
    </tr>
  );
});
