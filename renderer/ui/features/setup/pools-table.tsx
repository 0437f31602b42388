import { Button, Select, Subtitle1 } from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { POOL_KIND_LABELS, POOL_KINDS, type PoolKind } from '../../../core/model/deployment';
import { TableHead } from '../../components/table-head';
import type { DeploymentDraft } from './deployment-draft';
import { FqdnCell } from './fqdn-cell';
import { useFormStyles } from './form-styles';

/** The pools of the deployment: FQDN and kind, one row each. */
export function PoolsTable({ form }: { form: DeploymentDraft }) {
  const styles = useFormStyles();
  return (
    <section aria-labelledby="pools-title">
      <Subtitle1 as="h2" id="pools-title">
        Pools
      </Subtitle1>
      <table className={styles.table}>
        <TableHead className={styles.th} columns={['Pool FQDN', 'Kind', { hidden: 'Remove' }]} />
        <tbody>
          {form.draft.pools.map((pool, i) => {
            const locked = form.poolLocked(pool.fqdn);
            return (
              <tr key={i}>
                <FqdnCell
                  label={`Pool ${i + 1} FQDN`}
                  value={pool.fqdn}
                  locked={locked}
                  placeholder="fepool.contoso.local"
                  state={form.eitherState(`pools.${i}.fqdn`, `pools.${i}`)}
                  onChange={(fqdn) => form.setPool(i, { fqdn })}
                  onBlur={() => form.touch(`pools.${i}.fqdn`)}
                />
                <td className={styles.td}>
                  <Select
                    aria-label={`Pool ${i + 1} kind`}
                    value={pool.kind}
                    disabled={locked}
                    onChange={(_, d) => form.setPool(i, { kind: d.value as PoolKind })}
                  >
                    {POOL_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {POOL_KIND_LABELS[k]}
                      </option>
                    ))}
                  </Select>
                </td>
                <td className={styles.td}>
                  <Button
                    appearance="subtle"
                    icon={<DeleteRegular />}
                    aria-label={`Remove pool ${pool.fqdn || i + 1}`}
                    disabled={locked}
                    onClick={() => form.removePool(i)}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <Button icon={<AddRegular />} onClick={form.addPool}>
        Add a pool
      </Button>
    </section>
  );
}
