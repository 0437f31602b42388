/** Which servers the dashboard shows: by pool, role and the state each one is in. */
import type { ServerStatus } from '../../../core/machines/status';
import type { ServerRole } from '../../../core/model/deployment';
import { sameFqdn } from '../../../core/model/fqdn';

/** The states the dashboard filters by. */
export type StateFilter = '' | 'attention' | 'in-progress' | 'not-started' | 'done';

/** Which rows the dashboard shows. */
export interface DashboardFilter {
  readonly pool: string;
  readonly role: ServerRole | '';
  readonly state: StateFilter;
}

/** The words of each state in the filter. */
export const STATE_LABELS: Readonly<Record<Exclude<StateFilter, ''>, string>> = {
  attention: 'Needs attention (blocked)',
  'in-progress': 'In progress',
  'not-started': 'Not started',
  done: 'Done (services running)',
};

/** True when a server's state asks for the admin: blocked, or in a remediation. */
export function needsAttention(status: ServerStatus): boolean {
  return status.phase === 'blocked';
}

/** The filter state a server is in. */
export function stateOf(status: ServerStatus): Exclude<StateFilter, ''> {
  if (status.phase === 'blocked') return 'attention';
  if (status.phase === 'services-running') return 'done';
  return status.stepsDone === 0 ? 'not-started' : 'in-progress';
}

/** True when the filter keeps a server of this pool and role in this state. */
export function keeps(
  filter: DashboardFilter,
  server: { readonly pool: string; readonly role: ServerRole },
  state: Exclude<StateFilter, ''>,
): boolean {
  if (filter.pool !== '' && !sameFqdn(filter.pool, server.pool)) return false;
  if (filter.role !== '' && filter.role !== server.role) return false;
  return filter.state === '' || filter.state === state;
}
