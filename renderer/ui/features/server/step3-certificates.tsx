/**
 * Step 3 per certificate use (issue 15, item 17): the Get-CsCertificate listing pasted with "Mark
 * Step 3 done", read into each use with its thumbprint and expiry before it is recorded, and what
 * Step 3 recorded shown on its card afterwards.
 */
import {
  Caption1,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState, type ClipboardEvent, type DragEvent } from 'react';
import { MAX_EVIDENCE_TEXT, OAUTH_USE, readCertificateUses, type CertificateUsesRead } from '../../../core/evidence';
import type { CertificateUse } from '../../../core/events/schema';
import type { OAuthAssignment } from '../../../core/gate/gate';
import { serverSnapshotOf } from '../../../core/machines/deployment.machine';
import { findServer } from '../../../core/model/deployment';
import { sameFqdn } from '../../../core/model/fqdn';
import { summarizeServer } from '../../../core/runbook';
import type { Preferences } from '../../../host/host';
import { CertificateTable } from '../../components/certificate-table';
import { ConsoleSettingsFields, useConsoleSettings, type ConsoleSettings } from '../../components/console-settings';
import { useSession } from '../../hooks';
import { useKeptText } from '../../kept-text';
import { refuseOversizeInsert } from '../../oversize-paste';
import type { Workspace } from '../../workspace/workspace';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignSelf: 'stretch' },
  paste: { fontFamily: tokens.fontFamilyMonospace },
  read: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  notes: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** Where a Step 3's listing is about and kept: the server, the deployment's OAuth assignment, the field's key. */
export interface CertificatesSource {
  readonly server: string;
  readonly oauth: OAuthAssignment | null;
  /** False for a role that uses no OAuthTokenIssuer certificate (Edge, Mediation). */
  readonly needsOAuth: boolean;
  readonly preferences: Preferences;
  /** Where the paste is kept until it is recorded (kept-text.ts). */
  readonly keptAs: string;
}

/** The state of the paste: its text, how its dates are read, and what was read from it. */
export interface CertificatesPaste {
  readonly source: CertificatesSource | undefined;
  readonly text: string;
  readonly setText: (text: string) => void;
  readonly settings: ConsoleSettings;
  /** What was read, or null while the box is empty. */
  readonly read: CertificateUsesRead | null;
  /** The OAuthTokenIssuer thumbprint the listing shows, when it shows exactly one. */
  readonly oauthThumbprint: string | null;
  /** The OAuthTokenIssuer thumbprints the listing shows (a renewal in progress shows two). */
  readonly oauthThumbprints: readonly string[];
  /** Why the last paste was refused as it arrived (far too large), or null. */
  readonly refused: string | null;
  readonly refuseIfOversize: (event: ClipboardEvent | DragEvent) => void;
  /** The certificates to record with Step 3 (none when nothing is pasted), or why the paste cannot be. */
  readonly toRecord: () => { ok: true; certificates: CertificateUse[] | undefined } | { ok: false; problem: string };
}

// A form that takes no listing still calls the hook (hooks are not called conditionally): it keeps nothing.
const NOWHERE: Preferences = { get: () => null, set: () => undefined };

/** The paste of a Step 3's listing; inert (nothing shown, nothing recorded) without a source. */
export function useCertificatesPaste(
  source: CertificatesSource | undefined,
  workstationZone: string,
): CertificatesPaste {
  // Kept while it is typed: a reload does not lose a paste not yet recorded.
  const [text, setKept] = useKeptText(source?.preferences ?? NOWHERE, source?.keptAs ?? '');
  const settings = useConsoleSettings(source?.preferences ?? NOWHERE, workstationZone);
  const [refused, setRefused] = useState<string | null>(null);
  const { locale, localeChosen, timeZone, zoneChosen } = settings;
  const server = source?.server ?? '';
  const oauth = source?.oauth ?? null;
  const needsOAuth = source?.needsOAuth ?? true;
  const given = source !== undefined;
  const read = useMemo(
    () =>
      !given || text.trim() === ''
        ? null
        : readCertificateUses(
            text,
            { server, locale, localeChosen, timeZone, zoneChosen },
            oauth,
            // Expiry is judged as of now, as the runbook judges it as of when Step 3 was recorded.
            new Date().toISOString(),
            needsOAuth,
          ),
    [given, text, server, oauth, locale, localeChosen, timeZone, zoneChosen, needsOAuth],
  );
  const oauthThumbprints = [
    ...new Set(
      (read?.uses ?? []).filter((u) => u.use.toLowerCase() === OAUTH_USE.toLowerCase()).map((u) => u.thumbprint),
    ),
  ];
  return {
    source,
    text,
    setText: (next) => {
      setKept(next);
      setRefused(null);
    },
    settings,
    read,
    oauthThumbprints,
    oauthThumbprint: oauthThumbprints.length === 1 ? oauthThumbprints[0]! : null,
    refused,
    refuseIfOversize: (event) => {
      const bytes = refuseOversizeInsert(event, MAX_EVIDENCE_TEXT);
      if (bytes !== null) setRefused(oversizePaste(bytes, server, text !== ''));
    },
    toRecord: () => {
      if (read === null) return { ok: true, certificates: undefined };
      if (read.uses.length === 0)
        return {
          ok: false,
          problem: `No certificate in the Get-CsCertificate output can be recorded: ${read.problems[0] ?? 'nothing could be read.'} Correct the paste, or empty the box to record Step 3 without it.`,
        };
      return { ok: true, certificates: [...read.uses] };
    },
  };
}

