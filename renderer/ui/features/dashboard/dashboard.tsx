import { Button, makeStyles, mergeClasses, Select, Text, tokens } from '@fluentui/react-components';
import { memo, useCallback, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import type { ServerActor, ServerSnapshot } from '../../../core/machines/deployment.machine';
import { serverStatus, type ServerStatus } from '../../../core/machines/status';
import { POOL_KIND_LABELS, ROLE_LABELS, type Deployment, type ServerRole } from '../../../core/model/deployment';
import { sameFqdn } from '../../../core/model/fqdn';
import { PRODUCTS, STEP_NUMBERS } from '../../../core/model/product';
import { serverSnapshotOf } from '../../../core/session/refusal';
import type { Host } from '../../../host/host';
import { useDeployment, useServer, useServerActor } from '../../hooks';
import type { Workspace } from '../../workspace/workspace';
import { cellModel, StepCell, type CellModel } from './step-cell';

const useStyles = makeStyles({
  filters: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    marginBottom: tokens.spacingVerticalM,
  },
  filter: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  wrap: {
    overflowX: 'auto',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  table: { width: '100%', borderCollapse: 'collapse', fontSize: tokens.fontSizeBase300 },
  th: {
    textAlign: 'left',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightSemibold,
    whiteSpace: 'nowrap',
    position: 'sticky',
    top: 0,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  td: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    verticalAlign: 'middle',
  },
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
  cellButton: { minWidth: 'auto', padding: 0, height: 'auto', fontWeight: 'inherit', justifyContent: 'flex-start' },
  empty: { padding: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground2 },
});

/** The states the dashboard filters by. */
export type StateFilter = '' | 'attention' | 'in-progress' | 'not-started' | 'done';

/** Which rows the dashboard shows. */
export interface DashboardFilter {
  readonly pool: string;
  readonly role: ServerRole | '';
  readonly state: StateFilter;
}

const STATE_LABELS: Readonly<Record<Exclude<StateFilter, ''>, string>> = {
  attention: 'Needs attention (blocked)',
  'in-progress': 'In progress',
  'not-started': 'Not started',
  done: 'Done (services running)',
};

/** True when a server's state asks for the admin: blocked, or in a remediation. */
export function needsAttention(status: ServerStatus): boolean {
  return status.phase === 'blocked';
}

/** The filter state a server is in. */
export function stateOf(status: ServerStatus): Exclude<StateFilter, ''> {
  if (status.phase === 'blocked') return 'attention';
  if (status.phase === 'services-running') return 'done';
  return status.stepsDone === 0 ? 'not-started' : 'in-progress';
}

/** What one row shows: derived from the server's snapshot, compared by value. */
interface RowModel {
  readonly fqdn: string;
  readonly attention: boolean;
  readonly state: Exclude<StateFilter, ''>;
  readonly cells: readonly CellModel[];
}

function rowModel(snapshot: ServerSnapshot, timeZone: string): RowModel {
  const status = serverStatus(snapshot.value, snapshot.context);
  return {
    fqdn: status.fqdn,
    attention: needsAttention(status),
    state: stateOf(status),
    cells: STEP_NUMBERS.map((step) => cellModel(step, status, snapshot, timeZone)),
  };
}

function sameRow(a: RowModel, b: RowModel): boolean {
  return (
    a.fqdn === b.fqdn &&
    a.attention === b.attention &&
    a.state === b.state &&
    a.cells.every((c, i) => c.kind === b.cells[i]?.kind && c.text === b.cells[i]?.text && c.label === b.cells[i]?.label)
  );
}

interface RowProps {
  actor: ServerActor;
  pool: string;
  role: ServerRole;
  timeZone: string;
  filter: DashboardFilter;
  onOpen: (fqdn: string) => void;
  onKeyDown: (e: KeyboardEvent<HTMLButtonElement>) => void;
  onRender?: (fqdn: string) => void;
}

/** One server's row. It reads only its own server's machine, so a change elsewhere does not re-render it. */
const ServerRow = memo(function ServerRow({
  actor,
  pool,
  role,
  timeZone,
  filter,
  onOpen,
  onKeyDown,
  onRender,
}: RowProps) {
  const styles = useStyles();
  // Only what the row shows is selected, so a global fact that changes nothing here does not re-render it.
  const row = useServer(actor, (snapshot) => rowModel(snapshot, timeZone), sameRow);
  onRender?.(row.fqdn);
  if (filter.pool !== '' && !sameFqdn(filter.pool, pool)) return null;
  if (filter.role !== '' && filter.role !== role) return null;
  if (filter.state !== '' && filter.state !== row.state) return null;
  const open = () => onOpen(row.fqdn);
  return (
    <tr className={mergeClasses(styles.row, row.attention && styles.attention)}>
      <th scope="row" className={styles.td}>
        <Button
          appearance="transparent"
          className={styles.server}
          data-server-row
          onClick={open}
          onKeyDown={onKeyDown}
          aria-label={`${row.fqdn}, ${ROLE_LABELS[role]}: open`}
        >
          {row.fqdn}
        </Button>
      </th>
      <td className={mergeClasses(styles.td, styles.mono)}>{pool}</td>
      <td className={styles.td}>{ROLE_LABELS[role]}</td>
      {row.cells.map((model, i) => {
        const step = i + 1;
        return (
          <td key={step} className={styles.td}>
            {model.kind === 'blocked' || model.kind === 'remediation' || model.kind === 'waiting' ? (
              <Button appearance="transparent" className={styles.cellButton} onClick={open} tabIndex={-1}>
                <StepCell model={model} />
              </Button>
            ) : (
              <StepCell model={model} />
            )}
          </td>
        );
      })}
    </tr>
  );
});

/** Moves focus between rows with the arrow keys (Home/End too); Enter opens the row's server. */
function moveFocus(e: KeyboardEvent<HTMLButtonElement>): void {
  const keys: Record<string, number> = { ArrowDown: 1, ArrowUp: -1 };
  const all = Array.from(
    e.currentTarget.closest('table')?.querySelectorAll<HTMLButtonElement>('[data-server-row]') ?? [],
  );
  const index = all.indexOf(e.currentTarget);
  let target: HTMLButtonElement | undefined;
  if (e.key in keys) target = all[index + (keys[e.key] ?? 0)];
  else if (e.key === 'Home') target = all[0];
  else if (e.key === 'End') target = all[all.length - 1];
  else return;
  e.preventDefault();
  target?.focus();
}

/** Counts the rows the filter keeps (read only while a status filter is on). */
function useVisibleCount(workspace: Workspace, deployment: Deployment | null, filter: DashboardFilter): number {
  const version = useSyncExternalStore(workspace.subscribe, () =>
    filter.state !== '' ? workspace.session.history.length : 0,
  );
  return useMemo(() => {
    void version;
    if (deployment === null) return 0;
    const snapshot = workspace.session.snapshot();
    return deployment.servers.filter((s) => {
      if (filter.pool !== '' && !sameFqdn(filter.pool, s.pool)) return false;
      if (filter.role !== '' && filter.role !== s.role) return false;
      if (filter.state === '') return true;
      const snap = serverSnapshotOf(snapshot, s.fqdn);
      return snap !== undefined && stateOf(serverStatus(snap.value, snap.context)) === filter.state;
    }).length;
  }, [workspace, deployment, filter, version]);
}

/** The dashboard: a row per server, a column per wizard step, filters by pool, role and state. */
export function Dashboard({
  workspace,
  host,
  onOpenServer,
  onRowRender,
}: {
  workspace: Workspace;
  host: Host;
  onOpenServer: (fqdn: string) => void;
  onRowRender?: (fqdn: string) => void;
}) {
  const styles = useStyles();
  const deployment = useDeployment(workspace, (s) => s.context.deployment);
  const [filter, setFilter] = useState<DashboardFilter>({ pool: '', role: '', state: '' });
  const timeZone = host.timeZone();
  const onOpenRef = useRef(onOpenServer);
  onOpenRef.current = onOpenServer;
  const onOpen = useCallback((fqdn: string) => onOpenRef.current(fqdn), []);
  const visible = useVisibleCount(workspace, deployment, filter);
  if (deployment === null) return null;
  const product = PRODUCTS[deployment.product];
  const roles = [...new Set(deployment.servers.map((s) => s.role))];

  return (
    <section aria-labelledby="dashboard-title">
      <h2 id="dashboard-title" className="visually-hidden">
        Dashboard
      </h2>
      <div className={styles.filters} role="group" aria-label="Filter the servers">
        <div className={styles.filter}>
          <label htmlFor="filter-pool">Pool</label>
          <Select id="filter-pool" value={filter.pool} onChange={(_, d) => setFilter((f) => ({ ...f, pool: d.value }))}>
            <option value="">All pools</option>
            {deployment.pools.map((p) => (
              <option key={p.fqdn} value={p.fqdn}>
                {p.fqdn} ({POOL_KIND_LABELS[p.kind]})
              </option>
            ))}
          </Select>
        </div>
        <div className={styles.filter}>
          <label htmlFor="filter-role">Role</label>
          <Select
            id="filter-role"
            value={filter.role}
            onChange={(_, d) => setFilter((f) => ({ ...f, role: d.value as ServerRole | '' }))}
          >
            <option value="">All roles</option>
            {roles.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </Select>
        </div>
        <div className={styles.filter}>
          <label htmlFor="filter-state">State</label>
          <Select
            id="filter-state"
            value={filter.state}
            onChange={(_, d) => setFilter((f) => ({ ...f, state: d.value as StateFilter }))}
          >
            <option value="">All states</option>
            {Object.entries(STATE_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </div>
        <Text aria-live="polite">
          {visible} of {deployment.servers.length} servers
        </Text>
      </div>
      <div className={styles.wrap}>
        <table className={styles.table}>
          <caption className="visually-hidden">
            Servers and their Deployment Wizard steps. Use the arrow keys to move between servers and Enter to open one.
          </caption>
          <thead>
            <tr>
              <th scope="col" className={styles.th}>
                Server
              </th>
              <th scope="col" className={styles.th}>
                Pool
              </th>
              <th scope="col" className={styles.th}>
                Role
              </th>
              {STEP_NUMBERS.map((step) => (
                <th key={step} scope="col" className={styles.th} title={`Step ${step}: ${product.stepNames[step]}`}>
                  {step} {SHORT_STEP[step]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {deployment.servers.map((s) => (
              <Row
                key={s.fqdn}
                workspace={workspace}
                fqdn={s.fqdn}
                pool={s.pool}
                role={s.role}
                timeZone={timeZone}
                filter={filter}
                onOpen={onOpen}
                onRender={onRowRender}
              />
            ))}
          </tbody>
        </table>
        {visible === 0 && <Text className={styles.empty}>No server matches these filters.</Text>}
      </div>
    </section>
  );
}

const SHORT_STEP = { 1: 'Local store', 2: 'Components', 3: 'Certificates', 4: 'Services' } as const;

function Row(props: Omit<RowProps, 'actor' | 'onKeyDown'> & { workspace: Workspace; fqdn: string }) {
  const actor = useServerActor(props.workspace, props.fqdn);
  if (actor === undefined) return null;
  return (
    <ServerRow
      actor={actor}
      pool={props.pool}
      role={props.role}
      timeZone={props.timeZone}
      filter={props.filter}
      onOpen={props.onOpen}
      onKeyDown={moveFocus}
      onRender={props.onRender}
    />
  );
}
