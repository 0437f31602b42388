import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Subtitle1,
  Text,
  tokens,
} from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import {
  canHostCms,
  POOL_KIND_LABELS,
  POOL_KINDS,
  ROLE_LABELS,
  ROLE_OF_POOL_KIND,
  type Deployment,
  type PoolKind,
} from '../../../core/model/deployment';
import { normalizeFqdn } from '../../../core/model/fqdn';
import { ProductSelect } from '../../components/product-select';
import { validateDeployment, type DeploymentProblem } from '../../../core/model/validate';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
  },
  table: { width: '100%', borderCollapse: 'collapse' },
  th: {
    textAlign: 'left',
    padding: tokens.spacingVerticalXS,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  td: { padding: tokens.spacingVerticalXS, verticalAlign: 'top' },
  mono: { fontFamily: tokens.fontFamilyMonospace },
  role: { display: 'inline-block', paddingTop: tokens.spacingVerticalS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

/** An empty deployment to start from. */
export function emptyDeployment(): Deployment {
  return {
    name: '',
    product: 'lync2013',
    sipDomain: '',
    cmsPool: null,
    pools: [{ fqdn: '', kind: 'enterprise-front-end' }],
    servers: [{ fqdn: '', pool: '', role: 'front-end' }],
  };
}

function keyOf(p: DeploymentProblem): string {
  return p.path.join('.');
}

/**
 * The deployment's product, SIP domain, pools, servers and CMS pool, with the model's validation
 * shown at each field (after it was left, or once the admin tried to go on).
 */
export function DeploymentForm(props: {
  initial: Deployment;
  submitLabel: string;
  onSubmit: (deployment: Deployment) => string | null;
  onCancel: () => void;
  lockedServers?: readonly string[];
}) {
  const styles = useStyles();
  const [draft, setDraft] = useState<Deployment>(props.initial);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const problems = useMemo(() => validateDeployment(draft), [draft]);
  const byKey = useMemo(() => {
    const map = new Map<string, DeploymentProblem>();
    for (const p of problems) if (!map.has(keyOf(p))) map.set(keyOf(p), p);
    return map;
  }, [problems]);
  const errors = problems.filter((p) => p.severity === 'error');

  const touch = (key: string) => setTouched((t) => new Set(t).add(key));
  const fieldState = (key: string) => {
    const p = byKey.get(key);
    if (p === undefined || !(submitted || touched.has(key))) return {};
    return {
      validationState: p.severity === 'error' ? ('error' as const) : ('warning' as const),
      validationMessage: p.message,
    };
  };
  const update = (change: Partial<Deployment>) => setDraft((d) => ({ ...d, ...change }));
  const setPool = (i: number, change: Partial<{ fqdn: string; kind: PoolKind }>) =>
    setDraft((d) => {
      const before = d.pools[i]!;
      const after = { ...before, ...change };
      const pools = d.pools.map((p, j) => (j === i ? after : p));
      // Servers follow their pool: its new name, and the role of its new kind.
      const servers = d.servers.map((s) =>
        normalizeFqdn(s.pool) === normalizeFqdn(before.fqdn) && before.fqdn !== ''
          ? { ...s, pool: after.fqdn, role: ROLE_OF_POOL_KIND[after.kind] }
          : s,
      );
      const cmsPool =
        d.cmsPool !== null && normalizeFqdn(d.cmsPool) === normalizeFqdn(before.fqdn) ? after.fqdn : d.cmsPool;
      return { ...d, pools, servers, cmsPool };
    });
  const setServer = (i: number, change: Partial<{ fqdn: string; pool: string }>) =>
    setDraft((d) => ({
      ...d,
      servers: d.servers.map((s, j) => {
        if (j !== i) return s;
        const next = { ...s, ...change };
        const pool = d.pools.find((p) => normalizeFqdn(p.fqdn) === normalizeFqdn(next.pool));
        return { ...next, role: pool ? ROLE_OF_POOL_KIND[pool.kind] : next.role };
      }),
    }));
  const locked = new Set((props.lockedServers ?? []).map(normalizeFqdn));
  // A pool holding servers with recorded steps keeps its name: their history refers to it.
  const poolLocked = (fqdn: string) =>
    fqdn !== '' &&
    draft.servers.some((s) => locked.has(normalizeFqdn(s.fqdn)) && normalizeFqdn(s.pool) === normalizeFqdn(fqdn));
  const cmsCandidates = draft.pools.filter((p) => canHostCms(p.kind) && p.fqdn.trim() !== '');

  const submit = () => {
    setSubmitted(true);
    if (errors.length > 0) return;
    setSubmitError(props.onSubmit(draft));
  };

  return (
    <form
      className={styles.form}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className={styles.grid}>
        <Field label="Deployment name" required {...fieldState('name')}>
          <Input
            value={draft.name}
            onChange={(_, d) => update({ name: d.value })}
            onBlur={() => touch('name')}
            placeholder="Contoso HQ"
          />
        </Field>
        <Field label="Product version" required {...fieldState('product')}>
          <ProductSelect value={draft.product} onChange={(product) => update({ product })} />
        </Field>
        <Field label="Default SIP domain" required hint="Also the OAuth realm." {...fieldState('sipDomain')}>
          <Input
            className={styles.mono}
            value={draft.sipDomain}
            onChange={(_, d) => update({ sipDomain: d.value })}
            onBlur={() => touch('sipDomain')}
            placeholder="contoso.com"
          />
        </Field>
      </div>

      <section aria-labelledby="pools-title">
        <Subtitle1 as="h2" id="pools-title">
          Pools
        </Subtitle1>
        <table className={styles.table}>
          <thead>
            <tr>
              <th className={styles.th} scope="col">
                Pool FQDN
              </th>
              <th className={styles.th} scope="col">
                Kind
              </th>
              <th className={styles.th} scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {draft.pools.map((pool, i) => (
              <tr key={i}>
                <td className={styles.td}>
                  <Field
                    {...fieldState(`pools.${i}.fqdn`)}
                    {...(fieldState(`pools.${i}`).validationMessage ? fieldState(`pools.${i}`) : {})}
                  >
                    <Input
                      className={styles.mono}
                      aria-label={`Pool ${i + 1} FQDN`}
                      value={pool.fqdn}
                      readOnly={poolLocked(pool.fqdn)}
                      onChange={(_, d) => setPool(i, { fqdn: d.value })}
                      onBlur={() => touch(`pools.${i}.fqdn`)}
                      placeholder="fepool.contoso.local"
                    />
                  </Field>
                </td>
                <td className={styles.td}>
                  <Select
                    aria-label={`Pool ${i + 1} kind`}
                    value={pool.kind}
                    disabled={poolLocked(pool.fqdn)}
                    onChange={(_, d) => setPool(i, { kind: d.value as PoolKind })}
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
                    disabled={poolLocked(pool.fqdn)}
                    onClick={() =>
                      setDraft((d) => ({
                        ...d,
                        pools: d.pools.filter((_, j) => j !== i),
                        cmsPool: d.cmsPool === pool.fqdn ? null : d.cmsPool,
                      }))
                    }
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <Button
          icon={<AddRegular />}
          onClick={() => setDraft((d) => ({ ...d, pools: [...d.pools, { fqdn: '', kind: 'enterprise-front-end' }] }))}
        >
          Add a pool
        </Button>
      </section>

      <Field label="Pool that hosts the Central Management Store" required {...fieldState('cmsPool')}>
        <Select
          value={draft.cmsPool ?? ''}
          onChange={(_, d) => update({ cmsPool: d.value === '' ? null : d.value })}
          onBlur={() => touch('cmsPool')}
        >
          <option value="">Choose the CMS pool…</option>
          {cmsCandidates.map((p) => (
            <option key={p.fqdn} value={p.fqdn}>
              {p.fqdn} ({POOL_KIND_LABELS[p.kind]})
            </option>
          ))}
        </Select>
      </Field>

      <section aria-labelledby="servers-title">
        <Subtitle1 as="h2" id="servers-title">
          Servers
        </Subtitle1>
        <table className={styles.table}>
          <thead>
            <tr>
              <th className={styles.th} scope="col">
                Server FQDN
              </th>
              <th className={styles.th} scope="col">
                Pool
              </th>
              <th className={styles.th} scope="col">
                Role
              </th>
              <th className={styles.th} scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {draft.servers.map((server, i) => {
              const isLocked = locked.has(normalizeFqdn(server.fqdn));
              return (
                <tr key={i}>
                  <td className={styles.td}>
                    <Field {...fieldState(`servers.${i}.fqdn`)}>
                      <Input
                        className={styles.mono}
                        aria-label={`Server ${i + 1} FQDN`}
                        value={server.fqdn}
                        readOnly={isLocked}
                        onChange={(_, d) => setServer(i, { fqdn: d.value })}
                        onBlur={() => touch(`servers.${i}.fqdn`)}
                        placeholder="fe01.contoso.local"
                      />
                    </Field>
                  </td>
                  <td className={styles.td}>
                    <Field
                      {...fieldState(`servers.${i}.pool`)}
                      {...(fieldState(`servers.${i}.role`).validationMessage ? fieldState(`servers.${i}.role`) : {})}
                    >
                      <Select
                        aria-label={`Server ${i + 1} pool`}
                        value={server.pool}
                        disabled={isLocked}
                        onChange={(_, d) => setServer(i, { pool: d.value })}
                        onBlur={() => touch(`servers.${i}.pool`)}
                      >
                        <option value="">Choose a pool…</option>
                        {draft.pools
                          .filter((p) => p.fqdn.trim() !== '')
                          .map((p) => (
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
                      disabled={isLocked}
                      title={isLocked ? 'This server has recorded steps; it stays in the runbook.' : undefined}
                      onClick={() => setDraft((d) => ({ ...d, servers: d.servers.filter((_, j) => j !== i) }))}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <Button
          icon={<AddRegular />}
          onClick={() =>
            setDraft((d) => {
              const pool = d.pools.find((p) => p.fqdn.trim() !== '');
              return {
                ...d,
                servers: [
                  ...d.servers,
                  { fqdn: '', pool: pool?.fqdn ?? '', role: pool ? ROLE_OF_POOL_KIND[pool.kind] : 'front-end' },
                ],
              };
            })
          }
        >
          Add a server
        </Button>
      </section>

      {submitted && errors.length > 0 && (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>
              {errors.length === 1 ? 'One thing to fix' : `${errors.length} things to fix`} before going on
            </MessageBarTitle>
            <ul className={styles.list}>
              {errors.map((p) => (
                <li key={`${keyOf(p)}:${p.message}`}>{p.message}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {submitError && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{submitError}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" type="submit">
          {props.submitLabel}
        </Button>
        <Button onClick={props.onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
