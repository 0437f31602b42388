import { useEffect, useMemo, useState } from 'react';
import { ROLE_OF_POOL_KIND, type Deployment, type PoolKind } from '../../../core/model/deployment';
import { normalizeFqdn } from '../../../core/model/fqdn';
import { validateDeployment, type DeploymentProblem } from '../../../core/model/validate';
import { watchPointer, whenPointerReleased } from '../../pointer';

function keyOf(p: DeploymentProblem): string {
  return p.path.join('.');
}

/** A deployment being typed in: the draft, its problems shown at each field once left, and the edits. */
export function useDeploymentDraft(initial: Deployment, lockedServers: readonly string[] = []) {
  const [draft, setDraft] = useState<Deployment>(initial);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  useEffect(watchPointer, []);
  const problems = useMemo(() => validateDeployment(draft), [draft]);
  const byKey = useMemo(() => {
    const map = new Map<string, DeploymentProblem>();
    for (const p of problems) if (!map.has(keyOf(p))) map.set(keyOf(p), p);
    return map;
  }, [problems]);
  const locked = new Set(lockedServers.map(normalizeFqdn));

  /** The field's validation, once it was left or the admin tried to go on. */
  const fieldState = (key: string) => {
    const p = byKey.get(key);
    if (p === undefined || !(submitted || touched.has(key))) return {};
    return {
      validationState: p.severity === 'error' ? ('error' as const) : ('warning' as const),
      validationMessage: p.message,
    };
  };

  return {
    draft,
    errors: problems.filter((p) => p.severity === 'error'),
    submitted,
    fieldState,
    /** The first problem of either key (a field that shows two checks). */
    eitherState: (key: string, other: string) =>
      fieldState(other).validationMessage ? fieldState(other) : fieldState(key),
    // Shown once the click that left the field has landed (pointer.ts): the message moves what is below it.
    touch: (key: string) => whenPointerReleased(() => setTouched((t) => new Set(t).add(key))),
    markSubmitted: () => setSubmitted(true),
    update: (change: Partial<Deployment>) => setDraft((d) => ({ ...d, ...change })),
    /** True for a server with recorded steps: it stays as it is. */
    isLocked: (fqdn: string) => locked.has(normalizeFqdn(fqdn)),
    /** A pool holding servers with recorded steps keeps its name: their history refers to it. */
    poolLocked: (fqdn: string) =>
      fqdn !== '' &&
      draft.servers.some((s) => locked.has(normalizeFqdn(s.fqdn)) && normalizeFqdn(s.pool) === normalizeFqdn(fqdn)),
    setPool: (i: number, change: Partial<{ fqdn: string; kind: PoolKind }>) =>
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
      }),
    addPool: () => setDraft((d) => ({ ...d, pools: [...d.pools, { fqdn: '', kind: 'enterprise-front-end' }] })),
    removePool: (i: number) =>
      setDraft((d) => ({
        ...d,
        pools: d.pools.filter((_, j) => j !== i),
        cmsPool: d.cmsPool === d.pools[i]?.fqdn ? null : d.cmsPool,
      })),
    setServer: (i: number, change: Partial<{ fqdn: string; pool: string }>) =>
      setDraft((d) => ({
        ...d,
        servers: d.servers.map((s, j) => {
          if (j !== i) return s;
          const next = { ...s, ...change };
          const pool = d.pools.find((p) => normalizeFqdn(p.fqdn) === normalizeFqdn(next.pool));
          return { ...next, role: pool ? ROLE_OF_POOL_KIND[pool.kind] : next.role };
        }),
      })),
    addServer: () =>
      setDraft((d) => {
        const pool = d.pools.find((p) => p.fqdn.trim() !== '');
        const role = pool ? ROLE_OF_POOL_KIND[pool.kind] : 'front-end';
        return { ...d, servers: [...d.servers, { fqdn: '', pool: pool?.fqdn ?? '', role }] };
      }),
    removeServer: (i: number) => setDraft((d) => ({ ...d, servers: d.servers.filter((_, j) => j !== i) })),
  };
}

/** The draft being typed in, as the form's parts use it. */
export type DeploymentDraft = ReturnType<typeof useDeploymentDraft>;

/** Problems are listed by where they are and what they say. */
export function problemKey(p: DeploymentProblem): string {
  return `${keyOf(p)}:${p.message}`;
}
