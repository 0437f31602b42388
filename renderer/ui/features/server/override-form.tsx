import { Button, Checkbox, Field, Input, makeStyles, Text, Textarea, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Command } from '../../../core/events/schema';
import type { Preferences } from '../../../host/host';
import { useKeptText } from '../../kept-text';
import {
  OVERRIDE_CHANGE_MIN,
  OVERRIDE_CHECKED_MIN,
  overrideConsequence,
  WITHDRAWAL_REASON_MIN,
} from '../../../core/model/override';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  override: {
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalM,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  consequence: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

/**
 * Going past the gate: what was checked and under which change, what it lets through, and a
 * confirmation (shown as an override, never as proof, everywhere after).
 */
export function OverrideForm({
  server,
  record,
  preferences,
  keptAs,
}: {
  server: string;
  record: (command: Command) => string | null;
  preferences: Preferences;
  /** Where what is typed is kept until it is recorded (kept-text.ts): the key's prefix. */
  keptAs: string;
}) {
  const styles = useStyles();
  // Kept while typed (a reload does not lose a half-typed reason), and the form stays open for it.
  const [reason, setReason] = useKeptText(preferences, `${keptAs}:reason`);
  const [change, setChange] = useKeptText(preferences, `${keptAs}:change`);
  const [open, setOpen] = useState(() => reason !== '' || change !== '');
  const [confirmed, setConfirmed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Recorded or cancelled: what was typed is let go.
  const close = () => {
    setOpen(false);
    setReason('');
    setChange('');
    setError(null);
    setConfirmed(false);
  };
  return (
    <section className={styles.override} aria-label="Override">
      {!open ? (
        <div>
          <Button appearance="secondary" onClick={() => setOpen(true)}>
            Override the gate instead…
          </Button>
        </div>
      ) : (
        <>
          <Field
            label="What was checked?"
            hint={`At least ${OVERRIDE_CHECKED_MIN} characters: what shows Step 3 may go ahead on this server anyway. It appears wherever the step is shown, and in the runbook.`}
            required
          >
            <Textarea value={reason} onChange={(_, d) => setReason(d.value)} resize="vertical" />
          </Field>
          <Field
            label="Change or ticket"
            hint={`At least ${OVERRIDE_CHANGE_MIN} characters, e.g. CHG-9999: the change this override is approved under.`}
            required
          >
            <Input value={change} onChange={(_, d) => setChange(d.value)} />
          </Field>
          <Text className={styles.consequence}>{overrideConsequence(server)}</Text>
          <Checkbox
            checked={confirmed}
            onChange={(_, d) => setConfirmed(Boolean(d.checked))}
            label="I understand: record the override"
          />
          <div className={styles.row}>
            <Button
              appearance="primary"
              disabled={!confirmed}
              onClick={() => {
                const refusal = record({ type: 'override.recorded', server, reason, change });
                setError(refusal);
                if (refusal === null) close();
              }}
            >
              Override the gate
            </Button>
            <Button onClick={close}>Cancel</Button>
          </div>
          {error && (
            <Text role="alert" className={styles.consequence}>
              {error}
            </Text>
          )}
        </>
      )}
    </section>
  );
}

/** Withdrawing an override not yet used by Step 3, with a reason (kept in the record). */
export function WithdrawOverride({ server, record }: { server: string; record: (command: Command) => string | null }) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!open)
    return (
      <div>
        <Button onClick={() => setOpen(true)}>Withdraw the override…</Button>
      </div>
    );
  return (
    <section className={styles.override} aria-label="Withdraw the override">
      <Field
        label="Why is the override withdrawn?"
        hint={`At least ${WITHDRAWAL_REASON_MIN} characters. The override and its withdrawal stay in the record; the gate closes again.`}
        required
      >
        <Textarea value={reason} onChange={(_, d) => setReason(d.value)} resize="vertical" />
      </Field>
      <div className={styles.row}>
        <Button
          appearance="primary"
          onClick={() => {
            const refusal = record({ type: 'override.withdrawn', server, reason });
            setError(refusal);
            if (refusal === null) setOpen(false);
          }}
        >
          Withdraw the override
        </Button>
        <Button
          onClick={() => {
            setOpen(false);
            setError(null);
          }}
        >
          Cancel
        </Button>
      </div>
      {error && (
        <Text role="alert" className={styles.consequence}>
          {error}
        </Text>
      )}
    </section>
  );
}
