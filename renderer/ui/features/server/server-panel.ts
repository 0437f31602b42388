import { makeStyles, tokens } from '@fluentui/react-components';
import type { Command } from '../../../core/events/schema';
import type { ServerSnapshot } from '../../../core/machines/server.machine';
import type { ServerStatus } from '../../../core/machines/status';
import type { Host } from '../../../host/host';
import type { Workspace } from '../../workspace/workspace';
import type { NoticeState } from '../../components/notice';

/** What every part of the server view is given: the server as it stands, and a way to record (the refusal, or null). */
export interface ServerPanelProps {
  readonly workspace: Workspace;
  readonly host: Host;
  readonly status: ServerStatus;
  readonly snapshot: ServerSnapshot;
  readonly record: (command: Command) => string | null;
  /** Says what an action did where the panel that did it may no longer be shown (a gate that opened). */
  readonly setNotice?: (notice: NoticeState | null) => void;
}

/** The styles the parts of the server view share: quieter text, and a row of buttons and words. */
export const usePanelStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground2 },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
});
