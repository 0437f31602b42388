import type { Command } from '../../../core/events/schema';
import type { ServerSnapshot } from '../../../core/machines/server.machine';
import type { ServerStatus } from '../../../core/machines/status';
import type { Host } from '../../../host/host';
import type { Workspace } from '../../workspace/workspace';

/** What every part of the server view is given: the server as it stands, and a way to record (the refusal, or null). */
export interface ServerPanelProps {
  readonly workspace: Workspace;
  readonly host: Host;
  readonly status: ServerStatus;
  readonly snapshot: ServerSnapshot;
  readonly record: (command: Command) => string | null;
}
