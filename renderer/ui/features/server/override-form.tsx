import { Button, Field, makeStyles, Textarea, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Command } from '../../../core/events/schema';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  override: {
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalM,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
});

/** Going past the gate with a written reason (shown as an override everywhere after). */
export function OverrideForm({ server, record }: { server: string; record: (command: Command) => string | null }) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <section className={styles.override} aria-label="Override">
      {!open ? (
        <div>
          <Button appearance="subtle" onClick={() => setOpen(true)}>
            … or override the gate with a reason
          </Button>
        </div>
      ) : (
        <>
          <Field
            label="Why may Step 3 go ahead on this server anyway?"
            hint="The override and this reason appear everywhere the step is shown, and in the runbook."
            required
            validationState={error ? 'error' : 'none'}
            validationMessage={error ?? undefined}
          >
            <Textarea value={reason} onChange={(_, d) => setReason(d.value)} resize="vertical" />
          </Field>
          <div className={styles.row}>
            <Button
              appearance="primary"
              onClick={() => setError(record({ type: 'override.recorded', server, reason }))}
            >
              Override the gate
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
        </>
      )}
    </section>
  );
}
