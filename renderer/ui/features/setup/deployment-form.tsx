import { Button, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Select } from '@fluentui/react-components';
import { ErrorBar } from '../../components/error-bar';
import { useEffect, useState } from 'react';
import { canHostCms, POOL_KIND_LABELS, type Deployment } from '../../../core/model/deployment';
import { ProductSelect } from '../../components/product-select';
import { problemKey, useDeploymentDraft } from './deployment-draft';
import { useFormStyles } from './form-styles';
import { PoolsTable } from './pools-table';
import { ServersTable } from './servers-table';

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
  /** What is wrong outside the deployment itself (the operator's name), listed with the rest and blocking it. */
  otherProblems?: readonly string[];
  /** Called when the admin tries to go on, before anything is checked. */
  onTry?: () => void;
}) {
  const styles = useFormStyles();
  const form = useDeploymentDraft(props.initial, props.lockedServers);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const errors = form.errors;
  const cmsCandidates = form.draft.pools.filter((p) => canHostCms(p.kind) && p.fqdn.trim() !== '');
  const others = props.otherProblems ?? [];
  const problems = [
    ...others.map((message) => ({ key: `other:${message}`, message })),
    ...errors.map((p) => ({ key: problemKey(p), message: p.message })),
  ];
  // The only pool that can host the CMS is the CMS pool until the admin lists another.
  const onlyCandidate = cmsCandidates.length === 1 ? cmsCandidates[0]!.fqdn : null;
  const { update } = form;
  const cmsPool = form.draft.cmsPool;
  useEffect(() => {
    if (cmsPool === null && onlyCandidate !== null) update({ cmsPool: onlyCandidate });
  }, [cmsPool, onlyCandidate, update]);

  const submit = () => {
    form.markSubmitted();
    props.onTry?.();
    if (problems.length > 0) return;
    setSubmitError(props.onSubmit(form.draft));
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
        <Field label="Deployment name" required {...form.fieldState('name')}>
          <Input
            value={form.draft.name}
            onChange={(_, d) => form.update({ name: d.value })}
            onBlur={() => form.touch('name')}
            placeholder="Contoso HQ"
          />
        </Field>
        <Field label="Product version" required {...form.fieldState('product')}>
          <ProductSelect value={form.draft.product} onChange={(product) => form.update({ product })} />
        </Field>
        <Field label="Default SIP domain" required hint="Also the OAuth realm." {...form.fieldState('sipDomain')}>
          <Input
            className={styles.mono}
            value={form.draft.sipDomain}
            onChange={(_, d) => form.update({ sipDomain: d.value })}
            onBlur={() => form.touch('sipDomain')}
            placeholder="contoso.com"
          />
        </Field>
      </div>

      <PoolsTable form={form} />

      <Field label="Pool that hosts the Central Management Store" required {...form.fieldState('cmsPool')}>
        <Select
          value={form.draft.cmsPool ?? ''}
          onChange={(_, d) => form.update({ cmsPool: d.value === '' ? null : d.value })}
          onBlur={() => form.touch('cmsPool')}
        >
          <option value="">Choose the CMS pool…</option>
          {cmsCandidates.map((p) => (
            <option key={p.fqdn} value={p.fqdn}>
              {p.fqdn} ({POOL_KIND_LABELS[p.kind]})
            </option>
          ))}
        </Select>
      </Field>

      <ServersTable form={form} />

      {form.submitted && problems.length > 0 && (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>
              {problems.length === 1 ? 'One thing to fix' : `${problems.length} things to fix`} before going on
            </MessageBarTitle>
            <ul className={styles.list}>
              {problems.map((p) => (
                <li key={p.key}>{p.message}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <ErrorBar message={submitError} />
      <div className={styles.actions}>
        <Button appearance="primary" type="submit">
          {props.submitLabel}
        </Button>
        <Button onClick={props.onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
