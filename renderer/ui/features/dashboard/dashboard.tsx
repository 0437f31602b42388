import {
  Button,
  Checkbox,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Text,
  tokens,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useRef, useState } from 'react';
import { POOL_KIND_LABELS, ROLE_LABELS } from '../../../core/model/deployment';
import { PRODUCTS, STEP_NUMBERS } from '../../../core/model/product';
import type { Host } from '../../../host/host';
import { FilterSelect } from '../../components/filter-select';
import { TableHead } from '../../components/table-head';
import { useSession } from '../../hooks';
import type { Workspace } from '../../workspace/workspace';
import { STATE_LABELS, type DashboardFilter, type StateFilter } from './dashboard-filter';
import { useKeptServers, useRowWindow } from './dashboard-rows';
import { BulkBar } from './bulk-bar';
import type { BulkOutcome } from './bulk-steps';
import { ServerRow, useLayoutStyles } from './server-row';

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
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightSemibold,
    whiteSpace: 'nowrap',
    position: 'sticky',
    top: 0,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  empty: { padding: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground2 },
  outcome: { marginBottom: tokens.spacingVerticalM },
  line: { display: 'block' },
});

/**
 * The dashboard: a row per server, a column per wizard step and one for its replication state, filters
 * by pool, role and state. Only the rows in view are rendered (dashboard-rows.ts); the table tells
 * assistive technology how many there are.
 * Servers selected (among those the filters keep) can have one step marked done together (bulk-bar.tsx).
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
  const layout = useLayoutStyles();
  const deployment = useSession(workspace, (v) => v.snapshot.context.deployment);
  const [filter, setFilter] = useState<DashboardFilter>({ pool: '', role: '', state: '' });
  const timeZone = host.timeZone();
  const onOpenRef = useRef(onOpenServer);
  onOpenRef.current = onOpenServer;
  const onOpen = useCallback((fqdn: string) => onOpenRef.current(fqdn), []);
  const kept = useKeptServers(workspace, filter);
  const rows = useRowWindow(kept);
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const onSelect = useCallback(
    (fqdn: string, on: boolean) =>
      setSelected((s) => {
        const next = new Set(s);
        if (on) next.add(fqdn);
        else next.delete(fqdn);
        return next;
      }),
    [],
  );
  // A bulk step acts on what is in view: the selected servers the filters keep.
  const chosen = kept.filter((s) => selected.has(s.fqdn)).map((s) => s.fqdn);
  const [outcome, setOutcome] = useState<BulkOutcome | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const selectAllRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // The bar the admin was in may close: the focus goes to what was recorded.
    if (outcome !== null) outcomeRef.current?.focus();
  }, [outcome]);
  if (deployment === null) return null;
  const columns = 5 + STEP_NUMBERS.length;
  const allShown = kept.length > 0 && chosen.length === kept.length;
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
        <Checkbox
          ref={selectAllRef}
          disabled={kept.length === 0}
          checked={allShown ? true : chosen.length > 0 ? 'mixed' : false}
          onChange={() =>
            setSelected((s) => {
              const next = new Set(s);
              for (const server of kept)
                if (allShown) next.delete(server.fqdn);
                else next.add(server.fqdn);
              return next;
            })
          }
          label={`Select the ${kept.length} shown`}
        />
      </div>
      {outcome !== null && (
        <div ref={outcomeRef} tabIndex={-1} className={styles.outcome}>
          <MessageBar intent={outcome.intent} role="status" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{outcome.title}</MessageBarTitle>
              {outcome.lines.map((line) => (
                <span key={line} className={styles.line}>
                  {line}
                </span>
              ))}
            </MessageBarBody>
            <MessageBarActions
              containerAction={
                <Button
                  appearance="transparent"
                  aria-label="Dismiss message"
                  icon={<DismissRegular />}
                  onClick={() => setOutcome(null)}
                />
              }
            />
          </MessageBar>
        </div>
      )}
      {chosen.length > 0 && (
        <BulkBar
          workspace={workspace}
          deployment={deployment}
          servers={chosen}
          timeZone={timeZone}
          onCancel={() => {
            setSelected(new Set());
            selectAllRef.current?.focus();
          }}
          onDone={(done) => {
            setOutcome(done);
            // Done with these: the bar closes, so a second click cannot mark their next step by mistake.
            // When nothing was recorded it stays, to try again.
            if (done.recorded) setSelected(new Set());
          }}
        />
      )}
      <div className={styles.wrap}>
        <table className={styles.table} aria-rowcount={kept.length + 1}>
          <caption className="visually-hidden">
            Servers, their Deployment Wizard steps and the replication of their local stores. Use the arrow keys to move
            between servers and Enter to open one.
          </caption>
          <TableHead
            className={styles.th}
            columns={[
              { hidden: 'Select' },
              'Server',
              // On a narrower window they move under the server's name, so the step columns stay whole (server-row.tsx).
              { text: 'Pool', className: layout.poolColumn },
              { text: 'Role', className: layout.poolColumn },
              ...STEP_NUMBERS.map((step) => ({
                text: `${step} ${SHORT_STEP[step]}`,
                title: `Step ${step}: ${product.stepNames[step]}`,
              })),
              // Last, so the step columns keep their places; like Topology › Status in the Control Panel.
              {
                text: 'Replication',
                title:
                  'Replication of each local store, as the CMS master records it: the latest recorded Get-CsManagementStoreReplicationStatus or verification script output',
                className: layout.replicationColumn,
              },
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
                  selected={selected.has(s.fqdn)}
                  onSelect={onSelect}
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
