import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import {
  ArrowSyncCircleRegular,
  CheckmarkCircleFilled,
  CircleRegular,
  QuestionCircleRegular,
} from '@fluentui/react-icons';
import type { ReplicationState } from '../../../core/evidence';
import { formatShortTime, formatTime, zoneName } from '../../format';

/** What the CMS master's record says of a server's local store, as the dashboard shows it. */
export type ReplicationKind = 'up-to-date' | 'not-up-to-date' | 'unreadable' | 'not-read';

/** A replication cell's content, from the server's latest recorded state (or none). */
export interface ReplicationModel {
  readonly kind: ReplicationKind;
  /** "Up to date", "Not up to date", "Not read yet". */
  readonly state: string;
  /** "last update 14 Mar 10:20 UTC"; null when nothing was read. */
  readonly last: string | null;
  /** "read 14 Mar 11:00 UTC": when the paste that showed it was recorded; null when nothing was read. */
  readonly read: string | null;
  /** The same facts in full, for assistive technology and the title. */
  readonly label: string;
}

const SOURCES: Readonly<Record<ReplicationState['source'], string>> = {
  'replication-status': 'a pasted Get-CsManagementStoreReplicationStatus',
  'verification-json': "the verification script's output",
};

/** The cell of a server's replication state; `state` null when no recorded paste shows it. */
export function replicationModel(state: ReplicationState | null, timeZone: string): ReplicationModel {
  if (state === null)
    return {
      kind: 'not-read',
      state: 'Not read yet',
      last: null,
      read: null,
      label: 'Replication not read yet: no recorded paste shows this server’s replication state',
    };
  const kind: ReplicationKind =
    state.upToDate === null ? 'unreadable' : state.upToDate ? 'up-to-date' : 'not-up-to-date';
  const words = { 'up-to-date': 'Up to date', 'not-up-to-date': 'Not up to date', unreadable: 'UpToDate unreadable' }[
    kind
  ];
  const zoned = (iso: string, short: boolean) =>
    `${short ? formatShortTime(iso, timeZone) : formatTime(iso, timeZone)} ${zoneName(iso, timeZone)}`;
  const update = state.lastUpdate;
  const last =
    update === null
      ? 'no update taken yet'
      : 'iso' in update
        ? `last update ${zoned(update.iso, true)}`
        : `last update “${update.printed}” (as printed)`;
  const lastInFull =
    update === null
      ? 'no update taken yet (LastUpdateCreation empty)'
      : 'iso' in update
        ? `last update ${zoned(update.iso, false)}`
        : `last update “${update.printed}”, a date that could not be read as one moment`;
  return {
    kind,
    state: words,
    last,
    read: `read ${zoned(state.readAt, true)}`,
    label: `Replication: ${words.toLowerCase()}, ${lastInFull}, as the CMS master records it; read ${zoned(state.readAt, false)} from ${SOURCES[state.source]}`,
  };
}

/** The same cell: compared by value, so a paste that changes nothing here does not draw the row again. */
export function sameReplication(a: ReplicationModel, b: ReplicationModel): boolean {
  return a.kind === b.kind && a.label === b.label && a.last === b.last && a.read === b.read;
}

const useStyles = makeStyles({
  cell: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  line: { display: 'block' },
  // Each part stays whole; the line may break between them where the column is narrow.
  part: { whiteSpace: 'nowrap' },
  upToDate: { color: tokens.colorNeutralForeground1 },
  upToDateIcon: { color: tokens.colorPaletteGreenForeground1 },
  notUpToDate: { color: tokens.colorStatusWarningForeground2 },
  strong: { fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
  read: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, whiteSpace: 'nowrap' },
  icon: { fontSize: '16px', verticalAlign: 'text-bottom', marginRight: tokens.spacingHorizontalXS },
});

const ICONS: Record<ReplicationKind, React.ComponentType<{ className?: string }>> = {
  'up-to-date': CheckmarkCircleFilled,
  'not-up-to-date': ArrowSyncCircleRegular,
  unreadable: QuestionCircleRegular,
  'not-read': CircleRegular,
};

/**
 * A server's replication state: icon, words and the two times; the words alone carry it. Compact (under
 * the server's name on a narrow window) it leaves out the line of when it was read, which its title
 * and the words for assistive technology still say.
 */
export function ReplicationCell(props: { model: ReplicationModel; compact?: boolean; className?: string }) {
  const { model, compact = false, className } = props;
  const styles = useStyles();
  const Icon = ICONS[model.kind];
  const tone =
    model.kind === 'up-to-date' ? styles.upToDate : model.kind === 'not-up-to-date' ? styles.notUpToDate : styles.muted;
  // Plain text between the parts, so the line breaks only between them and reads whole when copied.
  return (
    <span className={mergeClasses(styles.cell, className)} title={model.label} data-replication={model.kind}>
      <span className={mergeClasses(styles.line, tone)} aria-hidden>
        <Icon className={mergeClasses(styles.icon, model.kind === 'up-to-date' && styles.upToDateIcon)} />
        <span className={mergeClasses(styles.part, model.kind === 'not-up-to-date' && styles.strong)}>
          {model.state}
          {model.last !== null && ' ·'}
        </span>
        {model.last !== null && (
          <>
            {' '}
            <span className={styles.part}>{model.last}</span>
          </>
        )}
      </span>
      {model.read !== null && !compact && (
        <>
          {' '}
          <span className={styles.read} aria-hidden>
            {model.read}
          </span>
        </>
      )}{' '}
      <span className="visually-hidden">{model.label}</span>
    </span>
  );
}
