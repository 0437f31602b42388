import { makeStyles, tokens } from '@fluentui/react-components';
import type { BlockedVerdict } from '../../core/gate/gate';
import { shortName } from '../../core/model/fqdn';
import { durationWords, epochMs } from '../../core/model/time';
import { TimeText } from './time-text';

const useStyles = makeStyles({
  list: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: `${tokens.spacingVerticalXS} 0`,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0 },
});

/**
 * The two times that prove a server blocked, one labelled line each, and the gap between them: when
 * its local store was copied (Step 1), and when the certificate was assigned, after it.
 */
export function BlockedTimes(props: { gate: BlockedVerdict; timeZone: string }) {
  const styles = useStyles();
  const { gate, timeZone } = props;
  return (
    <div role="group" aria-label="Why it is blocked: the two times">
      <dl className={styles.list}>
        <dt className={styles.term}>Local store copied</dt>
        <dd className={styles.value}>
          {gate.step1At === null ? (
            'never (Step 1 has not run here)'
          ) : (
            <>
              <TimeText iso={gate.step1At} timeZone={timeZone} withSeconds /> (Step 1 on this server)
            </>
          )}
        </dd>
        <dt className={styles.term}>Certificate assigned</dt>
        <dd className={styles.value}>
          <TimeText iso={gate.assignedAt} timeZone={timeZone} withSeconds /> on {shortName(gate.assignedOn)}
        </dd>
        {gate.step1At !== null && (
          <>
            <dt className={styles.term}>Gap</dt>
            <dd className={styles.value}>
              the copy is {durationWords(epochMs(gate.assignedAt) - epochMs(gate.step1At))} older than the assignment
            </dd>
          </>
        )}
      </dl>
    </div>
  );
}
