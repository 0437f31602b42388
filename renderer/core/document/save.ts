import type { IsoTime } from '../model/time';
import type { DeploymentSession } from '../session/session';
import { CURRENT_SCHEMA_VERSION, type DeploymentDocument } from './document';

/** The document for a session as it stands (the deployment must exist). */
export function toDocument(session: DeploymentSession, savedAt: IsoTime): DeploymentDocument {
  const deployment = session.deployment();
  if (deployment === null) throw new Error('Nothing to save: the deployment has not been created.');
  return {
    format: 'lync-runbook',
    schemaVersion: CURRENT_SCHEMA_VERSION,
    savedAt,
    deployment,
    history: [...session.history],
  };
}

/** The text written to a `.lyncrunbook` file: JSON, indented so a diff of two saves is readable. */
export function serializeDocument(document: DeploymentDocument): string {
  return `${JSON.stringify(document, null, 1)}\n`;
}
