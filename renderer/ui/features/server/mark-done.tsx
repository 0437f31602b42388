import { Button, Checkbox, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { ErrorBar } from '../../components/error-bar';
import { CheckmarkRegular } from '@fluentui/react-icons';
import { useId, useState } from 'react';
import type { Command } from '../../../core/events/schema';
import { validateThumbprint } from '../../../core/powershell';
import { ThumbprintField } from '../../components/thumbprint-field';
import { fromLocalInput, toLocalInput } from '../../format';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
});

/**
 * "Mark done": records the step now, or at an earlier time the admin enters (work done before it
 * was tracked here). A Step 3 that assigns the OAuthTokenIssuer certificate also asks its thumbprint.
 */
export function MarkDone(props: {
  label: string;
  timeZone: string;
  askThumbprint: boolean;
  /** The time decides the gate (a Step 1 after the OAuth assignment): ask for it rather than assume "now". */
  timeMatters?: string;
  record: (command: Partial<Extract<Command, { type: 'step.completed' }>>) => string | null;
}) {
  const styles = useStyles();
  const [earlier, setEarlier] = useState(props.timeMatters !== undefined);
  const [when, setWhen] = useState(() => toLocalInput(new Date().toISOString(), props.timeZone));
  // Until the admin edits the time, it means "now" at the moment of recording, not when the form appeared.
  const [edited, setEdited] = useState(false);
  const [thumbprint, setThumbprint] = useState('');
  const [error, setError] = useState<string | null>(null);
  const timeId = useId();

  const submit = () => {
    let at: string | undefined;
    if (earlier && edited) {
      const parsed = fromLocalInput(when, props.timeZone);
      if (!parsed.ok) {
        setError(parsed.problem);
        return;
      }
      at = parsed.iso;
    }
    let tp: string | undefined;
    if (props.askThumbprint && thumbprint.trim() !== '') {
      const checked = validateThumbprint(thumbprint, 'The thumbprint');
      if (!checked.ok) {
        setError(checked.error);
        return;
      }
      tp = checked.value;
    }
    const refusal = props.record({ ...(at ? { at } : {}), ...(tp ? { thumbprint: tp } : {}) });
    setError(refusal);
  };

  return (
    <div className={styles.box}>
      {props.askThumbprint && (
        <ThumbprintField
          label="Thumbprint of the OAuthTokenIssuer certificate you assigned"
          hint="Optional but recommended: evidence can then be checked against it. 40 hexadecimal digits (spaces are ignored)."
          value={thumbprint}
          onChange={setThumbprint}
        />
      )}
      {props.timeMatters === undefined && (
        <Checkbox
          checked={earlier}
          onChange={(_, d) => setEarlier(Boolean(d.checked))}
          label="It was done earlier: enter the time"
        />
      )}
      <div className={styles.row}>
        {earlier && (
          <Field label={`Finished at (${props.timeZone})`} hint={props.timeMatters}>
            <Input
              id={timeId}
              type="datetime-local"
              value={when}
              onChange={(_, d) => {
                setWhen(d.value);
                setEdited(true);
              }}
            />
          </Field>
        )}
        <Button appearance="primary" icon={<CheckmarkRegular />} onClick={submit}>
          {props.label}
        </Button>
      </div>
      <ErrorBar message={error} />
    </div>
  );
}
