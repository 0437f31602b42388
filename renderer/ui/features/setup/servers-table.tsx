import { Button, Field, Select, Subtitle1, Text } from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { ROLE_LABELS } from '../../../core/model/deployment';
import { TableHead } from '../../components/table-head';
import type { DeploymentDraft } from './deployment-draft';
import { FqdnCell } from './fqdn-cell';
import { useFormStyles } from './form-styles';

/** The servers of the deployment: FQDN and pool (the role follows from the pool), one row each. */
export function ServersTable({ form }: { form: DeploymentDraft }) {
  const styles = useFormStyles();
  const pools = form.draft.pools.filter((p) => p.fqdn.trim() !== '');
  return (
    <section aria-labelledby="servers-title">
      <Subtitle1 as="h2" id="servers-title">
        Servers
      </Subtitle1>
      <table className={styles.table}>
        <TableHead className={styles.th} columns={['Server FQDN', 'Pool', 'Role', { hidden: 'Remove' }]} />
        <tbody>
          {form.draft.servers.map((server, i) => {
            const locked = form.isLocked(server.fqdn);
            return (
              <tr key={i}>
                <FqdnCell
                  label={`Server ${i + 1} FQDN`}
                  value={server.fqdn}
                  locked={locked}
                  placeholder="fe01.contoso.local"
                  state={form.fieldState(`servers.${i}.fqdn`)}
                  onChange={(fqdn) => form.setServer(i, { fqdn })}
                  onBlur={() => form.touch(`servers.${i}.fqdn`)}
                />
                <td className={styles.td}>
                  <Field {...form.eitherState(`servers.${i}.pool`, `servers.${i}.role`)}>
                    <Select
                      aria-label={`Server ${i + 1} pool`}
                      value={server.pool}
                      disabled={locked}
                      onChange={(_, d) => form.setServer(i, { pool: d.value })}
                      onBlur={() => form.touch(`servers.${i}.pool`)}
                    >
                      <option value="">Choose a pool…</option>
                      {pools.map((p) => (
                        <option key={p.fqdn} value={p.fqdn}>
                          {p.fqdn}
                        </option>
                      ))}
                    </Select>
                  </Field>
                </td>
                <td className={styles.td}>
                  <Text className={styles.role}>{ROLE_LABELS[server.role]}</Text>
                </td>
                <td className={styles.td}>
                  <Button
                    appearance="subtle"
                    icon={<DeleteRegular />}
                    aria-label={`Remove server ${server.fqdn || i + 1}`}
                    disabled={locked}
                    title={locked ? 'This server has recorded steps; it stays in the runbook.' : undefined}
                    onClick={() => form.removeServer(i)}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <Button icon={<AddRegular />} onClick={form.addServer}>
        Add a server
      </Button>
    </section>
  );
}
