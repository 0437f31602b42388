import { Badge, Button, Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import { ArrowSortRegular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import type { DomainEventType } from '../../../core/events/schema';
import { recordedLater } from '../../../core/events/times';
import { timelineEntries } from '../../../core/runbook';
import type { Host } from '../../../host/host';
import { FilterSelect } from '../../components/filter-select';
import { TableHead } from '../../components/table-head';
import { TimeText } from '../../components/time-text';
import { useSession } from '../../hooks';
import type { Workspace } from '../../workspace/workspace';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalL,
    alignItems: 'center',
    marginBottom: tokens.spacingVerticalM,
  },
  wrap: {
    overflowX: 'auto',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  table: { width: '100%', borderCollapse: 'collapse' },
  th: {
    textAlign: 'left',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    color: tokens.colorNeutralForeground2,
    whiteSpace: 'nowrap',
  },
  td: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    verticalAlign: 'top',
  },
  when: { whiteSpace: 'nowrap' },
  mono: { fontFamily: tokens.fontFamilyMonospace },
  detail: {
    display: 'block',
    color: tokens.colorNeutralForeground2,
    marginTop: tokens.spacingVerticalXXS,
    whiteSpace: 'pre-wrap',
  },
});

const KIND_LABELS: Partial<Record<DomainEventType, string>> = {
  'step.completed': 'Steps',
  'oauth.assigned': 'OAuth assignment',
  'oauth.thumbprint.recorded': 'OAuth assignment',
  'remediation.chosen': 'Remediation',
  'remediation.item.completed': 'Remediation',
  'evidence.accepted': 'Evidence',
  'evidence.rejected': 'Evidence',
  'override.recorded': 'Overrides',
  'script.copied': 'Scripts copied',
  'deployment.created': 'Topology',
  'topology.updated': 'Topology',
};

/**
 * Every event with when it happened (and when it was recorded, where later), operator, server and
 * details; by when it happened, newest or oldest first; filterable by server and kind.
 */
export function Timeline({
  workspace,
  host,
  onOpenServer,
}: {
  workspace: Workspace;
  host: Host;
  onOpenServer: (fqdn: string) => void;
}) {
  const styles = useStyles();
  const view = useSession(workspace, (v) => v);
  const entries = useMemo(() => timelineEntries(view.history, view.facts), [view]);
  const [newestFirst, setNewestFirst] = useState(true);
  const [server, setServer] = useState('');
  const [kind, setKind] = useState('');
  const timeZone = host.timeZone();
  const servers = useMemo(
    () => [...new Set(entries.map((e) => e.server).filter((s): s is string => s !== null))].sort(),
    [entries],
  );
  const kinds = [...new Set(Object.values(KIND_LABELS))];
  const shown = entries.filter(
    (e) => (server === '' || e.server === server) && (kind === '' || KIND_LABELS[e.kind] === kind),
  );
  if (newestFirst) shown.reverse();

  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title" className="visually-hidden">
        Timeline
      </h2>
      <div className={styles.bar} role="group" aria-label="Filter the timeline">
        <FilterSelect
          id="timeline-server"
          label="Server"
          value={server}
          all="All servers"
          options={servers.map((s) => ({ value: s, label: s }))}
          onChange={setServer}
        />
        <FilterSelect
          id="timeline-kind"
          label="Kind"
          value={kind}
          all="Everything"
          options={kinds.map((k) => ({ value: k, label: k }))}
          onChange={setKind}
        />
        <Button icon={<ArrowSortRegular />} onClick={() => setNewestFirst((v) => !v)}>
          {newestFirst ? 'Newest first' : 'Oldest first'}
        </Button>
        <Text aria-live="polite">
          {shown.length} of {entries.length} events
        </Text>
      </div>
      <div className={styles.wrap}>
        <table className={styles.table}>
          <TableHead className={styles.th} columns={['Happened', 'Operator', 'Server', 'What happened']} />
          <tbody>
            {shown.map((e) => (
              <tr key={e.seq}>
                <td className={`${styles.td} ${styles.when}`}>
                  <TimeText iso={e.at} timeZone={timeZone} />
                  {recordedLater(e) && (
                    <span className={styles.detail}>
                      recorded <TimeText iso={e.recordedAt} timeZone={timeZone} />{' '}
                      {e.backDated && (
                        <Badge color="warning" appearance="tint">
                          back-dated
                        </Badge>
                      )}
                    </span>
                  )}
                </td>
                <td className={styles.td}>{e.operator}</td>
                <td className={`${styles.td} ${styles.mono}`}>
                  {e.server ? <Link onClick={() => onOpenServer(e.server!)}>{e.server}</Link> : '—'}
                </td>
                <td className={styles.td}>
                  {e.summary}{' '}
                  {e.verdict && (
                    <Badge color={e.verdict === 'accepted' ? 'success' : 'danger'} appearance="tint">
                      {e.verdict}
                    </Badge>
                  )}
                  {e.detail && <span className={styles.detail}>{e.detail}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
