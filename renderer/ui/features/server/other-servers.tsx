import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Text, tokens } from '@fluentui/react-components';
import { CheckmarkCircleRegular, DismissCircleRegular } from '@fluentui/react-icons';
import type { CoveredServer, OtherServers } from '../../../core/evidence';
import { describeProof } from '../../../core/runbook';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: '4px' },
  item: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start' },
  proved: { color: tokens.colorPaletteGreenForeground1, flexShrink: 0, marginTop: '2px' },
  notProved: { color: tokens.colorPaletteRedForeground1, flexShrink: 0, marginTop: '2px' },
});

/** What one other server's verdict says, in a line. */
export function coveredWords(c: CoveredServer): string {
  const v = c.judgement.verdict;
  return v.accepted
    ? `${c.server}: proved (${describeProof(v.proof)}); its Step 3 can go ahead.`
    : `${c.server}: not proved. ${v.message}`;
}

/**
 * The other servers waiting for evidence that a paste lists (a replication status of the whole
 * deployment), each with the verdict it will get when the paste is recorded: nothing moves unseen.
 */
export function OtherServersCovered(props: { others: OtherServers }) {
  const styles = useStyles();
  const { covered, note } = props.others;
  if (covered.length === 0 && note === null) return null;
  return (
    <MessageBar intent={note === null ? 'info' : 'warning'} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>
          {note === null
            ? `This paste also lists ${covered.length === 1 ? 'another server' : `${covered.length} other servers`} waiting for evidence`
            : 'The other servers it lists are not judged'}
        </MessageBarTitle>
        {note ?? (
          <>
            <Text
              block
            >{`Recording it records a verdict on ${covered.length === 1 ? 'that server' : 'each of them'} too:`}</Text>
            <ul className={styles.list} aria-label="Other servers this paste covers">
              {covered.map((c) => (
                <li key={c.server} className={styles.item}>
                  {c.judgement.verdict.accepted ? (
                    <CheckmarkCircleRegular className={styles.proved} aria-hidden />
                  ) : (
                    <DismissCircleRegular className={styles.notProved} aria-hidden />
                  )}
                  <Text>{coveredWords(c)}</Text>
                </li>
              ))}
            </ul>
          </>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}

/** What recording a paste did across the servers it was judged for, in a line: which moved, which did not. */
export function movedWords(main: CoveredServer, others: readonly CoveredServer[]): string {
  const all = [main, ...others];
  const moved = all.filter((c) => c.judgement.verdict.accepted).map((c) => c.server);
  const not = all.filter((c) => !c.judgement.verdict.accepted).map((c) => c.server);
  const parts: string[] = [];
  if (moved.length > 0) parts.push(`Step 3 can go ahead on ${moved.join(', ')}.`);
  if (not.length > 0) parts.push(`Not moved (kept as rejections): ${not.join(', ')}.`);
  return parts.join(' ');
}
