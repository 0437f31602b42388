import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useEffect } from 'react';

/** A message for the user: what happened and, for errors, what to do. */
export interface NoticeState {
  readonly intent: 'success' | 'error' | 'info' | 'warning';
  readonly title: string;
  readonly text: string;
  /** Goes away by itself after a few seconds (confirmations only; errors stay). */
  readonly transient?: boolean;
  /** Decisions offered with the message. */
  readonly actions?: readonly { readonly label: string; readonly onClick: () => void }[];
}

const useStyles = makeStyles({
  bar: { margin: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL} 0` },
});

/** A message bar at the top of the window; errors stay until dismissed (or, without `onDismiss`, until one of its actions settles them). */
export function Notice({ notice, onDismiss }: { notice: NoticeState; onDismiss?: () => void }) {
  const styles = useStyles();
  useEffect(() => {
    if (!notice.transient || onDismiss === undefined) return;
    const timer = setTimeout(onDismiss, 4000);
    return () => clearTimeout(timer);
  }, [notice, onDismiss]);
  return (
    <MessageBar
      intent={notice.intent}
      className={styles.bar}
      role={notice.intent === 'error' ? 'alert' : 'status'}
      layout="multiline"
    >
      <MessageBarBody>
        <MessageBarTitle>{notice.title}</MessageBarTitle>
        {notice.text}
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          onDismiss && (
            <Button
              appearance="transparent"
              aria-label="Dismiss message"
              icon={<DismissRegular />}
              onClick={onDismiss}
            />
          )
        }
      >
        {notice.actions?.map((a) => (
          <Button key={a.label} onClick={a.onClick}>
            {a.label}
          </Button>
        ))}
      </MessageBarActions>
    </MessageBar>
  );
}
