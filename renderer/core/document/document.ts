import { z } from 'zod';
import { deploymentSchema, domainEventSchema, type DomainEvent } from '../events/schema';
import type { Deployment } from '../model/deployment';
import { isIsoTime, type IsoTime } from '../model/time';
import { utf8Bytes } from '../model/utf8';

/** The schema version this build writes; files of older versions are migrated on load (migrations.ts). */
export const CURRENT_SCHEMA_VERSION = 9;

/** The file extension of a deployment document. */
export const DOCUMENT_EXTENSION = '.lyncrunbook';

/** Largest document the app will read: the schema's largest deployment (5,000 servers) with a long history of each. */
export const MAX_DOCUMENT_BYTES = 256 * 1024 * 1024;

/** The size of a document's text as a file holds it, in UTF-8 bytes, by every reader and every writer. */
export const documentBytes = utf8Bytes;

/**
 * Whether a document's text is within the limit every reader and writer applies. Counted only when
 * it could matter (a UTF-16 code unit is at most 3 bytes), so ordinary documents cost nothing.
 */
export function withinDocumentLimit(text: string, limit = MAX_DOCUMENT_BYTES): boolean {
  return text.length * 3 <= limit || documentBytes(text) <= limit;
}

/**
 * A `.lyncrunbook` document: the deployment and its full history. Opening it replays the history
 * through the machines (DESIGN §5), so the machines' state is never stored: a stored copy could only
 * disagree with the history, and a hand-edited one could put a server past a gate.
 */
export interface DeploymentDocument {
  readonly format: 'lync-runbook';
  readonly schemaVersion: typeof CURRENT_SCHEMA_VERSION;
  readonly savedAt: IsoTime;
  /** The deployment as it stands after the history (a copy, checked against the history on load). */
  readonly deployment: Deployment;
  readonly history: readonly DomainEvent[];
}

/** Schema of the current document version: nothing in it that this version does not know. */
export const documentSchema = z.strictObject({
  format: z.literal('lync-runbook'),
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  savedAt: z.string().refine(isIsoTime, { message: 'must be an ISO 8601 UTC time' }),
  deployment: deploymentSchema,
  history: z.array(domainEventSchema).min(1).max(500_000),
});
