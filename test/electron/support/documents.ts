import { serializeDocument, toDocument } from '../../../renderer/core/document/save';
import { fieldReportSession, must, THUMBPRINT } from '../../core/support/deployments';

/** Three successive versions of the field report's deployment, as saved files' text (each one valid). */
export function documentVersions(): [string, string, string] {
  const { session, clock } = fieldReportSession();
  const v0 = serializeDocument(toDocument(session, clock.now()));
  must(session, { type: 'step.completed', server: 'fe01.contoso.local', step: 1, at: clock.advance(30) });
  const v1 = serializeDocument(toDocument(session, clock.now()));
  must(session, { type: 'step.completed', server: 'fe01.contoso.local', step: 2, at: clock.advance(30) });
  must(session, {
    type: 'step.completed',
    server: 'fe01.contoso.local',
    step: 3,
    thumbprint: THUMBPRINT,
    at: clock.advance(30),
  });
  const v2 = serializeDocument(toDocument(session, clock.now()));
  return [v0, v1, v2];
}