/** Why a paste of `bytes` was refused as it arrived, and what to paste instead. */
function oversizePaste(bytes: number, server: string, held: boolean): string {
  const size = `${(bytes / (1024 * 1024)).toFixed(1)} MB (${bytes.toLocaleString('en-US')} bytes)`;
  const kept = held ? '; what the box held is kept' : '';
  return `The paste is ${size}: more than the ${MAX_EVIDENCE_TEXT.toLocaleString('en-US')} bytes one paste may hold, so it was not put in the box${kept}. Paste only what Get-CsCertificate prints on ${server}.`;
}

/**
 * "Certificates (Get-CsCertificate output)": optional; what was read from it is shown as a table,
 * with what to look at as warnings, not errors: Step 3 happened whatever the listing shows.
 */
export function CertificatesPasteFields({ paste, timeZone }: { paste: CertificatesPaste; timeZone: string }) {
  const styles = useStyles();
  const { source, read } = paste;
  if (source === undefined) return null;
  const notes = read === null ? [] : [...read.problems, ...read.warnings];
  return (
    <section className={styles.box} aria-label="Certificates at Step 3">
      <Field
        label="Certificates (Get-CsCertificate output)"
        hint={
          <>
            Optional. After Step 3, run <code>Get-CsCertificate</code> on {source.server} and paste what it prints: each
            use (Default, WebServicesInternal, WebServicesExternal, OAuthTokenIssuer) is recorded with Step 3, with its
            thumbprint and expiry, and listed in the runbook.
          </>
        }
        validationState={paste.refused === null ? 'none' : 'error'}
        validationMessage={paste.refused}
      >
        <Textarea
          textarea={{ className: styles.paste }}
          resize="vertical"
          rows={4}
          value={paste.text}
          onPaste={paste.refuseIfOversize}
          onDrop={paste.refuseIfOversize}
          onChange={(_, d) => paste.setText(d.value)}
        />
      </Field>
      {read !== null && (
        <div className={styles.read} aria-label="Certificates read">
          <ConsoleSettingsFields settings={paste.settings} />
          <Caption1 role="status" className={styles.muted}>
            {read.uses.length === 0
              ? 'No certificate read.'
              : `${read.uses.length} ${read.uses.length === 1 ? 'certificate' : 'certificates'} read: recorded when Step 3 is marked done.`}
          </Caption1>
          {read.uses.length > 0 && (
            <CertificateTable caption="Read from the paste" uses={read.uses} timeZone={timeZone} />
          )}
          {notes.length > 0 && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>
                  {read.uses.length === 0 ? 'Nothing to record from this paste' : 'Worth a look'}
                </MessageBarTitle>
                <ul className={styles.notes}>
                  {notes.map((n) => (
                    <li key={n}>{n}</li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}
        </div>
      )}
    </section>
  );
}

/** The certificates the server's latest Step 3 recorded, with what to look at in them, as the runbook lists them. */
export function RecordedCertificates({
  workspace,
  server,
  timeZone,
}: {
  workspace: Workspace;
  server: string;
  timeZone: string;
}) {
  const styles = useStyles();
  const recorded = useSession(
    workspace,
    (view) => {
      const deployment = view.snapshot.context.deployment;
      const found = deployment === null ? undefined : findServer(deployment, server);
      const snapshot = serverSnapshotOf(view.snapshot, server);
      if (found === undefined || snapshot === undefined) return null;
      const events = view.history.filter((e) => 'server' in e && e.server !== undefined && sameFqdn(e.server, server));
      return summarizeServer(found, snapshot, events).certificates;
    },
    (a, b) => JSON.stringify(a) === JSON.stringify(b),
  );
  if (recorded === null) return null;
  return (
    <div className={styles.box}>
      <CertificateTable caption="Certificates recorded with Step 3, per use" uses={recorded.uses} timeZone={timeZone} />
      {recorded.warnings.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Worth a look</MessageBarTitle>
            <ul className={styles.notes}>
              {recorded.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
