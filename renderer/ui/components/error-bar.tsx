import { MessageBar, MessageBarBody } from '@fluentui/react-components';

/** Why the last action was refused, where it was tried (nothing when it was not). */
export function ErrorBar({ message }: { message: string | null }) {
  if (message === null || message === '') return null;
  return (
    <MessageBar intent="error" role="alert" layout="multiline">
      <MessageBarBody>{message}</MessageBarBody>
    </MessageBar>
  );
}
