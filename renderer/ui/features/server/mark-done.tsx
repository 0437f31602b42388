import { Button, Field, makeStyles, Radio, RadioGroup, tokens } from '@fluentui/react-components';
import { ErrorBar } from '../../components/error-bar';
import { CheckmarkRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { Command, Step1Way } from '../../../core/events/schema';
import { validateThumbprint } from '../../../core/powershell';
import { EarlierCheckbox, FinishedAtInput, useFinishedAt } from '../../components/finished-at';
import { ThumbprintField } from '../../components/thumbprint-field';

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
  /** A Step 1 run again: ask how it was done (the wizard or the PowerShell equivalent), so the record says. */
  askHow?: boolean;
  record: (command: Partial<Extract<Command, { type: 'step.completed' }>>) => string | null;
}) {
  const styles = useStyles();
  const time = useFinishedAt(props.timeZone, props.timeMatters);
  const [thumbprint, setThumbprint] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [how, setHow] = useState<Step1Way | ''>('');

  const submit = () => {
    const when = time.read();
    if (!when.ok) {
      setError(when.problem);
      return;
    }
    const at = when.at;
    let tp: string | undefined;
    if (props.askThumbprint && thumbprint.trim() !== '') {
      const checked = validateThumbprint(thumbprint, 'The thumbprint');
      if (!checked.ok) {
        setError(checked.error);
        return;
      }
      tp = checked.value;
    }
    if (props.askHow && how === '') {
      setError('Say how Step 1 was run again: with the Deployment Wizard, or with the PowerShell equivalent.');
      return;
    }
    const via = props.askHow && how !== '' ? { via: how } : {};
    const refusal = props.record({ ...(at ? { at } : {}), ...(tp ? { thumbprint: tp } : {}), ...via });
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
      {props.askHow && (
        <Field label="How was Step 1 run again?" required>
          <RadioGroup value={how} onChange={(_, d) => setHow(d.value as Step1Way)}>
            <Radio
              value="wizard"
              label="Deployment Wizard: Step 1 → Run Again → Retrieve directly from the Central Management store"
            />
            <Radio
              value="powershell"
              label="The PowerShell equivalent this app shows (export from the CMS, import into the local store)"
            />
          </RadioGroup>
        </Field>
      )}
      <EarlierCheckbox time={time} />
      <div className={styles.row}>
        <FinishedAtInput time={time} />
        <Button appearance="primary" icon={<CheckmarkRegular />} onClick={submit}>
          {props.label}
        </Button>
      </div>
      <ErrorBar message={error} />
    </div>
  );
}
