/**
 * Step 4 of an Enterprise Edition Front End pool: its first start, of the members named, together
 * (replication-and-pools D2). Skype for Business Server: one Start-CsPool for a pool of three or more
 * Front Ends, skipping the members not ready; Lync Server 2013 (and smaller pools): the services of
 * each member started without waiting, since RTCSRV stays "Starting" until enough of them run. The
 * post-check reads every member it started.
 */
import { findPool, poolMembers, type Server } from '../model/deployment';
import { normalizeFqdn } from '../model/fqdn';
import { firstStartNeed, startsAsPool } from '../model/pool-start';
import { stepTitle } from '../model/product';
import { cmd, comment, concat, lines, ps, v } from './render';
import { makeScript, type CheckedContext, type ScriptsResult } from './script';
import { say } from './snippets';
import { validateFqdn } from './validators';

/** True when the pool is started with one Start-CsPool (Skype for Business Server, three or more Front Ends). */
export function usesStartCsPool(ctx: CheckedContext, pool: string): boolean {
  const kind = findPool(ctx.deployment, pool)?.kind;
  return (
    ctx.product.hasStartCsPool &&
    kind !== undefined &&
    startsAsPool(kind) &&
    poolMembers(ctx.deployment, pool).length >= 3
  );
}

/**
 * The first start of `server`'s Enterprise pool, of `servers` (default: every member). Not an
 * Enterprise pool: no script (its servers start with their own Step 4).
 */
export function poolStartScripts(ctx: CheckedContext, server: Server, servers?: readonly string[]): ScriptsResult {
  const pool = findPool(ctx.deployment, server.pool);
  if (pool === undefined || !startsAsPool(pool.kind)) return { ok: true, scripts: [] };
  const members = poolMembers(ctx.deployment, pool.fqdn).map((s) => normalizeFqdn(s.fqdn));
  const errors: string[] = [];
  const named: string[] = [];
  for (const fqdn of servers ?? members) {
    const checked = validateFqdn(fqdn, 'A member to start');
    if (!checked.ok) errors.push(checked.error);
    else if (!members.includes(checked.value)) errors.push(`${checked.value} is not a member of ${pool.fqdn}.`);
    else if (!named.includes(checked.value)) named.push(checked.value);
  }
  if (named.length === 0 && errors.length === 0) errors.push(`Name at least one member of ${pool.fqdn} to start.`);
  if (errors.length > 0) return { ok: false, errors };
  const skipped = members.filter((m) => !named.includes(m));
  const need = firstStartNeed(ctx.product.id, members.length);
  const startCsPool = usesStartCsPool(ctx, pool.fqdn);
  const start = startCsPool
    ? lines(
        comment('Start-CsPool starts the Front Ends of the pool together (Windows Fabric); run it once for the pool.'),
        ...(skipped.length === 0
          ? [ps`${cmd('Start-CsPool', { PoolFqdn: v('Pool') })}`]
          : [
              comment(
                'The members not ready yet are skipped; each records its own Step 4 once it has finished Step 3.',
              ),
              ps`$Skip = ${skipped}`,
              ps`${cmd('Start-CsPool', { PoolFqdn: v('Pool'), SkipServer: v('Skip') })}`,
            ]),
      )
    : lines(
        comment('Each member is started without waiting (-NoWait): the Front-End service (RTCSRV) of a new pool shows'),
        comment('"Starting" until enough members run, so waiting on one member before starting the next would stall.'),
        ps`foreach ($FrontEnd in $Members) {`,
        ps`    ${say('Starting the services of ', v('FrontEnd'), '...')}`,
        ps`    ${cmd('Start-CsWindowsService', { ComputerName: v('FrontEnd'), NoWait: true }, 'Name')}`,
        ps`}`,
      );
  const body = lines(
    ps`$Pool = ${pool.fqdn}`,
    ps`$Members = ${named}`,
    ...(skipped.length === 0 || startCsPool ? [] : [ps`$Skip = ${skipped}`]),
    ps`$TimeoutMinutes = ${ctx.waitMinutes}`,
    start,
    comment('Every member started must show all its services Running.'),
    ps`$Deadline = (${cmd('Get-Date')}).AddMinutes($TimeoutMinutes)`,
    ps`do {`,
    ps`    $NotRunning = @()`,
    ps`    foreach ($FrontEnd in $Members) {`,
    ps`        try {`,
    ps`            foreach ($Service in @(${cmd('Get-CsWindowsService', { ComputerName: v('FrontEnd') })})) {`,
    ps`                if ([string]$Service.Status -ne 'Running') { $NotRunning += ($FrontEnd + ' ' + $Service.Name + ' ' + $Service.Status) }`,
    ps`            }`,
    ps`        } catch {`,
    ps`            $NotRunning += ($FrontEnd + ' not reachable (' + $_.Exception.Message + ')')`,
    ps`        }`,
    ps`    }`,
    ps`    if ($NotRunning.Count -eq 0) { break }`,
    ps`    if ((${cmd('Get-Date')}) -ge $Deadline) {`,
    ps`        throw (${concat('Not running after ', v('TimeoutMinutes'), ' minutes: ', ps`$NotRunning -join '; '`, ". Services stuck in Starting mean too few members run; check each member's event log, then run this script again.")})`,
    ps`    }`,
    ps`    ${say('Waiting for: ', ps`$NotRunning -join '; '`)}`,
    ps`    ${cmd('Start-Sleep', { Seconds: 15 }, 'Seconds')}`,
    ps`} while ($true)`,
    say('Done: the pool ', v('Pool'), ' has started; every service of ', ps`$Members -join ', '`, ' is Running.'),
  );
  // Comments hold our own words only: the pool and its members are named in literals ($Pool, $Members, $Skip).
  const notes = [
    `The first start of this pool needs ${need.needed} of its ${members.length} Front Ends running together${need.documented ? " (Microsoft's first-start table)" : " (this size is not in Microsoft's table; the app takes the safe number)"}.`,
    ...(skipped.length === 0 ? [] : [`${skipped.length} member(s) without Step 3 are not started now ($Skip).`]),
    ...(startCsPool
      ? []
      : ["Lync Server 2013 has no Start-CsPool: the members' services are started together instead."]),
  ];
  const script = makeScript(
    ctx,
    {
      id: 'pool-start',
      // About the member it was asked from (the pool's scripts are the same from every member).
      target: normalizeFqdn(server.fqdn),
      server: normalizeFqdn(server.fqdn),
      header: {
        title: `${stepTitle(ctx.product.id, 4)}: first start of the pool (its Front Ends together)`,
        where: 'internal',
        success: 'it ends with "Done: the pool … has started" and lists no service that is not Running.',
        rerunnable: true,
        notes,
      },
    },
    body,
  );
  return { ok: true, scripts: [script] };
}
