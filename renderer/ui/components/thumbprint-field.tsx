import { Field, Input, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  mono: { fontFamily: tokens.fontFamilyMonospace, minWidth: '28rem', maxWidth: '100%' },
});

/** Where the admin types a certificate thumbprint (40 hexadecimal digits, wide enough to read). */
export function ThumbprintField(props: {
  label: string;
  hint: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  /** Something to look at before recording, short of an error. */
  warning?: string | undefined;
}) {
  const styles = useStyles();
  return (
    <Field
      label={props.label}
      hint={props.hint}
      validationState={props.error ? 'error' : props.warning ? 'warning' : 'none'}
      validationMessage={props.error ?? props.warning}
    >
      <Input
        className={styles.mono}
        value={props.value}
        onChange={(_, d) => props.onChange(d.value)}
        placeholder="0123456789ABCDEF0123456789ABCDEF01234567"
      />
    </Field>
  );
}
