import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { CertificateUse } from '../../core/events/schema';
import { TableHead } from './table-head';
import { TimeText } from './time-text';

const useStyles = makeStyles({
  table: {
    width: '100%',
    borderCollapse: 'collapse',
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  caption: {
    textAlign: 'left',
    fontWeight: tokens.fontWeightSemibold,
    paddingBottom: tokens.spacingVerticalXS,
  },
  th: {
    textAlign: 'left',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    color: tokens.colorNeutralForeground2,
    whiteSpace: 'nowrap',
  },
  td: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    verticalAlign: 'top',
  },
  // A thumbprint is one unbroken word of 40 digits: in a narrow window it wraps rather than scrolls.
  thumbprint: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
  when: { whiteSpace: 'nowrap' },
  subject: { overflowWrap: 'anywhere' },
});

/** The certificates of a Step 3, one row per use: use, thumbprint, when it expires, subject. */
export function CertificateTable({
  caption,
  uses,
  timeZone,
}: {
  caption: string;
  uses: readonly CertificateUse[];
  /** The workstation's zone, in which every time of the app is shown. */
  timeZone: string;
}) {
  const styles = useStyles();
  return (
    <table className={styles.table}>
      <caption className={styles.caption}>{caption}</caption>
      <TableHead className={styles.th} columns={['Use', 'Thumbprint', 'Expires', 'Subject']} />
      <tbody>
        {uses.map((u, i) => (
          <tr key={`${i}-${u.use}`}>
            <td className={styles.td}>{u.use}</td>
            <td className={mergeClasses(styles.td, styles.thumbprint)}>{u.thumbprint}</td>
            <td className={mergeClasses(styles.td, styles.when)}>
              {u.notAfter === null ? 'not read' : <TimeText iso={u.notAfter} timeZone={timeZone} />}
            </td>
            <td className={mergeClasses(styles.td, styles.subject)}>{u.subject ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
