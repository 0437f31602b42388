/** Runbooks out: the runbook model of a deployment and its Markdown, HTML and JSON exports. */
export { buildRunbook, latestChange, TIME_ZONE_NOTE, type RunbookOptions } from './build';
export { exportRunbook, RUNBOOK_FORMAT_INFO } from './export';
export { renderHtml } from './html';
export { renderJson } from './json';
export { renderMarkdown } from './markdown';
export {
  RUNBOOK_FORMATS,
  type EvidenceEntry,
  type EvidenceServerVerdict,
  type EvidenceVerdictWord,
  type OpenItem,
  type OverrideEntry,
  type RemediationSummary,
  type Runbook,
  type RunbookFormat,
  type RunbookHeader,
  type RunbookPool,
  type RunbookServer,
  type RunbookTopology,
  type ScriptCopy,
  type ServerSummary,
  type StepSummary,
  type TimelineEntry,
} from './model';
export { openItemOf, summarizeServer, summarizeServers } from './servers';
export { recordedWords, timelineEntries, timelineLine } from './timeline';
export { describeProof, EVIDENCE_KIND_LABELS, exportTime, phaseText, RUNBOOK_SECTIONS } from './words';
