/** The runbook as JSON: the deployment document itself, so the export opens again as a deployment. */
import { serializeDocument, toDocument } from '../document/save';
import type { IsoTime } from '../model/time';
import type { DeploymentSession } from '../session/session';

/** Exactly the text of a `.lyncrunbook` document saved at `savedAt`: `parseDocument` reads it back. */
export function renderJson(session: DeploymentSession, savedAt: IsoTime): string {
  return serializeDocument(toDocument(session, savedAt));
}
