import { Checkbox, Field, Input } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { ServerContext } from '../../core/machines/server.context';
import { roleNeedsOAuth } from '../../core/model/deployment';
import { fromLocalInput, toLocalInput } from '../format';

/**
 * Why a Step 1's time must be typed rather than taken as now, or undefined: once the certificate is
 * assigned elsewhere, when a gated server's Step 1 finished decides whether its local store is stale.
 */
export function step1TimeMatters(ctx: ServerContext): string | undefined {
  return ctx.oauth !== null && roleNeedsOAuth(ctx.role) && ctx.oauth.server !== ctx.fqdn
    ? 'This time is compared with the OAuth assignment: a copy taken before it is stale. Enter when Step 1 actually finished.'
    : undefined;
}

/** When a step finished, as the admin says it: "now", or an earlier time typed in the deployment's zone. */
export interface FinishedAt {
  readonly timeZone: string;
  /** Why the time must be typed rather than taken as now (it decides the gate), when it must. */
  readonly timeMatters: string | undefined;
  /** True when the time field is shown: asked for, or "It was done earlier" ticked. */
  readonly earlier: boolean;
  readonly setEarlier: (earlier: boolean) => void;
  readonly value: string;
  readonly setValue: (value: string) => void;
  /** The time to record: undefined for "now" (read at the moment of recording), or why it cannot be read. */
  readonly read: () => { ok: true; at: string | undefined } | { ok: false; problem: string };
}

/** The state of a "finished at" time; `timeMatters` asks for the time instead of assuming now. */
export function useFinishedAt(timeZone: string, timeMatters?: string): FinishedAt {
  const [ticked, setEarlier] = useState(false);
  const [value, setTyped] = useState(() => toLocalInput(new Date().toISOString(), timeZone));
  // Until the admin edits the time, it means "now" at the moment of recording, not when the form appeared.
  const [edited, setEdited] = useState(false);
  const earlier = timeMatters !== undefined || ticked;
  return {
    timeZone,
    timeMatters,
    earlier,
    setEarlier,
    value,
    setValue: (v) => {
      setTyped(v);
      setEdited(true);
    },
    read: () => {
      if (!earlier || !edited) return { ok: true, at: undefined };
      const parsed = fromLocalInput(value, timeZone);
      return parsed.ok ? { ok: true, at: parsed.iso } : { ok: false, problem: parsed.problem };
    },
  };
}

/** "It was done earlier: enter the time"; not shown when the time is asked for anyway. */
export function EarlierCheckbox({ time }: { time: FinishedAt }) {
  if (time.timeMatters !== undefined) return null;
  return (
    <Checkbox
      checked={time.earlier}
      onChange={(_, d) => time.setEarlier(Boolean(d.checked))}
      label="It was done earlier: enter the time"
    />
  );
}

/** The time field, "Finished at (zone)", with why it matters; shown only when the time is typed. */
export function FinishedAtInput({ time }: { time: FinishedAt }) {
  const id = useId();
  if (!time.earlier) return null;
  return (
    <Field label={`Finished at (${time.timeZone})`} hint={time.timeMatters}>
      <Input id={id} type="datetime-local" value={time.value} onChange={(_, d) => time.setValue(d.value)} />
    </Field>
  );
}
