import { Button, Field, Input, makeStyles, Subtitle2, Text, Textarea, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { Command } from '../../../core/events/schema';
import { latestChange } from '../../../core/runbook';
import { TimeText } from '../../components/time-text';
import { fromLocalInput, toLocalInput } from '../../format';
import { useSession } from '../../hooks';
import type { Workspace } from '../../workspace/workspace';

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalM,
  },
  muted: { color: tokens.colorNeutralForeground2 },
  error: { color: tokens.colorPaletteRedForeground1 },
  mono: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
});

/**
 * The change record the runbook's header shows (ID, window, implementers, approver, rollback), and
 * the sign-off, which signs the chain head of the whole history so far.
 */
export function ChangePanel({ workspace, timeZone }: { workspace: Workspace; timeZone: string }) {
  const styles = useStyles();
  const version = useSession(workspace, (v) => v.version);
  const current = latestChange(workspace.session.history);
  const [id, setId] = useState(current?.id ?? '');
  const [start, setStart] = useState(current ? toLocalInput(current.windowStart, timeZone) : '');
  const [end, setEnd] = useState(current ? toLocalInput(current.windowEnd, timeZone) : '');
  const [implementers, setImplementers] = useState(current?.implementers.join(', ') ?? '');
  const [approver, setApprover] = useState(current?.approver ?? '');
  const [rollback, setRollback] = useState(current?.rollback ?? '');
  const [as, setAs] = useState('approver');
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const operator = workspace.session.recorder?.operator ?? '';

  const record = (command: Command, done: string) => {
    const result = workspace.record(command);
    setMessage(result.ok ? { error: false, text: done } : { error: true, text: result.message });
  };
  const recordChange = () => {
    const from = fromLocalInput(start, timeZone);
    const to = fromLocalInput(end, timeZone);
    if (!from.ok || !to.ok) {
      setMessage({ error: true, text: 'Enter when the change window opens and closes.' });
      return;
    }
    record(
      {
        type: 'change.recorded',
        change: {
          id,
          windowStart: from.iso,
          windowEnd: to.iso,
          implementers: implementers
            .split(',')
            .map((n) => n.trim())
            .filter((n) => n !== ''),
          approver,
          rollback,
        },
      },
      'Change recorded: the runbook shows it in its header.',
    );
  };
  const history = workspace.session.history;
  // Worked out once per version of the history, not on every keystroke.
  const fingerprint = useMemo(() => (void version, workspace.session.fingerprint()), [workspace, version]);

  return (
    <section className={styles.panel} aria-labelledby="change-title">
      <Subtitle2 as="h3" id="change-title">
        Change record
      </Subtitle2>
      <Field label="Change or ticket ID" required>
        <Input value={id} onChange={(_, d) => setId(d.value)} placeholder="CHG-9999" />
      </Field>
      <Field label={`Window opens (${timeZone})`} required>
        <Input type="datetime-local" value={start} onChange={(_, d) => setStart(d.value)} />
      </Field>
      <Field label={`Window closes (${timeZone})`} required>
        <Input type="datetime-local" value={end} onChange={(_, d) => setEnd(d.value)} />
      </Field>
      <Field label="Implementers" hint="Comma-separated." required>
        <Input value={implementers} onChange={(_, d) => setImplementers(d.value)} />
      </Field>
      <Field label="Approver" required>
        <Input value={approver} onChange={(_, d) => setApprover(d.value)} />
      </Field>
      <Field label="Rollback" hint="How the change is backed out if it goes wrong." required>
        <Textarea value={rollback} onChange={(_, d) => setRollback(d.value)} resize="vertical" />
      </Field>
      <div>
        <Button onClick={recordChange}>{current === null ? 'Record the change' : 'Record the corrected change'}</Button>
      </div>
      <Subtitle2 as="h3">Sign-off</Subtitle2>
      <Text className={styles.muted}>
        Signs the {history.length} entries recorded so far as {operator || '(enter your name in Operator)'}: their chain
        head (SHA-256) is <span className={styles.mono}>{fingerprint}</span>. If an entry it signs is edited later, the
        file refuses to open.
      </Text>
      <Field label="Signing as" required>
        <Input value={as} onChange={(_, d) => setAs(d.value)} />
      </Field>
      <div>
        <Button
          onClick={() =>
            record({ type: 'change.signed', by: operator, as }, 'Signed off: the runbook shows the sign-off.')
          }
        >
          Sign off the history so far
        </Button>
      </div>
      {message && (
        <Text role={message.error ? 'alert' : 'status'} className={message.error ? styles.error : undefined}>
          {message.text}
        </Text>
      )}
      <SignOffs workspace={workspace} timeZone={timeZone} />
    </section>
  );
}

/** The sign-offs recorded so far. */
function SignOffs({ workspace, timeZone }: { workspace: Workspace; timeZone: string }) {
  const styles = useStyles();
  const history = workspace.session.history;
  const signed = history.filter((e) => e.type === 'change.signed');
  if (signed.length === 0) return <Text className={styles.muted}>Not signed off yet.</Text>;
  return (
    <ul>
      {signed.map((s) => (
        <li key={`${s.at}-${s.by}`}>
          {s.by} ({s.as}), <TimeText iso={s.at} timeZone={timeZone} />: {s.events} entries
          {history.at(-1) === s ? ' (everything so far)' : '; entries after it are not signed'}
        </li>
      ))}
    </ul>
  );
}
