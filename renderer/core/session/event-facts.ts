/**
 * What applying an event told about it, beyond the event itself: kept beside the history as it is
 * recorded or replayed, so the timeline and the runbook say it without replaying the history again.
 */
import type { DomainEvent } from '../events/schema';
import type { GateRule, OAuthAssignment } from '../gate/gate';
import { serverSnapshotOf, type DeploymentSnapshot } from '../machines/deployment.machine';
import type { Deployment } from '../model/deployment';
import { sameFqdn } from '../model/fqdn';

/** The facts of one applied event. */
export interface EventFacts {
  /** For a Step 3: the gate rule that let it go ahead. */
  readonly rule: GateRule | null;
  /** For a step: which run of it this was on the server (1 for the first). */
  readonly run: number;
  /** For a Step 3: true when it assigned the OAuthTokenIssuer certificate. */
  readonly assignedOAuth: boolean;
  /** The topology before the event (for a topology update: what it changed). */
  readonly before: Deployment | null;
  /** The OAuth assignment before the event (a copied script is built again from it and `before`). */
  readonly oauthBefore: OAuthAssignment | null;
}

/** The facts of an event, from the deployment before it and the snapshot after it was applied. */
export function eventFacts(
  event: DomainEvent,
  before: { readonly deployment: Deployment | null; readonly oauth: OAuthAssignment | null },
  after: DeploymentSnapshot,
): EventFacts {
  if (event.type !== 'step.completed')
    return { rule: null, run: 1, assignedOAuth: false, before: before.deployment, oauthBefore: before.oauth };
  const record = serverSnapshotOf(after, event.server)?.context.steps[event.step];
  const oauth = after.context.oauth;
  return {
    rule: event.step === 3 ? (record?.rule ?? null) : null,
    run: record?.runs ?? 1,
    assignedOAuth: event.step === 3 && before.oauth === null && oauth !== null && sameFqdn(oauth.server, event.server),
    before: before.deployment,
    oauthBefore: before.oauth,
  };
}
