/** What the deployment machine knows: the topology and the global facts, and what is derived from them. */
import type { DomainEvent, DomainEventOf } from '../events/schema';
import type { OAuthAssignment } from '../gate/gate';
import { cmsFrontEnds, type Deployment } from '../model/deployment';
import { normalizeFqdn } from '../model/fqdn';
import type { StepNumber } from '../model/product';
import type { IsoTime } from '../model/time';
import type { CmsStatus } from './server.context';

/** The id under which a server's machine is spawned: `server:<fqdn>` (lower case). */
export function serverActorId(fqdn: string): string {
  return `server:${normalizeFqdn(fqdn)}`;
}

/** How far each server has got: the highest step it completed (0 before Step 1). */
export type Progress = Readonly<Record<string, 0 | StepNumber>>;

/** Servers whose services run (Step 4 done), with the time. */
export type Running = Readonly<Record<string, IsoTime>>;

/** The global facts the deployment owns. */
export interface DeploymentContext {
  readonly deployment: Deployment | null;
  readonly oauth: OAuthAssignment | null;
  readonly progress: Progress;
  readonly running: Running;
  /** The CMS pool's state, as every server is told it. */
  readonly cms: CmsStatus;
}

/** Events that belong to one server and are forwarded to its machine. */
export const SERVER_EVENT_TYPES = [
  'step.completed',
  'remediation.chosen',
  'remediation.item.completed',
  'evidence.accepted',
  'override.recorded',
] as const satisfies readonly DomainEvent['type'][];

/** An event that belongs to one server. */
export type ServerScopedEvent = DomainEventOf<(typeof SERVER_EVENT_TYPES)[number]>;

/** True when the event belongs to one server's machine. */
export function isServerScoped(event: DomainEvent): event is ServerScopedEvent {
  return (SERVER_EVENT_TYPES as readonly string[]).includes(event.type);
}

/** The CMS pool's state, derived from the deployment and who runs. */
export function cmsStatusOf(deployment: Deployment | null, progress: Progress, running: Running): CmsStatus {
  if (deployment === null) return { pool: null, running: [], waitingFor: [] };
  const frontEnds = cmsFrontEnds(deployment);
  const isRunning = (fqdn: string) => running[normalizeFqdn(fqdn)] !== undefined;
  const nextStep = (fqdn: string) => Math.min(4, (progress[normalizeFqdn(fqdn)] ?? 0) + 1) as StepNumber;
  return {
    pool: deployment.cmsPool,
    running: frontEnds.filter((s) => isRunning(s.fqdn)).map((s) => s.fqdn),
    waitingFor: frontEnds
      .filter((s) => !isRunning(s.fqdn))
      .map((s) => ({ server: s.fqdn, nextStep: nextStep(s.fqdn) })),
  };
}
