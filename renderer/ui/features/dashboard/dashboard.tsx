import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useCallback, useRef, useState } from 'react';
import { POOL_KIND_LABELS, ROLE_LABELS } from '../../../core/model/deployment';
import { PRODUCTS, STEP_NUMBERS } from '../../../core/model/product';
import type { Host } from '../../../host/host';
import { FilterSelect } from '../../components/filter-select';
import { TableHead } from '../../components/table-head';
import { useSession } from '../../hooks';
import type { Workspace } from '../../workspace/workspace';
import { STATE_LABELS, type DashboardFilter, type StateFilter } from './dashboard-filter';
import { useKeptServers, useRowWindow } from './dashboard-rows';
import { ServerRow, useNarrowStyles } from './server-row';

const useStyles = makeStyles({
  filters: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    marginBottom: tokens.spacingVerticalM,
  },
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
  empty: { padding: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground2 },
});

/**
 * The dashboard: a row per server, a column per wizard step, filters by pool, role and state. Only the
 * rows in view are rendered (dashboard-rows.ts); the table tells assistive technology how many there are.
 */
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
  const narrow = useNarrowStyles();
  const deployment = useSession(workspace, (v) => v.snapshot.context.deployment);
  const [filter, setFilter] = useState<DashboardFilter>({ pool: '', role: '', state: '' });
  const timeZone = host.timeZone();
  const onOpenRef = useRef(onOpenServer);
  onOpenRef.current = onOpenServer;
  const onOpen = useCallback((fqdn: string) => onOpenRef.current(fqdn), []);
  const kept = useKeptServers(workspace, filter);
  const rows = useRowWindow(kept);
  if (deployment === null) return null;
  const columns = 3 + STEP_NUMBERS.length;
  const product = PRODUCTS[deployment.product];
  const roles = [...new Set(deployment.servers.map((s) => s.role))];

  return (
    <section aria-labelledby="dashboard-title">
      <h2 id="dashboard-title" className="visually-hidden">
        Dashboard
      </h2>
      <div className={styles.filters} role="group" aria-label="Filter the servers">
        <FilterSelect
          id="filter-pool"
          label="Pool"
          value={filter.pool}
          all="All pools"
          options={deployment.pools.map((p) => ({ value: p.fqdn, label: `${p.fqdn} (${POOL_KIND_LABELS[p.kind]})` }))}
          onChange={(pool) => setFilter((f) => ({ ...f, pool }))}
        />
        <FilterSelect
          id="filter-role"
          label="Role"
          value={filter.role}
          all="All roles"
          options={roles.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
          onChange={(role) => setFilter((f) => ({ ...f, role }))}
        />
        <FilterSelect
          id="filter-state"
          label="State"
          value={filter.state}
          all="All states"
          options={Object.entries(STATE_LABELS).map(([value, label]) => ({ value: value as StateFilter, label }))}
          onChange={(state) => setFilter((f) => ({ ...f, state }))}
        />
        <Text aria-live="polite">
          {kept.length} of {deployment.servers.length} servers
        </Text>
      </div>
      <div className={styles.wrap}>
        <table className={styles.table} aria-rowcount={kept.length + 1}>
          <caption className="visually-hidden">
            Servers and their Deployment Wizard steps. Use the arrow keys to move between servers and Enter to open one.
          </caption>
          <TableHead
            className={styles.th}
            columns={[
              'Server',
              // Below 1280 px wide they move under the server's name, so the step columns stay whole.
              { text: 'Pool', className: narrow.wideOnly },
              { text: 'Role', className: narrow.wideOnly },
              ...STEP_NUMBERS.map((step) => ({
                text: `${step} ${SHORT_STEP[step]}`,
                title: `Step ${step}: ${product.stepNames[step]}`,
              })),
            ]}
          />
          <tbody ref={rows.body}>
            {rows.before > 0 && <Spacer height={rows.before} columns={columns} />}
            {rows.items.map((item) => {
              const s = kept[item.index]!;
              return (
                <ServerRow
                  key={s.fqdn}
                  index={item.index}
                  measure={rows.measure}
                  workspace={workspace}
                  fqdn={s.fqdn}
                  pool={s.pool}
                  role={s.role}
                  timeZone={timeZone}
                  onOpen={onOpen}
                  onKey={rows.onRowKey}
                  onRender={onRowRender}
                />
              );
            })}
            {rows.after > 0 && <Spacer height={rows.after} columns={columns} />}
          </tbody>
        </table>
        {kept.length === 0 && <Text className={styles.empty}>No server matches these filters.</Text>}
      </div>
    </section>
  );
}

const SHORT_STEP = { 1: 'Local store', 2: 'Components', 3: 'Certificates', 4: 'Services' } as const;

/** The height of the rows not rendered, above or below those that are. */
function Spacer({ height, columns }: { height: number; columns: number }) {
  return (
    <tr aria-hidden="true" style={{ height }}>
      <td colSpan={columns} style={{ padding: 0, border: 0 }} />
    </tr>
  );
}
