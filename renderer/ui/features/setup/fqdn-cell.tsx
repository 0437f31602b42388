import { Field, Input } from '@fluentui/react-components';
import { useFormStyles } from './form-styles';

/** A table cell where a pool's or a server's FQDN is typed, with its validation. */
export function FqdnCell(props: {
  label: string;
  value: string;
  /** Read only: it has recorded steps (or holds servers that do). */
  locked: boolean;
  placeholder: string;
  state: { validationState?: 'error' | 'warning'; validationMessage?: string };
  onChange: (value: string) => void;
  onBlur: () => void;
}) {
  const styles = useFormStyles();
  return (
    <td className={styles.td}>
      <Field {...props.state}>
        <Input
          className={styles.mono}
          aria-label={props.label}
          value={props.value}
          readOnly={props.locked}
          onChange={(_, d) => props.onChange(d.value)}
          onBlur={props.onBlur}
          placeholder={props.placeholder}
        />
      </Field>
    </td>
  );
}
