import { z } from 'zod';
import { deploymentSchema, domainEventSchema, type DomainEvent } from '../events/schema';
import type { Deployment } from '../model/deployment';
import { isIsoTime, type IsoTime } from '../model/time';

/** The schema version this build writes; files of older versions are migrated on load. */
export const CURRENT_SCHEMA_VERSION = 1;

/**
 * Version of the machines' internals. A persisted snapshot taken by other machines is not
 * restored: the history is replayed instead (DESIGN §5). Bump it when a machine's states or
 * context change shape.
 */
export const MACHINE_VERSION = 'deployment-1/server-1';

/** The file extension of a deployment document. */
export const DOCUMENT_EXTENSION = '.lyncrunbook';

/** Largest document the app will read: far above a 500-server deployment's history. */
export const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;

/** A `.lyncrunbook` document: the deployment, its full history, and a cache of the machines' state. */
export interface DeploymentDocument {
  readonly format: 'lync-runbook';
  readonly schemaVersion: typeof CURRENT_SCHEMA_VERSION;
  readonly savedAt: IsoTime;
  /** The deployment as it stands after the history (a copy, checked against the history on load). */
  readonly deployment: Deployment;
  readonly history: readonly DomainEvent[];
  /** The persisted actor snapshot; rebuilt from the history when missing or from other machines. */
  readonly snapshot: { readonly machineVersion: string; readonly value: unknown } | null;
}

/** Schema of the current document version. */
export const documentSchema = z.object({
  format: z.literal('lync-runbook'),
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  savedAt: z.string().refine(isIsoTime, { message: 'must be an ISO 8601 UTC time' }),
  deployment: deploymentSchema,
  history: z.array(domainEventSchema).min(1).max(500_000),
  snapshot: z.object({ machineVersion: z.string().max(100), value: z.unknown() }).nullable(),
});
