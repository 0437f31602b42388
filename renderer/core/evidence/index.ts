/** Pasted evidence read and judged: the public surface the UI and the command line use. */
export { judgeEvidence, detectEvidenceKinds, MAX_EVIDENCE_TEXT } from './judge';
export {
  evidenceCommands,
  judgeForOthers,
  MAX_SHARED_PASTE_BYTES,
  type CoveredServer,
  type EvidenceCommand,
  type OtherServers,
} from './judge-many';
export {
  toEvidenceInput,
  type EvidenceContext,
  type EvidenceJudgement,
  type EvidenceVerdict,
  type EvidenceRejection,
  type EvidenceRecords,
  type ReplicaRecord,
  type CertificateRecord,
  type EventRecord,
  type EventLogShape,
  type VerificationReport,
} from './judgement';
export {
  CONSOLE_LOCALES,
  DEFAULT_CONSOLE_LOCALE,
  consoleLocale,
  describeConsoleLocale,
  type ConsoleLocale,
  type DateOrder,
} from './console-locale';
export {
  createDateReader,
  describeDate,
  type ConsoleDate,
  type DateReader,
  type DateReading,
  type DateSettings,
} from './console-date';
export { isKnownTimeZone } from './zoned-time';
export { normalizeThumbprint } from './certificate';
export { certificateUseWarnings, OAUTH_USE, readCertificateUses, type CertificateUsesRead } from './certificate-uses';
export { REPLICATED_EVENT_ID } from './event-log';
export { VERIFY_SCHEMA, VERIFY_SCHEMA_VERSION, isoInstant } from './verification-json';
export {
  CMS_STATUS_COMMAND,
  MAX_CMS_STATUS_TEXT,
  cmsPlaceOf,
  judgeCmsStatusText,
  type CmsPlace,
  type CmsStatusJudgement,
} from './cms-status';
export {
  foldReplicationView,
  replicationStatesOf,
  replicationView,
  type ReplicationState,
  type ReplicationView,
} from './replication-view';
