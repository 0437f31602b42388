import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Subtitle1,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownloadRegular, PrintRegular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import { exportRunbook, RUNBOOK_FORMAT_INFO } from '../../../core/runbook';
import type { ExportFormat, Host } from '../../../host/host';
import type { NoticeState } from '../../components/notice';
import { useSession } from '../../hooks';
import type { Workspace } from '../../workspace/workspace';
import { systemClock } from '../../workspace/workspace';
import { ChangePanel } from './change-panel';

const useStyles = makeStyles({
  page: {
    display: 'grid',
    gridTemplateColumns: 'minmax(260px, 320px) minmax(0, 1fr)',
    gap: tokens.spacingHorizontalXL,
    '@media (max-width: 900px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  side: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  preview: {
    width: '100%',
    height: '70vh',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: '#fff',
  },
  text: {
    margin: 0,
    height: '70vh',
    overflow: 'auto',
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    backgroundColor: tokens.colorNeutralBackground1,
    whiteSpace: 'pre-wrap',
  },
  muted: { color: tokens.colorNeutralForeground2 },
});

const FORMATS: readonly { id: ExportFormat; label: string; note: string }[] = [
  { id: 'html', label: RUNBOOK_FORMAT_INFO.html.label, note: 'One self-contained file; prints well.' },
  { id: 'pdf', label: 'PDF', note: 'The HTML runbook, printed to PDF.' },
  { id: 'md', label: RUNBOOK_FORMAT_INFO.md.label, note: 'Reads well as plain text; for change records and wikis.' },
  { id: 'json', label: RUNBOOK_FORMAT_INFO.json.label, note: 'for the archive' },
];

/** What PDF means where it is not built in: the browser's own print dialog. */
const PRINT_NOTE = "The HTML runbook in your browser's print dialog: print it, or save it as PDF.";

/** Export: the format, a live preview, and Save (a save dialog on the desktop, a download in the browser). */
export function ExportView({
  workspace,
  host,
  setNotice,
}: {
  workspace: Workspace;
  host: Host;
  setNotice: (n: NoticeState | null) => void;
}) {
  const styles = useStyles();
  const [format, setFormat] = useState<ExportFormat>('html');
  const [busy, setBusy] = useState(false);
  const version = useSession(workspace, (v) => v.version);
  const content = useMemo(() => {
    void version;
    const at = systemClock.now();
    return exportRunbook(workspace.session, format === 'pdf' ? 'html' : format, at);
  }, [workspace, format, version]);
  const pdfUnavailable = format === 'pdf' && !host.canExportPdf;

  const print = async (printHtml: (html: string) => Promise<void>) => {
    try {
      await printHtml(content);
    } catch (error) {
      setNotice({
        intent: 'error',
        title: 'Not printed',
        text: error instanceof Error ? error.message : String(error),
      });
    }
  };

  const save = async () => {
    setBusy(true);
    try {
      const saved = await host.exportFile({ suggestedName: `${workspace.suggestedName()} runbook`, format, content });
      if (saved !== null) {
        setNotice({ intent: 'success', title: 'Runbook exported', text: saved.name, transient: true });
      }
    } catch (error) {
      setNotice({
        intent: 'error',
        title: 'Not exported',
        text: error instanceof Error ? error.message : String(error),
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={styles.page} aria-labelledby="export-title">
      <div className={styles.side}>
        <Subtitle1 as="h2" id="export-title">
          Export the runbook
        </Subtitle1>
        <Field label="Format">
          <RadioGroup value={format} onChange={(_, d) => setFormat(d.value as ExportFormat)}>
            {FORMATS.map((f) => (
              <Radio
                key={f.id}
                value={f.id}
                label={`${f.label} — ${f.id === 'pdf' && !host.canExportPdf ? PRINT_NOTE : f.note}`}
              />
            ))}
          </RadioGroup>
        </Field>
        {pdfUnavailable && host.printHtml !== undefined ? (
          <Button
            appearance="primary"
            icon={<PrintRegular />}
            disabled={busy}
            onClick={() => void print(host.printHtml!)}
          >
            Print…
          </Button>
        ) : pdfUnavailable ? (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>
              PDF export is built into the desktop app. Here, export HTML, open it and print it to PDF.
            </MessageBarBody>
          </MessageBar>
        ) : (
          <Button appearance="primary" icon={<ArrowDownloadRegular />} disabled={busy} onClick={() => void save()}>
            {host.kind === 'electron' ? 'Save…' : 'Download'}
          </Button>
        )}
        <Text className={styles.muted}>
          Times in the runbook are UTC (ISO 8601). The runbook is made from the history, so it always matches what was
          recorded.
        </Text>
        <ChangePanel workspace={workspace} timeZone={host.timeZone()} />
      </div>
      {format === 'html' || format === 'pdf' ? (
        <iframe className={styles.preview} title="Runbook preview" sandbox="" srcDoc={content} />
      ) : (
        <pre className={styles.text} tabIndex={0} aria-label="Runbook preview">
          {content}
        </pre>
      )}
    </section>
  );
}
