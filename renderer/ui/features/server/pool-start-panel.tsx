import { Caption1, makeStyles, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { listOf, needWords, poolWaitText, type PoolStartStatus } from '../../../core/machines/pool-start';
import { stepTitle, type ProductVersion } from '../../../core/model/product';
import type { Host } from '../../../host/host';
import type { Workspace } from '../../workspace/workspace';
import { MarkDone } from './mark-done';
import { Scripts } from './scripts';
import { usePanelStyles, type ServerPanelProps } from './server-panel';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'stretch' },
});

/**
 * Step 4 of a member of an Enterprise pool that has not started: the pool's first start, of the members
 * with Step 3 done, once there are enough of them. Recording it records Step 4 on each member it started.
 */
export function PoolStartPanel({
  workspace,
  host,
  server,
  product,
  pool,
  record,
}: {
  workspace: Workspace;
  host: Host;
  server: string;
  product: ProductVersion;
  pool: PoolStartStatus;
  record: ServerPanelProps['record'];
}) {
  const panel = usePanelStyles();
  const styles = useStyles();
  return (
    <section className={styles.box} aria-label={`First start of the pool ${pool.pool}`}>
      <Subtitle2 as="h4">{`First start of the pool ${pool.pool}`}</Subtitle2>
      <Text as="p">
        {`Step 4 of an Enterprise Edition Front End pool is one start of the pool, not of ${server} alone: ${needWords(pool)}.`}
      </Text>
      {!pool.need.documented && (
        <Caption1 as="p">
          Unconfirmed: Microsoft&apos;s table has no row for a pool of this size; the app asks for the next documented
          number.
        </Caption1>
      )}
      <Text as="p" className={panel.muted}>
        {pool.ready.length > 0 ? `Step 3 done: ${listOf(pool.ready)}. ` : ''}
        {pool.missing.length > 0 ? `Still missing Step 3: ${listOf(pool.missing)}.` : 'Every member has Step 3 done.'}
      </Text>
      {pool.canStart ? (
        <>
          <Scripts
            workspace={workspace}
            host={host}
            server={server}
            request={{ kind: 'pool-start', servers: pool.ready }}
          />
          <MarkDone
            label={`Record the start of ${pool.pool} (${stepTitle(product, 4)} on ${listOf(pool.ready)})`}
            timeZone={host.timeZone()}
            askThumbprint={false}
            record={(extra) =>
              record({
                type: 'pool.started',
                pool: pool.pool,
                servers: [...pool.ready],
                ...(extra.at ? { at: extra.at } : {}),
              })
            }
          />
        </>
      ) : (
        <Text as="p">{poolWaitText(pool)}</Text>
      )}
    </section>
  );
}
