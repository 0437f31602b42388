/** `lync-runbook new`: a deployment file from pools and servers named on the command line. */
import { existsSync } from 'node:fs';
import {
  canHostCms,
  POOL_KINDS,
  ROLE_OF_POOL_KIND,
  type Deployment,
  type Pool,
  type PoolKind,
  type Server,
} from '../../../renderer/core/model/deployment';
import { normalizeFqdn, sameFqdn } from '../../../renderer/core/model/fqdn';
import { PRODUCT_VERSIONS } from '../../../renderer/core/model/product';
import { validateDeployment } from '../../../renderer/core/model/validate';
import { flag, oneOf, optional, parseCommandArgs, repeated, required, type ParsedArgs } from '../args';
import { UsageError } from '../cli-error';
import type { CliIo } from '../io';
import { createSession, saveSession, stampingOf, STAMP_OPTIONS } from '../session-options';

const C = 'new';

/** Refuses to replace an existing file unless --force. */
export function checkNewFile(path: string, args: ParsedArgs, command: string): void {
  if (existsSync(path) && !flag(args, 'force'))
    throw new UsageError(
      `${path} already exists; choose another --out, or add --force to replace it (the old one is kept as ${path}.bak).`,
      command,
    );
}

function splitPair(value: string, option: string, shape: string): [string, string] {
  const at = value.lastIndexOf(':');
  if (at <= 0 || at === value.length - 1) throw new UsageError(`--${option} "${value}" is not ${shape}.`, C);
  return [value.slice(0, at).trim(), value.slice(at + 1).trim()];
}

function pools(args: ParsedArgs): Pool[] {
  const list = repeated(args, 'pool').map((value) => {
    const [fqdn, kind] = splitPair(value, 'pool', 'FQDN:KIND, e.g. fepool.contoso.local:enterprise-front-end');
    return { fqdn, kind: oneOf<PoolKind>(kind, POOL_KINDS, `The pool kind of ${fqdn}`, C) };
  });
  if (list.length === 0)
    throw new UsageError('Name at least the pool that hosts the Central Management Store with --pool FQDN:KIND.', C);
  return list;
}

function servers(args: ParsedArgs, poolList: readonly Pool[]): Server[] {
  return repeated(args, 'server').map((value) => {
    const [fqdn, poolName] = splitPair(value, 'server', 'FQDN:POOL, e.g. fe01.contoso.local:fepool.contoso.local');
    const pool = poolList.find((p) => sameFqdn(p.fqdn, poolName));
    if (pool === undefined)
      throw new UsageError(
        `Server ${fqdn} names pool ${poolName}, which is not one of the --pool options (${poolList.map((p) => p.fqdn).join(', ')}).`,
        C,
      );
    return { fqdn, pool: pool.fqdn, role: ROLE_OF_POOL_KIND[pool.kind] };
  });
}

function cmsPool(args: ParsedArgs, poolList: readonly Pool[]): string {
  const given = optional(args, 'cms-pool');
  if (given !== undefined) return given;
  const candidates = poolList.filter((p) => canHostCms(p.kind));
  if (candidates.length === 1) return candidates[0]!.fqdn;
  if (candidates.length === 0)
    throw new UsageError(
      'None of the pools can host the Central Management Store: add an enterprise-front-end or standard-edition pool.',
      C,
    );
  throw new UsageError(
    `Say which pool hosts the Central Management Store with --cms-pool: one of ${candidates.map((p) => normalizeFqdn(p.fqdn)).join(', ')}.`,
    C,
  );
}

/** Creates the deployment file; the deployment must be valid (every problem is listed when it is not). */
export async function runNew(argv: readonly string[], io: CliIo): Promise<number | 'help'> {
  const args = parseCommandArgs(
    C,
    argv,
    {
      name: { type: 'string' },
      product: { type: 'string' },
      'sip-domain': { type: 'string' },
      pool: { type: 'string', multiple: true },
      server: { type: 'string', multiple: true },
      'cms-pool': { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean' },
      ...STAMP_OPTIONS,
    },
    { min: 0, max: 0, names: '' },
  );
  if (args.help) return 'help';
  const out = required(args, 'out', C, 'FILE');
  const name = required(args, 'name', C, 'NAME');
  const product = oneOf(required(args, 'product', C, 'lync2013|sfb2015|sfb2019'), PRODUCT_VERSIONS, 'The product', C);
  const sipDomain = required(args, 'sip-domain', C, 'DOMAIN');
  const poolList = pools(args);
  const deployment: Deployment = {
    name,
    product,
    sipDomain,
    pools: poolList,
    servers: servers(args, poolList),
    cmsPool: cmsPool(args, poolList),
  };
  const problems = validateDeployment(deployment);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0)
    throw new UsageError(`The deployment is not valid:\n${errors.map((e) => `  - ${e.message}`).join('\n')}`, C);
  checkNewFile(out, args, C);
  const session = createSession(deployment, stampingOf(args, io, C), C);
  for (const warning of problems.filter((p) => p.severity === 'warning')) io.err(`warning: ${warning.message}\n`);
  await saveSession(out, session, io);
  const d = session.deployment()!;
  io.out(
    `Created ${out}: "${d.name}", ${d.pools.length} pool(s), ${d.servers.length} server(s), CMS pool ${d.cmsPool}.\n`,
  );
  return 0;
}
