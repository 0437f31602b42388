import { makeStyles, Select, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  filter: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

/** A labelled filter of a list: "All …" first, then one option per value. */
export function FilterSelect<T extends string>({
  id,
  label,
  value,
  all,
  options,
  onChange,
}: {
  id: string;
  label: string;
  value: T | '';
  /** The words of the option that filters nothing ("All pools"). */
  all: string;
  options: readonly { readonly value: T; readonly label: string }[];
  onChange: (value: T | '') => void;
}) {
  const styles = useStyles();
  return (
    <div className={styles.filter}>
      <label htmlFor={id}>{label}</label>
      <Select id={id} value={value} onChange={(_, d) => onChange(d.value as T | '')}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </div>
  );
}
