import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { CheckmarkCircleRegular, DismissCircleRegular } from '@fluentui/react-icons';
import { useId, useMemo, useState, type ClipboardEvent, type DragEvent } from 'react';
import { useKeptText } from '../../kept-text';
import { movedWords, OtherServersCovered } from './other-servers';
import { refuseOversizeInsert } from '../../oversize-paste';
import {
  evidenceCommands,
  judgeEvidence,
  judgeForOthers,
  MAX_EVIDENCE_TEXT,
  toEvidenceInput,
  type CoveredServer,
  type EvidenceContext,
  type OtherServers,
  type EvidenceJudgement,
} from '../../../core/evidence';
import type { OAuthAssignment } from '../../../core/gate/gate';
import type { Command } from '../../../core/events/schema';
import type { Preferences } from '../../../host/host';
import type { NoticeState } from '../../components/notice';
import { ConsoleSettingsFields, useConsoleSettings } from '../../components/console-settings';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  paste: { fontFamily: tokens.fontFamilyMonospace },
  read: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
  },
  readBox: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  warnings: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

const NO_OTHERS: OtherServers = { covered: [], note: null };

/** The judgement, turned into a rejection when the deployment would refuse to record what it proves now. */
function notRecordableNow(
  judged: EvidenceJudgement,
  text: string,
  ctx: EvidenceContext,
  props: { server: string; wouldRefuse: (command: Command) => string | null },
): EvidenceJudgement {
  if (!judged.verdict.accepted) return judged;
  const input = toEvidenceInput(judged, text, ctx);
  const refusal = props.wouldRefuse({
    type: 'evidence.accepted',
    server: props.server,
    proof: judged.verdict.proof,
    input,
  });
  if (refusal === null) return judged;
  return { ...judged, verdict: { accepted: false, reason: 'not-recordable', message: refusal } };
}

/** Why a paste of `bytes` was refused as it arrived, and what to paste instead. */
function oversizePaste(bytes: number, server: string, held: boolean): string {
  const size = `${(bytes / (1024 * 1024)).toFixed(1)} MB (${bytes.toLocaleString('en-US')} bytes)`;
  const kept = held ? '; what the box held is kept' : '';
  return `The paste is ${size}: more than the ${MAX_EVIDENCE_TEXT.toLocaleString('en-US')} bytes one paste may hold, so it was not put in the box${kept}. Paste only the output of one command run for ${server}: the verification script's one line of JSON is best, or Get-CsCertificate -Type OAuthTokenIssuer, or Get-CsManagementStoreReplicationStatus -ReplicaFqdn ${server}.`;
}

/**
 * The evidence box: paste command output; see what was read (before any verdict, so a misparse
 * shows), in which locale and time zone; then the verdict, and record it.
 */
