import { Button, Field, makeStyles, Radio, RadioGroup, tokens } from '@fluentui/react-components';
import { ErrorBar } from '../../components/error-bar';
import { CheckmarkRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { Command, Step1Way } from '../../../core/events/schema';
import { validateThumbprint } from '../../../core/powershell';
import { EarlierCheckbox, FinishedAtInput, useFinishedAt } from '../../components/finished-at';
import { ThumbprintField } from '../../components/thumbprint-field';
import { CertificatesPasteFields, useCertificatesPaste, type CertificatesSource } from './step3-certificates';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
});

/**
 * "Mark done": records the step now, or at an earlier time the admin enters (work done before it
 * was tracked here). A Step 3 that assigns the OAuthTokenIssuer certificate also asks its thumbprint;
 * a Step 3 takes the server's Get-CsCertificate listing too, recorded per use.
 */
export function MarkDone(props: {
  label: string;
  timeZone: string;
  askThumbprint: boolean;
  /** The time decides the gate (a Step 1 after the OAuth assignment): ask for it rather than assume "now". */
  timeMatters?: string;
  /** A Step 1 run again: ask how it was done (the wizard or the PowerShell equivalent), so the record says. */
  askHow?: boolean;
  /** A Step 3: where its Get-CsCertificate listing is about and kept, so it can be pasted and recorded with it. */
  certificates?: CertificatesSource;
  record: (command: Partial<Extract<Command, { type: 'step.completed' }>>) => string | null;
}) {
  const styles = useStyles();
  const time = useFinishedAt(props.timeZone, props.timeMatters);
  const [thumbprint, setThumbprint] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [how, setHow] = useState<Step1Way | ''>('');
  const paste = useCertificatesPaste(props.certificates, props.timeZone);
  // An empty thumbprint field takes the one the listing shows: the admin need not copy it across.
  const fromPaste = props.askThumbprint && thumbprint.trim() === '' ? paste.oauthThumbprint : null;
  const shownThumbprint = fromPaste ?? thumbprint;
  const typed = props.askThumbprint && fromPaste === null ? validateThumbprint(thumbprint, 'The thumbprint') : null;
  // Said before recording: the deployment refuses a Step 3 whose listing shows another OAuthTokenIssuer.
  const disagrees =
    typed?.ok === true && paste.oauthThumbprints.length > 0 && !paste.oauthThumbprints.includes(typed.value)
      ? `The Get-CsCertificate output below shows OAuthTokenIssuer ${paste.oauthThumbprints.join(', ')}, not this thumbprint: correct the one that is wrong before recording.`
      : undefined;

  const submit = () => {
    const when = time.read();
    if (!when.ok) {
      setError(when.problem);
      return;
    }
    const at = when.at;
    let tp: string | undefined;
    if (props.askThumbprint && shownThumbprint.trim() !== '') {
      const checked = validateThumbprint(shownThumbprint, 'The thumbprint');
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
    const listed = paste.toRecord();
    if (!listed.ok) {
      setError(listed.problem);
      return;
    }
    const via = props.askHow && how !== '' ? { via: how } : {};
    const certificates = listed.certificates ? { certificates: listed.certificates } : {};
    const refusal = props.record({
      ...(at ? { at } : {}),
      ...(tp ? { thumbprint: tp } : {}),
      ...via,
      ...certificates,
    });
    setError(refusal);
    // Recorded: the listing is in the history now, and no longer kept as typed.
    if (refusal === null) paste.setText('');
  };

  return (
    <div className={styles.box}>
      {props.askThumbprint && (
        <ThumbprintField
          label="Thumbprint of the OAuthTokenIssuer certificate you assigned"
          hint={
            fromPaste === null
              ? 'Optional but recommended: evidence can then be checked against it. 40 hexadecimal digits (spaces are ignored).'
              : 'Taken from the OAuthTokenIssuer certificate in the Get-CsCertificate output below; type another to replace it.'
          }
          value={shownThumbprint}
          onChange={setThumbprint}
          warning={disagrees}
        />
      )}
      <CertificatesPasteFields paste={paste} timeZone={props.timeZone} />
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
