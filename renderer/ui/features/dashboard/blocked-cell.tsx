import {
  Button,
  makeStyles,
  Popover,
  PopoverSurface,
  PopoverTrigger,
  Text,
  tokens,
  useId,
} from '@fluentui/react-components';
import { OpenRegular } from '@fluentui/react-icons';
import type { BlockedVerdict } from '../../../core/gate/gate';
import { STALE_REPLICA } from '../../../core/gate/gate-words';
import { BlockedTimes } from '../../components/blocked-times';
import { StepCell, type CellModel } from './step-cell';

const useStyles = makeStyles({
  surface: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '30rem' },
  title: { fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', marginTop: tokens.spacingVerticalXS },
});

/**
 * A blocked Step 3 cell (issue 15, item 16): pressed, it shows in place the two times that prove the
 * server blocked, and the way to the server, where the remediation is chosen. The server's name in
 * the row still opens it directly.
 */
export function BlockedCell(props: {
  model: CellModel;
  gate: BlockedVerdict;
  fqdn: string;
  timeZone: string;
  onOpen: (fqdn: string) => void;
  /** The look of the row's other cell buttons. */
  className: string;
}) {
  const { model, gate, fqdn, timeZone, onOpen, className } = props;
  const styles = useStyles();
  const titleId = useId('blocked-title');
  return (
    <Popover trapFocus withArrow positioning="below-start">
      <PopoverTrigger disableButtonEnhancement>
        <Button appearance="transparent" className={className} aria-haspopup="dialog">
          <StepCell model={model} />
        </Button>
      </PopoverTrigger>
      <PopoverSurface aria-labelledby={titleId} className={styles.surface}>
        <Text id={titleId} className={styles.title}>
          {fqdn} — {STALE_REPLICA}
        </Text>
        <BlockedTimes gate={gate} timeZone={timeZone} />
        <Text>
          Step 3 there would not show the certificate: bring its local store up to date first (export and import,
          replication, or Step 1 again).
        </Text>
        <div className={styles.actions}>
          <Button appearance="primary" icon={<OpenRegular />} onClick={() => onOpen(fqdn)}>
            Open {fqdn} to choose a remediation
          </Button>
        </div>
      </PopoverSurface>
    </Popover>
  );
}
