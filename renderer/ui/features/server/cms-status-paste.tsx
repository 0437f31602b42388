import {
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useMemo } from 'react';
import { CMS_STATUS_COMMAND, judgeCmsStatusText, type CmsPlace, type CmsStatusJudgement } from '../../../core/evidence';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  paste: { fontFamily: tokens.fontFamilyMonospace },
  read: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, fontFamily: tokens.fontFamilyMonospace },
});

/** Judges pasted -CentralManagementStoreStatus output against the CMS pool (null while nothing is pasted). */
export function useCmsStatus(text: string, cms: CmsPlace | null): CmsStatusJudgement | null {
  return useMemo(() => (text.trim() === '' || cms === null ? null : judgeCmsStatusText(text, cms)), [text, cms]);
}

/**
 * Where the admin pastes what -CentralManagementStoreStatus printed: what was read, and whether it
 * shows the CMS pool's Master Replicator Agent and File Transfer Agent active. Marking the item done
 * records the output with it; the item can also be marked done without one.
 */
export function CmsStatusPaste(props: {
  text: string;
  judgement: CmsStatusJudgement | null;
  cmsPool: string;
  onChange: (text: string) => void;
}) {
  const styles = useStyles();
  const { judgement } = props;
  return (
    <div className={styles.box}>
      <Field
        label={`Output of ${CMS_STATUS_COMMAND} (recorded with this item)`}
        hint="Run it in the Lync Server Management Shell where the CMS is reachable and paste what it printed. The property names are Microsoft's; the exact layout of this output is unconfirmed (no published sample), so it is read as a Format-List."
      >
        <Textarea
          textarea={{ className: styles.paste }}
          resize="vertical"
          rows={5}
          value={props.text}
          onChange={(_, d) => props.onChange(d.value)}
        />
      </Field>
      {judgement !== null && (
        <div aria-label="What was read from the CMS status">
          <ul className={styles.read}>
            {judgement.read.map((line, i) => (
              <li key={i}>
                <Text size={200}>{line}</Text>
              </li>
            ))}
          </ul>
        </div>
      )}
      {judgement !== null && (
        <MessageBar intent={judgement.verdict.ok ? 'success' : 'error'} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>
              {judgement.verdict.ok
                ? `The replication services of ${props.cmsPool} are active`
                : 'This output does not show the replication services active'}
            </MessageBarTitle>
            {judgement.verdict.ok
              ? 'The active master and a file transfer agent are in the CMS pool.'
              : judgement.verdict.message}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
