import { Button, makeStyles, Popover, PopoverSurface, PopoverTrigger, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { validateThumbprint } from '../../../core/powershell/validators';
import { ThumbprintField } from '../../components/thumbprint-field';
import type { Workspace } from '../../workspace/workspace';

const useStyles = makeStyles({
  surface: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '34rem' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

/**
 * For an OAuthTokenIssuer assignment recorded without its thumbprint: adds it later (once), so
 * evidence showing the certificate on a server can be checked against it. The assignment keeps
 * its server and time.
 */
export function RecordThumbprint({ workspace, server }: { workspace: Workspace; server: string }) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);

  const submit = () => {
    const checked = validateThumbprint(value, 'The thumbprint');
    if (!checked.ok) {
      setError(checked.error);
      return;
    }
    const result = workspace.record({ type: 'oauth.thumbprint.recorded', server, thumbprint: checked.value });
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setOpen(false);
  };

  return (
    <Popover
      open={open}
      onOpenChange={(_, d) => {
        // Each opening starts clean: no value or error left from a cancelled attempt.
        if (d.open) {
          setValue('');
          setError(undefined);
        }
        setOpen(d.open);
      }}
      trapFocus
      withArrow
    >
      <PopoverTrigger disableButtonEnhancement>
        <Button size="small" appearance="secondary">
          Record its thumbprint…
        </Button>
      </PopoverTrigger>
      <PopoverSurface aria-label="Record the OAuthTokenIssuer thumbprint">
        <form
          className={styles.surface}
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <ThumbprintField
            label={`Thumbprint of the OAuthTokenIssuer certificate assigned on ${server}`}
            hint="40 hexadecimal digits (spaces are ignored). In its management shell: Get-CsCertificate -Type OAuthTokenIssuer shows it. It can be recorded once."
            value={value}
            error={error}
            onChange={(next) => {
              setValue(next);
              setError(undefined);
            }}
          />
          <div className={styles.actions}>
            <Button appearance="primary" type="submit">
              Record thumbprint
            </Button>
            <Button onClick={() => setOpen(false)}>Cancel</Button>
          </div>
        </form>
      </PopoverSurface>
    </Popover>
  );
}
