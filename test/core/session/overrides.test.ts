// Overrides with substance (issue 14, item 3): what was checked and under which change, each with a
// useful minimum; an override not yet used can be withdrawn with a reason, which closes the gate
// again; both stay in the record and read as overrides, never as proof.
import { describe, expect, it } from 'vitest';
import { OVERRIDE_CHANGE_NOT_ASKED } from '../../../renderer/core/model/override';
import { timelineEntries } from '../../../renderer/core/runbook';
import { must } from '../support/deployments';
import { assignedOnFe01, FE2, phase } from './support';

const CHECKED = 'Get-CsCertificate on fe02 shows the OAuthTokenIssuer thumbprint';

describe('an override says what was checked and under which change', () => {
  it('"ok" is not what was checked, and a change is needed', () => {
    const { session } = assignedOnFe01();
    const ok = session.record({ type: 'override.recorded', server: FE2, reason: 'ok', change: 'CHG-9999' });
    expect(!ok.ok && ok.message).toMatch(/^Say what was checked, in at least 20 characters/);
    const noChange = session.record({ type: 'override.recorded', server: FE2, reason: CHECKED, change: '-' });
    expect(!noChange.ok && noChange.message).toMatch(/^Give the change or ticket this override is approved under/);
    const legacy = session.record({
      type: 'override.recorded',
      server: FE2,
      reason: CHECKED,
      change: OVERRIDE_CHANGE_NOT_ASKED,
    });
    expect(!legacy.ok && legacy.message).toBe(
      'This override.recorded is not valid: its change is set only when an older file is migrated.',
    );
    expect(phase(session, FE2)).toBe('blocked');
    must(session, { type: 'override.recorded', server: FE2, reason: CHECKED, change: 'CHG-9999' });
    expect(phase(session, FE2)).toBe('ready-for-step3');
    const entry = timelineEntries(session.history, session.facts).at(-1)!;
    expect([entry.summary, entry.detail]).toEqual([
      'Gate overridden (not proven)',
      `Checked: ${CHECKED}. Change or ticket: CHG-9999.`,
    ]);
  });
});

describe('an override not yet used can be withdrawn', () => {
  it('with a reason: the gate closes again, and both stay in the record', () => {
    const { session, clock } = assignedOnFe01();
    clock.set('2013-03-14T10:30:00.000Z');
    must(session, { type: 'remediation.chosen', server: FE2, path: 'A' });
    must(session, { type: 'override.recorded', server: FE2, reason: CHECKED, change: 'CHG-9999' });
    const short = session.record({ type: 'override.withdrawn', server: FE2, reason: 'no' });
    expect(!short.ok && short.message).toMatch(/^Say why the override is withdrawn, in at least 10 characters/);
    const early = session.record({
      type: 'override.withdrawn',
      server: FE2,
      reason: 'The thumbprint seen was the old one',
      at: '2013-03-14T10:20:00.000Z',
    });
    expect(!early.ok && early.message).toMatch(/is dated 2013-03-14T10:20:00Z, before the override was recorded/);
    must(session, { type: 'override.withdrawn', server: FE2, reason: 'The thumbprint seen was the old one' });
    expect(phase(session, FE2)).toBe('blocked');
    expect(session.server(FE2)!.context.override).toBeNull();
    // The path chosen before it is chosen again after it.
    expect(session.server(FE2)!.context.path).toBeNull();
    must(session, { type: 'remediation.chosen', server: FE2, path: 'A' });
    expect(session.history.filter((e) => e.type.startsWith('override.')).map((e) => e.type)).toEqual([
      'override.recorded',
      'override.withdrawn',
    ]);
    expect(timelineEntries(session.history, session.facts).find((e) => e.kind === 'override.withdrawn')?.summary).toBe(
      'Override withdrawn: the gate is closed again',
    );
  });

  it('not once a Step 3 went ahead on it, nor where there is none', () => {
    const { session, clock } = assignedOnFe01();
    const none = session.record({ type: 'override.withdrawn', server: FE2, reason: 'Nothing to take back here' });
    expect(!none.ok && none.message).toBe('fe02.contoso.local holds no override to withdraw.');
    clock.set('2013-03-14T10:30:00.000Z');
    must(session, { type: 'override.recorded', server: FE2, reason: CHECKED, change: 'CHG-9999' });
    must(session, { type: 'step.completed', server: FE2, step: 3 });
    const used = session.record({ type: 'override.withdrawn', server: FE2, reason: 'Too late to take it back' });
    expect(!used.ok && used.message).toBe(
      'The override on fe02.contoso.local was used: Step 3 went ahead on it at 2013-03-14T10:30:00.000Z. It stays in the record.',
    );
  });
});
