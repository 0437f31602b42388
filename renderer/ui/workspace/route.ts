import type { Deployment } from '../../core/model/deployment';
import type { Preferences } from '../../host/host';

/** The tabs of an open deployment. */
export type DeploymentTab = 'dashboard' | 'timeline' | 'topology' | 'export';

/** Where the user is: kept in the preferences so a reload comes back to the same place. */
export type Route =
  /** `importing`: with the topology import open (File › Import a Topology…). */
  | { readonly screen: 'start'; readonly importing?: boolean }
  | { readonly screen: 'setup'; readonly draft?: Deployment }
  | { readonly screen: 'deployment'; readonly tab: DeploymentTab; readonly server: string | null };

const KEY = 'route';
const TABS: readonly DeploymentTab[] = ['dashboard', 'timeline', 'topology', 'export'];

/** Remembers the route (the setup draft is not kept: it is unfinished input). */
export function saveRoute(preferences: Preferences, route: Route): void {
  preferences.set(KEY, JSON.stringify(route.screen === 'deployment' ? route : { screen: route.screen }));
}

/** The remembered route, or the start screen when none (or a damaged one) is stored. */
export function loadRoute(preferences: Preferences): Route {
  try {
    const raw = JSON.parse(preferences.get(KEY) ?? 'null') as Partial<{
      screen: string;
      tab: string;
      server: unknown;
    }> | null;
    if (raw?.screen === 'deployment' && TABS.includes(raw.tab as DeploymentTab)) {
      return {
        screen: 'deployment',
        tab: raw.tab as DeploymentTab,
        server: typeof raw.server === 'string' ? raw.server : null,
      };
    }
  } catch {
    // A damaged preference is ignored.
  }
  return { screen: 'start' };
}
