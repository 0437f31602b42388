import {
  Button,
  Field,
  Link,
  makeStyles,
  mergeClasses,
  Select,
  Subtitle2,
  Text,
  tokens,
} from '@fluentui/react-components';
import { CheckmarkCircleFilled, CheckmarkRegular, ErrorCircleFilled } from '@fluentui/react-icons';
import { useId, useMemo, useState } from 'react';
import { serverSnapshotOf } from '../../../core/machines/deployment.machine';
import type { ServerSnapshot } from '../../../core/machines/server.machine';
import { PRODUCTS, STEP_NUMBERS, type StepNumber } from '../../../core/model/product';
import type { Deployment } from '../../../core/model/deployment';
import { EarlierCheckbox, FinishedAtInput, useFinishedAt } from '../../components/finished-at';
import { formatTime } from '../../format';
import { useSession } from '../../hooks';
import { useOperator } from '../../workspace/operator';
import type { Workspace } from '../../workspace/workspace';
import {
  bulkOutcome,
  bulkTimeMatters,
  bulkVerdicts,
  LISTED,
  listOf,
  serversCount,
  stepCommand,
  usualNextStep,
  type BulkOutcome,
} from './bulk-steps';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    alignItems: 'flex-start',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    marginBottom: tokens.spacingVerticalM,
    border: `1px solid ${tokens.colorBrandStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
  preview: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    maxHeight: '14rem',
    overflowY: 'auto',
    alignSelf: 'stretch',
  },
  item: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start' },
  icon: { fontSize: '16px', flexShrink: 0, marginTop: '2px' },
  goes: { color: tokens.colorPaletteGreenForeground1 },
  refused: { color: tokens.colorPaletteRedForeground1 },
  server: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
  why: { color: tokens.colorNeutralForeground2 },
  reason: { color: tokens.colorNeutralForeground2 },
});

function sameSnapshots(a: readonly ServerSnapshot[], b: readonly ServerSnapshot[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

/**
 * Marks one step done on the selected servers with one time (now, or typed earlier, as the single
 * "Mark done" form asks it). Before anything is recorded it lists what each server's own machine says;
 * when one would be refused, nothing is recorded unless the admin records the others.
 */
export function BulkBar({
  workspace,
  deployment,
  servers,
  timeZone,
  onCancel,
  onDone,
}: {
  workspace: Workspace;
  deployment: Deployment;
  /** The selected servers, in the dashboard's order. */
  servers: readonly string[];
  timeZone: string;
  onCancel: () => void;
  onDone: (outcome: BulkOutcome) => void;
}) {
  const styles = useStyles();
  const ids = { title: useId(), step: useId(), list: useId(), reason: useId(), rest: useId() };
  const snapshots = useSession(
    workspace,
    (v) =>
      servers.flatMap((fqdn) => {
        const snapshot = serverSnapshotOf(v.snapshot, fqdn);
        return snapshot === undefined ? [] : [snapshot];
      }),
    sameSnapshots,
  );
  // What the machines say depends on the whole deployment (an assignment, a pool start, a sign-off).
  const version = useSession(workspace, (v) => v.version);
  // The step most of them have next, until the admin picks one.
  const [chosen, setChosen] = useState<StepNumber | null>(null);
  const step = chosen ?? usualNextStep(snapshots);
  const time = useFinishedAt(timeZone, bulkTimeMatters(snapshots, step));
  const when = time.read();
  const at = when.ok ? when.at : undefined;
  const { operator } = useOperator();
  const verdicts = useMemo(
    () => bulkVerdicts(workspace, snapshots, step, at, timeZone, operator),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- version: a change elsewhere in the deployment
    [workspace, snapshots, step, at, timeZone, operator, version],
  );
  const goAhead = verdicts.filter((v) => v.refusal === null);
  const leftOut = verdicts.filter((v) => v.refusal !== null);
  // A long selection lists every refusal but only the first of those that go ahead, until asked.
  const [showAll, setShowAll] = useState(false);
  const listed = new Set(goAhead.slice(0, showAll ? undefined : Math.max(0, LISTED - leftOut.length)));
  const shown = verdicts.filter((v) => v.refusal !== null || listed.has(v));
  const unlisted = verdicts.length - shown.length;
  const product = PRODUCTS[deployment.product];

  const record = (rest: boolean) => {
    const now = time.read();
    if (!now.ok) return;
    // Those the form leaves out never reach the machines; the others are checked again as they are recorded.
    const asked = verdicts.filter((v) => !v.ownPage);
    const result = workspace.recordAll(
      asked.map((v) => stepCommand(v.fqdn, step, now.at)),
      { evenIfSomeRefused: rest },
    );
    onDone(
      bulkOutcome(
        step,
        result,
        verdicts.filter((v) => v.ownPage),
        (iso) => formatTime(iso, timeZone),
      ),
    );
  };

  const reasons = new Set(leftOut.map((v) => v.refusal));
  const reason = !when.ok
    ? when.problem
    : leftOut.length === 0
      ? null
      : goAhead.length > 0
        ? `${leftOut.length} of them would be refused (listed above): record the others, or change the selection.`
        : reasons.size === 1 && verdicts.length > 1
          ? `Every one would be refused: ${[...reasons][0]}`
          : 'Every one would be refused, for the reasons listed above.';
  const restLabel =
    goAhead.length === 1 ? 'Record the one that can go ahead' : `Record the ${goAhead.length} that can go ahead`;

  return (
    <section className={styles.bar} aria-labelledby={ids.title}>
      <Subtitle2 as="h3" id={ids.title}>
        Mark a step done on {serversCount(servers.length)} selected
      </Subtitle2>
      <div className={styles.row}>
        <Field label="Step">
          <Select id={ids.step} value={String(step)} onChange={(_, d) => setChosen(Number(d.value) as StepNumber)}>
            {STEP_NUMBERS.map((n) => (
              <option key={n} value={n}>
                Step {n}: {product.stepNames[n]}
              </option>
            ))}
          </Select>
        </Field>
        <EarlierCheckbox time={time} />
        <FinishedAtInput time={time} />
      </div>
      <Text weight="semibold" id={ids.list}>
        Checked on each server, as if it were marked on its own:
      </Text>
      {/* Focusable: a long list scrolls, and a keyboard must be able to scroll it. */}
      <ul className={styles.preview} aria-labelledby={ids.list} tabIndex={0}>
        {shown.map((v) => (
          <li key={v.fqdn} className={styles.item}>
            {v.refusal === null ? (
              <CheckmarkCircleFilled className={mergeClasses(styles.icon, styles.goes)} aria-hidden />
            ) : (
              <ErrorCircleFilled className={mergeClasses(styles.icon, styles.refused)} aria-hidden />
            )}
            <span>
              <span className={styles.server}>{v.fqdn}</span>:{' '}
              {v.refusal === null ? (
                'will be recorded'
              ) : (
                <>
                  {v.ownPage ? 'left out' : 'refused'}: <span className={styles.why}>{v.refusal}</span>
                </>
              )}
            </span>
          </li>
        ))}
      </ul>
      {unlisted > 0 && (
        <Text>
          …and {unlisted} more {unlisted === 1 ? 'server' : 'servers'} where it will be recorded.{' '}
          <Link as="button" onClick={() => setShowAll(true)}>
            Show them all
          </Link>
        </Text>
      )}
      <div className={styles.row}>
        <Button
          appearance="primary"
          icon={<CheckmarkRegular />}
          disabledFocusable={reason !== null}
          aria-describedby={reason !== null ? ids.reason : undefined}
          onClick={() => record(false)}
        >
          Mark Step {step} done on {serversCount(servers.length)}
        </Button>
        {leftOut.length > 0 && goAhead.length > 0 && when.ok && (
          <Button aria-describedby={ids.rest} onClick={() => record(true)}>
            {restLabel}
          </Button>
        )}
        <Button onClick={onCancel}>Cancel</Button>
      </div>
      {reason !== null && (
        <Text id={ids.reason} className={styles.reason}>
          {reason}
        </Text>
      )}
      {leftOut.length > 0 && goAhead.length > 0 && when.ok && (
        <Text id={ids.rest} className={styles.reason}>
          Leaves out {listOf(leftOut.map((v) => v.fqdn))}: nothing is recorded there.
        </Text>
      )}
    </section>
  );
}