export function EvidenceBox(props: {
  server: string;
  oauth: OAuthAssignment | null;
  timeZone: string;
  preferences: Preferences;
  /** Where the paste is kept until it is recorded (kept-text.ts). */
  keptAs: string;
  record: (command: Command) => string | null;
  /** Why the deployment would refuse the command now (a time the output shows after now, say), or null. */
  wouldRefuse: (command: Command) => string | null;
  /** The servers waiting for evidence: a paste that lists others of them is judged for them too. */
  waiting?: readonly string[];
  /** Says what was recorded where this box may no longer be shown (the gate it opened closes it). */
  setNotice?: (notice: NoticeState | null) => void;
}) {
  const styles = useStyles();
  // Kept while it is typed: a reload does not lose a paste not yet recorded.
  const [text, setText] = useKeptText(props.preferences, props.keptAs);
  const settings = useConsoleSettings(props.preferences, props.timeZone);
  const { locale, localeChosen, timeZone, zoneChosen } = settings;
  const [outcome, setOutcome] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);
  // A paste over the limit is refused as it arrives and never reaches the box (nor the judge).
  const [refusedPaste, setRefusedPaste] = useState<string | null>(null);
  const refuseIfOversize = (event: ClipboardEvent | DragEvent) => {
    const bytes = refuseOversizeInsert(event, MAX_EVIDENCE_TEXT);
    if (bytes !== null) setRefusedPaste(oversizePaste(bytes, props.server, text !== ''));
  };
  const pasteId = useId();
  const ctx = useMemo(
    () => ({ server: props.server, oauth: props.oauth, locale, localeChosen, timeZone, zoneChosen }),
    [props.server, props.oauth, locale, localeChosen, timeZone, zoneChosen],
  );
  const judged: EvidenceJudgement | null = useMemo(
    () => (text.trim() === '' ? null : judgeEvidence(text, ctx)),
    [text, ctx],
  );
  // What the paste proves must also be recordable now: an output showing a time after the clock's
  // (a date read in the wrong locale, a wrong server clock) is a rejection, with the deployment's words.
  const judgement: EvidenceJudgement | null =
    judged === null || !judged.verdict.accepted ? judged : notRecordableNow(judged, text, ctx, props);
  // A replication status of the whole deployment: the other waiting servers it lists, each judged
  // as if it were pasted for it alone, and as the deployment would record it now.
  const waiting = props.waiting;
  const others: OtherServers = useMemo(
    () => (judged === null || waiting === undefined ? NO_OTHERS : judgeForOthers(text, ctx, judged, waiting)),
    [judged, text, ctx, waiting],
  );
  const covered: CoveredServer[] = others.covered.map((c) => ({
    server: c.server,
    judgement: notRecordableNow(
      c.judgement,
      text,
      { ...ctx, server: c.server },
      {
        server: c.server,
        wouldRefuse: props.wouldRefuse,
      },
    ),
  }));
  // The locale or zone shown is a default, not a choice: confirming it as it stands is a choice too.
  const unconfirmed =
    judgement !== null &&
    !judgement.verdict.accepted &&
    ((judgement.verdict.reason === 'ambiguous-date' && !localeChosen) ||
      (judgement.verdict.reason === 'zone-not-chosen' && !zoneChosen));

  const recordIt = () => {
    if (judgement === null) return;
    // One verdict per server the paste was judged for, this server's first.
    const [mine, ...rest] = evidenceCommands(text, ctx, judgement, covered);
    const refusal = props.record(mine!);
    if (refusal !== null) {
      setOutcome({ intent: 'error', text: refusal });
      return;
    }
    const failed = rest.flatMap((command) => {
      const why = props.record(command);
      return why === null ? [] : [`${command.server}: ${why}`];
    });
    const said =
      rest.length > 0
        ? {
            intent: failed.length === 0 ? ('success' as const) : ('error' as const),
            title: `Evidence recorded on ${rest.length + 1 - failed.length} servers`,
            text: [
              movedWords({ server: props.server, judgement }, covered),
              ...failed.map((f) => `Not recorded: ${f}`),
            ].join(' '),
          }
        : judgement.verdict.accepted
          ? { intent: 'success' as const, title: 'Evidence recorded', text: 'Step 3 can go ahead.' }
          : {
              intent: 'success' as const,
              title: 'Rejection kept',
              text: 'The rejected evidence is kept in the timeline and the runbook.',
            };
    setOutcome({ intent: said.intent, text: `${said.title}. ${said.text}` });
    // An accepted paste opens the gate, and the panel holding this box gives way to Step 3: said above it too.
    props.setNotice?.({ ...said, transient: rest.length === 0 && said.intent === 'success' });
    setText('');
  };

  return (
    <section className={styles.box} aria-label="Evidence">
      <Subtitle2 as="h4">Paste the evidence</Subtitle2>
      <Text>
        The verification script&apos;s one line of JSON is best: it shows this server&apos;s own view.{' '}
        <code>Get-CsCertificate -Type OAuthTokenIssuer</code> in a remote session on this server (the prompt must name
        it, or <code>PSComputerName</code> must), or <code>Get-CsManagementStoreReplicationStatus -ReplicaFqdn</code>{' '}
        (the CMS&apos;s record of it), also work. An event 3038 listing is read but only corroborates: no Microsoft
        source documents that event.
      </Text>
      <ConsoleSettingsFields settings={settings} />
      <Field
        label="Command output"
        hint="Paste everything; prompt lines and error text around it are ignored."
        validationState={refusedPaste === null ? 'none' : 'error'}
        validationMessage={refusedPaste}
      >
        <Textarea
          id={pasteId}
          textarea={{ className: styles.paste }}
          resize="vertical"
          rows={7}
          value={text}
          onPaste={refuseIfOversize}
          onDrop={refuseIfOversize}
          onChange={(_, d) => {
            setText(d.value);
            setOutcome(null);
            setRefusedPaste(null);
          }}
        />
      </Field>
      {judgement && (
        <>
          <div className={styles.readBox} aria-label="What was read">
            <Subtitle2 as="h5">Read</Subtitle2>
            {judgement.read.length === 0 ? (
              <Text>Nothing recognisable.</Text>
            ) : (
              <ul className={styles.read}>
                {judgement.read.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            )}
            {judgement.warnings.length > 0 && (
              <ul className={styles.warnings}>
                {judgement.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            )}
          </div>
          <MessageBar
            intent={judgement.verdict.accepted ? 'success' : 'error'}
            layout="multiline"
            icon={judgement.verdict.accepted ? <CheckmarkCircleRegular /> : <DismissCircleRegular />}
          >
            <MessageBarBody>
              <MessageBarTitle>
                {judgement.verdict.accepted ? 'Accepted — Step 3 can go ahead' : 'Not accepted'}
              </MessageBarTitle>
              {judgement.verdict.accepted
                ? 'This shows the local store holds the OAuth assignment.'
                : judgement.verdict.message}
            </MessageBarBody>
          </MessageBar>
          <OtherServersCovered others={{ covered, note: others.note }} />
          <div className={styles.actions}>
            {unconfirmed && (
              <Button appearance="primary" onClick={settings.confirm}>
                {`The console is ${locale} and the server is in ${timeZone}: judge again`}
              </Button>
            )}
            {covered.length > 0 ? (
              <Button appearance={judgement.verdict.accepted ? 'primary' : 'secondary'} onClick={recordIt}>
                {`Record the verdicts on ${covered.length + 1} servers`}
              </Button>
            ) : judgement.verdict.accepted ? (
              <Button appearance="primary" onClick={recordIt}>
                Record evidence
              </Button>
            ) : (
              <Button onClick={recordIt}>Keep this rejection in the runbook</Button>
            )}
          </div>
        </>
      )}
      {outcome && (
        <MessageBar intent={outcome.intent} role={outcome.intent === 'error' ? 'alert' : 'status'}>
          <MessageBarBody>{outcome.text}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
